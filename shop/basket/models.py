from oscar.apps.basket.abstract_models import AbstractBasket, AbstractLine

from shop import vat


class Basket(AbstractBasket):
    """Oscar's basket, loading with its lines what pricing and availability read for every line.

    Without this, the product class (stock tracking), the parent (VAT class of a variant) and the partner
    cost one query per line on the basket page and every checkout step.
    """

    def all_lines(self):
        if self.id is None:
            return self.lines.model.objects.none()
        if self._lines is None:
            self._lines = (
                self.lines.select_related(
                    "product", "product__product_class", "product__parent", "product__parent__product_class",
                    "stockrecord", "stockrecord__partner",
                )
                # The strategy picks a stock record per product: the product's records come along.
                # A variant without its own pictures shows its parent's: those come along too. The off-sale rule
                # reads the licences of the product, or of a variant's parent.
                .prefetch_related(
                    "attributes", "product__images", "product__parent__images", "product__stockrecords__partner",
                    "product__licences", "product__parent__licences",
                )
                .order_by(self._meta.pk.name)
            )
        return self._lines


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
