from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.order.abstract_models import AbstractOrder


class Order(AbstractOrder):
    # When the money arrived: the day an online sale counts for the designers' royalties. Indexed because the
    # royalty run selects a period's orders by it.
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True, db_index=True)

    @property
    def status_label(self):
        """The status as shoppers read it, translated; order.status stays Oscar's English pipeline key."""
        from .statuses import label

        return label(self.status)

    # Guest links (status page, invoice, withdrawal) expire and open only this order: see shop/order/guest_links.py.
    def verification_hash(self):
        from .guest_links import make_token

        return make_token(self.number)

    def check_verification_hash(self, hash_to_check):
        from .guest_links import LinkState, check_token

        return check_token(self.number, hash_to_check) is LinkState.VALID


from oscar.apps.order.models import *  # noqa: E402, F403  (Oscar fork: the rest stay Oscar's)
