"""The VAT rate of a product's tax class, used to derive net revenue from outlet gross prices.

Kept in one tiny function so that it can be unified with the checkout's tax strategy.
"""

from decimal import ROUND_HALF_UP, Decimal

RATES = {"standard": Decimal("0.19"), "reduced": Decimal("0.07")}
CENT = Decimal("0.01")


def vat_rate(tax_class):
    """German VAT rate for Product.tax_class ("standard" 19 %, "reduced" 7 %)."""
    return RATES[tax_class or "standard"]


def net_from_gross(gross, rate):
    """Net amount of a gross amount at `rate`, rounded half-up to the cent."""
    return (Decimal(gross) / (1 + rate)).quantize(CENT, rounding=ROUND_HALF_UP)
