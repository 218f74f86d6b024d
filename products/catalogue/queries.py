"""Querysets for showing products to shoppers with a fixed number of queries."""

from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")


def product_cards(queryset=None):
    """Browsable products with what a product card needs (price, stock, image) prefetched.

    Lighter than Oscar's base_queryset(): cards show no options, so those are not fetched.
    """
    queryset = Product.objects.browsable() if queryset is None else queryset
    return queryset.select_related("product_class").prefetch_related(
        "stockrecords", "images", "children__stockrecords"
    )
