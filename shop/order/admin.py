from oscar.apps.order.admin import *  # noqa: F403  (Oscar fork: the rest stay Oscar's)
