"""factory_boy factories for the shop; Wagtail pages come from the demo content."""

from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from oscar.core.loading import get_model

from home.demo.images import render_pattern

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    title = factory.Sequence(lambda n: f"Testprodukt {n}")
    upc = factory.Sequence(lambda n: f"TEST-{n:05d}")
    structure = Product.STANDALONE
    product_class = factory.LazyFunction(lambda: ProductClass.objects.get(slug="label-produkt"))
    is_public = True

    @factory.post_generation
    def stock(product, create, extracted, **kwargs):
        if not create:
            return
        StockRecord.objects.create(
            product=product,
            partner=Partner.objects.get(name="Sozialwerkstatt im Depot"),
            partner_sku=product.upc,
            price=Decimal(extracted or "10.00"),
            price_currency="EUR",
            num_in_stock=10,
        )
        ProductImage.objects.create(
            product=product,
            original=ContentFile(render_pattern(product.upc, (300, 300)), name=f"{product.upc}.jpg"),
            display_order=0,
        )


def set_tax_class(product, tax_class):
    """Put a factory product in a VAT class ("standard" 19 %, "reduced" 7 %)."""
    product.tax_class = tax_class
    product.save(update_fields=["tax_class"])
    return product
