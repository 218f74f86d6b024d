from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.exceptions import *  # noqa: F403  (Oscar fork: re-export the originals)
from oscar.apps.partner.exceptions import InvalidStockAdjustment


class InsufficientStock(InvalidStockAdjustment):
    """Fewer units are available than an allocation, transfer or sale asks for.

    A subclass of Oscar's InvalidStockAdjustment so that the checkout, which catches that, tells the
    shopper the product is sold out.
    """

    def __init__(self, stockrecord=None, requested=None, available=None, message=None):
        self.stockrecord = stockrecord
        self.requested = requested
        self.available = available
        if message is None:
            if stockrecord is not None and requested is not None:
                message = _(
                    "Only %(available)s unit(s) of %(product)s available at %(partner)s, %(requested)s requested."
                ) % {
                    "available": max(available or 0, 0),
                    "product": stockrecord.product.get_title(),
                    "partner": stockrecord.partner.display_name,
                    "requested": requested,
                }
            else:
                message = _("Not enough units in stock.")
        super().__init__(message)


class StockError(ValueError):
    """A stock change that cannot be accepted (message for the user). `field`: the form field it concerns."""

    def __init__(self, message, field=None):
        self.field = field
        super().__init__(message)
