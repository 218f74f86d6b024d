"""Which products a designer's profile shows."""

from oscar.core.loading import get_model

from products.catalogue.queries import product_cards

Product = get_model("catalogue", "Product")


def products_of(designer_id):
    """Products on sale that are (or were) licensed from the designer, ready for product cards.

    A licence that has ended does not hide a product: it stays on the profile for as long as the shop
    still sells it (public and browsable). Licences cover parent or standalone products, never variants.
    """
    if designer_id is None:
        return Product.objects.none()
    licensed = Product.objects.filter(licences__designer_id=designer_id).values("pk")
    return product_cards(Product.objects.browsable().filter(pk__in=licensed)).order_by("title", "pk")


def designer_pages_for(product):
    """The live profiles of the designers whose licences cover `product` (or its parent), in the
    visitor's language where translated, else in German."""
    from wagtail.models import Locale

    from .models import DesignerPage

    licensed_id = product.parent_id or product.pk
    pages = DesignerPage.objects.live().public().filter(designer__licences__products=licensed_id).distinct()
    by_translation_key = {}
    current = Locale.get_active()
    for page in pages.select_related("locale").order_by("title"):
        known = by_translation_key.get(page.translation_key)
        if known is None or page.locale_id == current.pk:
            by_translation_key[page.translation_key] = page
    return list(by_translation_key.values())
