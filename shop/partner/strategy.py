"""Pricing strategy for a German shop: net prices in the stock records, shown gross with VAT."""

from oscar.apps.partner import prices, strategy

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


class Germany(UseWorkshopStockRecord, strategy.StockRequired, GermanVAT, strategy.Structured):
    """Online orders are sold from the workshop's stock record with German VAT."""


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return Germany(request)
