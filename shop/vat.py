"""German VAT rules: rates by the product's tax class, cent rounding half-up, VAT per rate.

Prices are stored net in the stock records; shoppers see gross prices. The tax is rounded per unit,
so a line's gross is unit gross × quantity: the gross line totals are the price agreed with the shopper.

The VAT a document states is computed once per rate (§ 14 (4) Nr. 7, 8 UStG: the Entgelt broken down by
rate and the tax on it), never summed per unit or line: the rate's gross total (lines after vouchers,
plus its share of shipping) holds VAT = gross × rate / (1 + rate), rounded half-up to the cent once, and
the rate's net (the Entgelt) is gross − VAT. So net + VAT = gross for every rate, the rates add up to the
amount paid, and the VAT is the rate applied to the rate's net total (to the cent).
"""

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


def rate_totals(gross_by_rate):
    """VAT per rate from (rate, gross amount) pairs: the one computation every page, e-mail and invoice shows.

    The gross amounts of a rate are added first; its VAT is then rounded once (see the module docstring).
    Returns a list of RateTotal, highest rate first.
    """
    gross_totals = {}
    for rate, gross in gross_by_rate:
        if gross is None:
            continue  # a line without a price (off sale) cannot be ordered and adds no VAT
        gross_totals[rate] = gross_totals.get(rate, Decimal("0.00")) + Decimal(gross)
    totals = []
    for rate in sorted(gross_totals, reverse=True):
        gross = cents(gross_totals[rate])
        tax = cents(gross * rate / (1 + rate))
        totals.append(RateTotal(rate, net=gross - tax, tax=tax))
    return totals


def breakdown(lines, shipping_gross=Decimal("0.00")):
    """VAT per rate for (tax code, gross incl. discounts) pairs plus shipping (split over the rates by their goods)."""
    pairs = [(rate_from_code(code), gross) for code, gross in lines if gross is not None]
    if shipping_gross:
        shares = {}
        for rate, gross in pairs:
            shares[rate] = shares.get(rate, Decimal("0.00")) + gross
        pairs += [(rate, part) for rate, part, _net, _tax in split_gross_by_shares(shipping_gross, shares)]
    return rate_totals(pairs)


def basket_breakdown(basket, shipping_gross=Decimal("0.00")):
    lines = [
        (line.tax_code or tax_code(rate_for(line.product)), line.line_price_incl_tax_incl_discounts)
        for line in basket.all_lines()
    ]
    return breakdown(lines, shipping_gross)


def order_breakdown(order):
    # Order-level discounts (vouchers) are already inside Oscar's line prices after discounts.
    return breakdown([(line.tax_code, line.line_price_incl_tax) for line in order.lines.all()], order.shipping_incl_tax)


def order_discounts_by_rate(order):
    """The vouchers' and offers' effect per rate (gross, positive amounts), highest rate first.

    The invoice lists the lines at their price before discounts and this reduction per rate, so that the
    per-rate totals after it visibly follow from the lines.
    """
    discounts = {}
    for line in order.lines.all():
        amount = line.line_price_before_discounts_incl_tax - line.line_price_incl_tax
        if amount:
            rate = rate_from_code(line.tax_code)
            discounts[rate] = discounts.get(rate, Decimal("0.00")) + amount
    return [(rate, (rate * 100).normalize(), cents(discounts[rate])) for rate in sorted(discounts, reverse=True)]
