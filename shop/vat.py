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
    return RATES.get(tax_class_of(product), STANDARD_RATE)


def percent(rate):
    """0.19 → 19, 0.055 → 5.5, 0.20 → 20 (not 2E+1, what Decimal.normalize() alone gives)."""
    return Decimal(format((rate * 100).normalize(), "f"))


def tax_code(rate, country=None):
    """The rate as Oscar's line tax code, so that order lines keep the rate they were sold at.

    German VAT: "19", "7". Another member state's VAT (a distance sale under § 3c UStG, see shop/oss.py):
    the country in front, "FR-20", "IE-0", "FR-5.5".
    """
    code = str(percent(rate))
    return f"{country}-{code}" if country else code


def _split_code(code):
    country, _dash, number = code.rpartition("-")
    return country or None, number


def rate_from_code(code):
    return (Decimal(_split_code(code)[1]) / 100) if code else STANDARD_RATE


def country_of_code(code):
    """The member state whose VAT a tax code is ("FR" for "FR-20"); None for German VAT."""
    return _split_code(code)[0] if code else None


def destination_rate_for(product, country):
    """The rate of `country` (another member state) for the product's tax class (shop/eu_vat_rates.py)."""
    from shop.eu_vat_rates import rate

    return rate(country, tax_class_of(product))


def tax_class_of(product):
    return product.parent.tax_class if product.is_child and product.parent_id else product.tax_class


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
    # The member state whose VAT this is, for a distance sale taxed at the destination (OSS); "" for German VAT.
    country: str = ""

    @property
    def gross(self):
        return self.net + self.tax

    @property
    def percent(self):
        return percent(self.rate)


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
    lines = [(code, gross) for code, gross in lines if gross is not None]
    pairs = [(rate_from_code(code), gross) for code, gross in lines]
    if shipping_gross:
        shares = {}
        for rate, gross in pairs:
            shares[rate] = shares.get(rate, Decimal("0.00")) + gross
        pairs += [(rate, part) for rate, part, _net, _tax in split_gross_by_shares(shipping_gross, shares)]
    totals = rate_totals(pairs)
    # One order has one destination, so all its lines carry the same country (or none): the rates stay the key.
    country = destination_country([code for code, _gross in lines])
    for total in totals:
        total.country = country or ""
    return totals


def destination_country(codes):
    """The member state whose VAT the codes are (a distance sale taxed at the destination), or None."""
    countries = {country_of_code(code) for code in codes} - {None}
    return countries.pop() if len(countries) == 1 else None


def order_destination_country(order):
    """The member state whose VAT an order was charged with (OSS), None for German VAT."""
    return destination_country([line.tax_code for line in order.lines.all()])


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
    return [(rate, percent(rate), cents(discounts[rate])) for rate in sorted(discounts, reverse=True)]
