"""Shipping methods of the shop: DHL within Germany, DHL to the EU, and free pick-up at an outlet.

Charges are gross amounts (what the shopper pays). Their VAT follows the goods: in a mixed 19 %/7 %
basket the charge is split in proportion to the goods' gross value (shop/vat.py).
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping import methods
from oscar.core import prices

from shop import vat

DHL_GERMANY_GROSS = Decimal("4.90")
DHL_GERMANY_FREE_FROM = Decimal("60.00")  # gross value of the goods after discounts
DHL_EU_GROSS = Decimal("14.90")


def basket_rate_shares(basket, country=None):
    shares = {}
    for line in basket.all_lines():
        rate = vat.destination_rate_for(line.product, country) if country else vat.rate_for(line.product)
        shares[rate] = shares.get(rate, Decimal("0.00")) + (line.line_price_incl_tax_incl_discounts or 0)
    return shares


def charge(basket, gross, country=None):
    """A shipping charge of `gross` with its VAT split over the basket's rates.

    `country`: a distance sale taxed at the destination (shop/oss.py): that member state's rates.
    """
    gross = vat.cents(gross)
    parts = vat.split_gross_by_shares(gross, basket_rate_shares(basket, country)) if gross else []
    net = sum((part[2] for part in parts), Decimal("0.00"))
    codes = {vat.tax_code(part[0], country) for part in parts if part[1]}
    code = codes.pop() if len(codes) == 1 else ("mixed" if codes else vat.tax_code(vat.STANDARD_RATE))
    return prices.Price(currency=basket.currency or "EUR", excl_tax=net, tax=gross - net, tax_code=code)


class DHLGermany(methods.Base):
    code = "dhl-de"
    name = _("DHL parcel within Germany")
    is_pickup = False
    description = _("Free from €60 order value.")
    # Read by the shipping and payment page (home.legal_documents), so it always states what the checkout charges.
    standard_gross = DHL_GERMANY_GROSS
    free_from = DHL_GERMANY_FREE_FROM

    def gross_for(self, basket):
        goods = basket.total_incl_tax
        return Decimal("0.00") if goods >= DHL_GERMANY_FREE_FROM else DHL_GERMANY_GROSS

    def calculate(self, basket):
        return charge(basket, self.gross_for(basket))


class DHLEurope(methods.Base):
    code = "dhl-eu"
    name = _("DHL parcel to another EU country")
    is_pickup = False
    description = ""
    standard_gross = DHL_EU_GROSS
    free_from = None

    def gross_for(self, basket):
        return DHL_EU_GROSS

    def calculate(self, basket):
        return charge(basket, DHL_EU_GROSS)


class PickUp(methods.Base):
    """Collection at a partner outlet (the Depot workshop or an outlet that allows it): free, no address."""

    is_pickup = True

    def __init__(self, partner):
        self.partner = partner
        self.code = f"pickup-{partner.pk}"
        self.name = _("Pick-up: %(place)s") % {"place": partner.name}
        self.description = partner.opening_hours

    def gross_for(self, basket):
        return Decimal("0.00")

    def calculate(self, basket):
        return charge(basket, Decimal("0.00"))
