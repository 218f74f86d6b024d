from oscar.apps.partner.models import *  # noqa: F403  (Oscar fork: re-export the originals)
