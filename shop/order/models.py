from django.db import models
from django.utils.functional import cached_property
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

    @property
    def is_withdrawable(self):
        """The withdrawal button is offered (a live contract, no declaration yet)."""
        from .statuses import WITHDRAWABLE

        return self.status in WITHDRAWABLE

    @cached_property
    def pickup_point(self):
        """The partner a pick-up order is collected from (None for delivered orders)."""
        from .services import pickup_point

        return pickup_point(self)

    @cached_property
    def pickup_address(self):
        """The pick-up point's address lines ([] for delivered orders)."""
        from .services import pickup_address_lines

        return pickup_address_lines(self.pickup_point)

    # Guest links (status page, invoice, withdrawal) expire and open only this order: see shop/order/guest_links.py.
    def verification_hash(self):
        from .guest_links import make_token

        return make_token(self.number)

    def check_verification_hash(self, hash_to_check):
        from .guest_links import LinkState, check_token

        return check_token(self.number, hash_to_check) is LinkState.VALID


class Withdrawal(models.Model):
    """A shopper's declaration of withdrawal (§ 355, § 356a BGB) from the whole contract of one order.

    One per order, enforced by the database (one-to-one): a second click, the back button or a second tab finds
    this row and changes nothing. `content` is the declaration as the shopper confirmed it and as the
    acknowledgement e-mail repeats it; `declared_at` is the one timestamp shown on the page, in the mail and here.
    """

    order = models.OneToOneField("order.Order", on_delete=models.PROTECT, related_name="withdrawal",
                                 verbose_name=_("order"))
    declared_at = models.DateTimeField(_("declared at"))
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"))
    content = models.TextField(_("declaration"))

    class Meta:
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")
        ordering = ["-declared_at"]

    def __str__(self):
        return f"{self.order.number}: {self.name}"


from oscar.apps.order.models import *  # noqa: E402, F403  (Oscar fork: the rest stay Oscar's)
