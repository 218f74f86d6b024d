"""Pricing strategy for a German shop: net prices in the stock records, shown gross with VAT."""

from decimal import ROUND_HALF_UP, Decimal

from oscar.apps.partner import strategy

from .selection import UseWorkshopStockRecord

STANDARD_VAT_RATE = Decimal("0.19")


class GermanVAT(strategy.FixedRateTax):
    """Standard German VAT, rounded half-up to the cent so that gross prices are whole cents."""

    rate = STANDARD_VAT_RATE
    exponent = Decimal("0.01")

    def pricing_policy(self, product, stockrecord):
        price = super().pricing_policy(product, stockrecord)
        if getattr(price, "tax", None) is not None and stockrecord is not None:
            price.tax = (stockrecord.price * self.get_rate(product, stockrecord)).quantize(
                self.exponent, rounding=ROUND_HALF_UP
            )
        return price


class Germany(UseWorkshopStockRecord, strategy.StockRequired, GermanVAT, strategy.Structured):
    """Online orders are sold from the workshop's stock record with German VAT."""


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return Germany(request)
