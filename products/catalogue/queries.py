"""Querysets for showing products to shoppers with a fixed number of queries."""

from django.db.models import Prefetch
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Licence = get_model("licensing", "Licence")


def licences_prefetch(lookup="licences"):
    """The licence terms the off-sale rule reads (products.licensing.availability), in one query for all products."""
    return Prefetch(lookup, queryset=Licence.objects.only("pk", "start_date", "end_date", "sell_off_until"))


def public_children_prefetch(*related, with_attributes=False):
    """Public variants with their stock records, where Oscar's strategy looks for them
    (Product.get_public_children() uses `_prefetched_public_children`)."""
    children = Product.objects.filter(is_public=True).prefetch_related("stockrecords", *related).order_by("pk")
    if with_attributes:
        # The variant chooser labels each variant with its attribute summary.
        children = children.prefetch_attribute_values()
    return Prefetch("children", queryset=children, to_attr="_prefetched_public_children")


def product_cards(queryset=None):
    """Browsable products with what a product card needs (price, stock, image, texts) prefetched.

    Lighter than Oscar's base_queryset(): cards show no options, so those are not fetched.
    """
    queryset = Product.objects.browsable() if queryset is None else queryset
    return queryset.select_related("product_class").prefetch_related(
        "stockrecords", "images", "translations", licences_prefetch(), public_children_prefetch()
    )
