"""Pricing strategy for a German shop: net prices in the stock records, shown gross with VAT."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import availability, prices, strategy

from products.licensing.availability import licence_allows_sale
from shop import vat

from .selection import UseWorkshopStockRecord


class GermanVAT(strategy.FixedRateTax):
    """German VAT by the product's tax class (19 % standard, 7 % reduced), rounded half-up to the cent.

    The rate travels with the price as Oscar's tax code, so basket lines and order lines keep it.
    """

    exponent = vat.CENT

    def get_rate(self, product, stockrecord):
        return vat.rate_for(product)

    def _price(self, product, stockrecord):
        rate = self.get_rate(product, stockrecord)
        return prices.TaxInclusiveFixedPrice(
            currency=stockrecord.price_currency,
            excl_tax=stockrecord.price,
            tax=vat.tax_on(stockrecord.price, rate),
            tax_code=vat.tax_code(rate),
        )

    def pricing_policy(self, product, stockrecord):
        if not stockrecord or stockrecord.price is None:
            return prices.Unavailable()
        return self._price(product, stockrecord)

    def parent_pricing_policy(self, product, children_stock):
        stockrecords = [record for _child, record in children_stock if record is not None and record.price is not None]
        if not stockrecords:
            return prices.Unavailable()
        return self._price(product, stockrecords[0])


class NoLongerAvailable(availability.Unavailable):
    """The product's licence has ended (sell-off period included): it is off sale for good, not out of stock."""

    code = "no-longer-available"
    message = _("No longer available")

    def is_purchase_permitted(self, quantity):
        return False, _("this product is no longer available")


class LicenceRequired:
    """Label products go off sale when no licence (or sell-off period) covers today; variants follow their parent.

    The answer is kept per licensed product for the strategy's life (one request): a parent's variants, which
    do not always share the parent's instance with its prefetched licences, ask only once.
    """

    def _on_sale(self, product):
        key = product.parent_id or product.pk
        if key is None:
            return licence_allows_sale(product)
        known = self.__dict__.setdefault("_licence_allows_sale", {})
        if key not in known:
            known[key] = licence_allows_sale(product)
        return known[key]

    def availability_policy(self, product, stockrecord):
        if not self._on_sale(product):
            return NoLongerAvailable()
        return super().availability_policy(product, stockrecord)

    def parent_availability_policy(self, product, children_stock):
        if not self._on_sale(product):
            return NoLongerAvailable()
        return super().parent_availability_policy(product, children_stock)


class Germany(UseWorkshopStockRecord, LicenceRequired, strategy.StockRequired, GermanVAT, strategy.Structured):
    """Online orders are sold from the workshop's stock record with German VAT, while the licence allows."""


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return Germany(request)
