from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner


class Partner(AbstractPartner):
    """The social workshop that makes the goods, and the outlets that sell them over the counter."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Social workshop")
        MUSEUM_SHOP = "museum_shop", _("Museum shop")
        POPUP_STORE = "popup_store", _("Pop-up store")
        FAIR_TRADE = "fair_trade", _("Fair-trade partner")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.WORKSHOP)
    allows_pickup = models.BooleanField(
        _("pick-up of online orders"), default=False, help_text=_("Shoppers may collect online orders here.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    active_until = models.DateField(
        _("active until"), null=True, blank=True, help_text=_("Last day of a pop-up store; empty if open-ended.")
    )
    opening_hours = models.TextField(_("opening hours"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)


from oscar.apps.partner.models import *  # noqa: E402, F403  (Oscar fork: the rest stay Oscar's)
