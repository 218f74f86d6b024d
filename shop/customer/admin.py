from oscar.apps.customer.admin import *  # noqa: F403  (Oscar fork: the admin stays Oscar's)
