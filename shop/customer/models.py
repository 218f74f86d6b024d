from oscar.apps.customer.models import *  # noqa: F403  (Oscar fork: the models stay Oscar's)
