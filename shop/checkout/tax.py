"""VAT of the destination country at checkout, once the delivery address is known (distance sales, § 3c UStG).

Oscar's place for tax that depends on the address is `build_submission`: the basket's lines and the shipping
charge get the destination country's rates there, and the order is placed from them, so order lines store the
destination rate as their tax code ("FR-20"; shop/vat.py).

Price policy: the gross prices stay what the shopper saw (final prices per PAngV, the same in every country);
the net and the VAT inside them follow the destination rate. The label absorbs the rate difference.
"""

from decimal import Decimal

from oscar.apps.partner.prices import TaxInclusiveFixedPrice

from shop import vat
from shop.oss.threshold import destination_country
from shop.shipping.methods import charge


def apply_destination_tax(basket, country):
    """Give each basket line `country`'s rate for its tax class; gross unit prices stay as they are.

    The lines are changed in memory only (Oscar's purchase info and the line's tax code): the next request
    prices the basket afresh with German VAT until an address abroad is known again.
    """
    for line in basket.all_lines():
        info = line.purchase_info
        price = info.price
        if not price.exists or not price.is_tax_known:
            continue
        rate = vat.destination_rate_for(line.product, country)
        gross = price.incl_tax
        net = vat.cents(gross / (1 + rate))
        code = vat.tax_code(rate, country)
        line._info = info._replace(
            price=TaxInclusiveFixedPrice(currency=price.currency, excl_tax=net, tax=gross - net, tax_code=code)
        )
        line.tax_code = code


class DestinationTaxMixin:
    """For checkout views: the submission (summary and order) in the destination country's VAT when it applies."""

    def build_submission(self, **kwargs):
        submission = super().build_submission(**kwargs)
        address, shipping_charge = submission["shipping_address"], submission["shipping_charge"]
        if address is None or shipping_charge is None:
            return submission  # pick-up, or no delivery chosen yet: German VAT
        basket = submission["basket"]
        country = getattr(basket, "_vat_destination", None)
        if country is None:
            # The crossing sale counts with its German net (goods after discounts and shipping).
            sale_net = (basket.total_excl_tax or Decimal("0.00")) + (shipping_charge.excl_tax or Decimal("0.00"))
            country = destination_country(address.country_id, sale_net=sale_net) or ""
            basket._vat_destination = country  # once per request: the summary and the order agree
        if not country:
            return submission
        apply_destination_tax(basket, country)
        submission["shipping_charge"] = charge(basket, shipping_charge.incl_tax, country)
        submission["order_total"] = self.get_order_totals(
            basket, shipping_charge=submission["shipping_charge"], surcharges=submission["surcharges"]
        )
        return submission
