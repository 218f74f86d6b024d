from oscar.apps.shipping.admin import *  # noqa: F403  (Oscar fork: the rest stay Oscar's)
