"""German VAT rules: rates by the product's tax class, cent rounding half-up, VAT per rate.

Prices are stored net in the stock records; shoppers see gross prices. The tax is rounded per unit,
so a line's gross is unit gross × quantity and every total adds up to the cent.
"""

from collections import OrderedDict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
RATES = {"standard": Decimal("0.19"), "reduced": Decimal("0.07")}
STANDARD_RATE = RATES["standard"]


def cents(amount):
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def rate_for(product):
    """A variant is taxed like its parent: the tax class is a property of the design, not the size."""
    tax_class = product.parent.tax_class if product.is_child and product.parent_id else product.tax_class
    return RATES.get(tax_class, STANDARD_RATE)


def tax_code(rate):
    """The rate as Oscar's line tax code ("19", "7"), so that order lines keep the rate they were sold at."""
    return str((rate * 100).normalize())


def rate_from_code(code):
    return (Decimal(code) / 100) if code else STANDARD_RATE


def tax_on(net, rate):
    return cents(net * rate)


def net_from_gross(gross, rate):
    """Net amount of a gross amount at `rate` (outlet sales are reported gross), rounded half-up to the cent."""
    return cents(Decimal(gross) / (1 + rate))


@dataclass
class RateTotal:
    rate: Decimal
    net: Decimal = Decimal("0.00")
    tax: Decimal = Decimal("0.00")

    @property
    def gross(self):
        return self.net + self.tax

    @property
    def percent(self):
        return (self.rate * 100).normalize()


def split_gross_by_shares(gross, shares):
    """Split a gross amount (shipping) over VAT rates in proportion to `shares` {rate: gross goods}.

    German practice for a mixed basket: the ancillary service follows the goods. The last rate takes the
    remainder so that the parts add up to `gross` exactly. Returns [(rate, gross part, net part, tax part)].
    """
    total = sum(shares.values())
    rates = sorted(shares, reverse=True)
    if not rates or total <= 0:
        rates, shares, total = [STANDARD_RATE], {STANDARD_RATE: Decimal(1)}, Decimal(1)
    parts, remaining = [], cents(gross)
    for index, rate in enumerate(rates):
        part = remaining if index == len(rates) - 1 else cents(gross * shares[rate] / total)
        remaining -= part
        net = cents(part / (1 + rate))
        parts.append((rate, part, net, part - net))
    return parts


def breakdown(lines, shipping_gross=Decimal("0.00")):
    """VAT per rate for (tax code, gross incl. discounts, net incl. discounts) triples plus shipping.

    Returns a list of RateTotal, highest rate first.
    """
    totals = OrderedDict()
    for code, gross, net in lines:
        if gross is None or net is None:
            continue  # a line without a price (off sale) cannot be ordered and adds no VAT
        rate = rate_from_code(code)
        entry = totals.setdefault(rate, RateTotal(rate))
        entry.net += net
        entry.tax += gross - net
    if shipping_gross:
        shares = {rate: entry.gross for rate, entry in totals.items()}
        for rate, _gross, net, tax in split_gross_by_shares(shipping_gross, shares):
            entry = totals.setdefault(rate, RateTotal(rate))
            entry.net += net
            entry.tax += tax
    return [totals[rate] for rate in sorted(totals, reverse=True)]


def basket_breakdown(basket, shipping_gross=Decimal("0.00")):
    lines = [
        (line.tax_code or tax_code(rate_for(line.product)),
         line.line_price_incl_tax_incl_discounts, line.line_price_excl_tax_incl_discounts)
        for line in basket.all_lines()
    ]
    return breakdown(lines, shipping_gross)


def order_breakdown(order):
    lines = [
        (line.tax_code, line.line_price_incl_tax, line.line_price_excl_tax) for line in order.lines.all()
    ]
    # Order-level discounts (vouchers) are already inside Oscar's line prices after discounts.
    return breakdown(lines, order.shipping_incl_tax)
