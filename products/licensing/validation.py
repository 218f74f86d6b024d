"""Rules that span several licences."""

from django.apps import apps


def overlapping_licences(products, start_date, end_date, exclude_pk=None):
    """(product, licence) pairs where another licence covers one of `products` during [start, end]."""
    Licence = apps.get_model("licensing", "Licence")
    products = list(products)
    clashes = (
        Licence.objects.filter(products__in=products, start_date__lte=end_date, end_date__gte=start_date)
        .exclude(pk=exclude_pk)
        .prefetch_related("products")
        .distinct()
    )
    chosen = {product.pk: product for product in products}
    return [
        (chosen[product.pk], licence)
        for licence in clashes
        for product in licence.products.all()
        if product.pk in chosen
    ]
