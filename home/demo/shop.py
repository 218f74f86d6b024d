"""Demo catalogue: a few label products with generated images, stocked by the social workshop."""

from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from . import content
from .images import image_file

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")


@transaction.atomic
def load():
    partner, _ = Partner.objects.get_or_create(name=content.PARTNER_NAME)
    product_class, _ = ProductClass.objects.get_or_create(
        slug="label-produkt", defaults={"name": "Label-Produkt", "requires_shipping": True, "track_stock": True}
    )
    categories = {name: create_from_breadcrumbs(name) for name in content.CATEGORIES}
    for upc, title, category, price, stock, description in content.PRODUCTS:
        product, created = Product.objects.get_or_create(
            upc=upc,
            defaults={
                "title": title,
                "slug": slugify(title),
                "description": description,
                "product_class": product_class,
                "structure": Product.STANDALONE,
            },
        )
        if not created:
            continue
        ProductCategory.objects.create(product=product, category=categories[category])
        ProductImage.objects.create(
            product=product, original=image_file(upc, f"{upc.lower()}.jpg", (1200, 1200), title), display_order=0
        )
        StockRecord.objects.create(
            product=product,
            partner=partner,
            partner_sku=upc,
            price=Decimal(price),
            price_currency="EUR",
            num_in_stock=stock,
        )
    return Product.objects.count()
