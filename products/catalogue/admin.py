from oscar.apps.catalogue.admin import *  # noqa: F403  (Oscar fork: re-export the originals)
