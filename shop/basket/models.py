from oscar.apps.basket.abstract_models import AbstractLine

from shop import vat


class Line(AbstractLine):
    """Oscar's basket line, with discounted prices in whole cents.

    Oscar spreads a percentage voucher over the lines without rounding (10 % of 16.18 € = 1.618 €); a German
    invoice needs every line in cents, so the discounted line prices are rounded half-up here and the
    basket totals (sums of the lines) add up to the cent.
    """

    @property
    def line_price_incl_tax_incl_discounts(self):
        value = super().line_price_incl_tax_incl_discounts
        return None if value is None else vat.cents(value)

    @property
    def line_price_excl_tax_incl_discounts(self):
        value = super().line_price_excl_tax_incl_discounts
        return None if value is None else vat.cents(value)


from oscar.apps.basket.models import *  # noqa: E402, F403  (Oscar fork: the rest stay Oscar's)
