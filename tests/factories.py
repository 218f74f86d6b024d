"""factory_boy factories for the shop; Wagtail pages come from the demo content."""

import datetime
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


class OutletFactory(factory.django.DjangoModelFactory):
    """A partner outlet (museum shop by default), open and with opening hours."""

    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Testladen {n}")
    kind = "museum_shop"
    is_active = True
    opening_hours = "Di–So 10–18 Uhr"


class DesignerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "designers.Designer"

    legal_name = factory.Sequence(lambda n: f"Testdesignerin {n}")
    street = "Geheimweg 7"
    email = factory.Sequence(lambda n: f"designer{n}@private.example")
    tax_number = factory.Sequence(lambda n: f"999/111/{n:05d}")
    payout_iban = "DE89370400440532013000"


class LicenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "licensing.Licence"
        skip_postgeneration_save = True

    designer = factory.SubFactory(DesignerFactory)
    contract_number = factory.Sequence(lambda n: f"TEST-L-{n:05d}")
    start_date = factory.LazyFunction(lambda: datetime.date(2024, 1, 1))
    end_date = factory.LazyFunction(lambda: datetime.date(2030, 12, 31))
    royalty_percentage = Decimal("10.00")

    @factory.post_generation
    def products(licence, create, extracted, **kwargs):
        if create and extracted:
            licence.products.set(extracted)


def create_parent_with_variants(count, title="Testshirt", price="20.00"):
    """A parent product with `count` public size variants, each with its own stock record."""
    parent = Product.objects.create(
        title=title, upc=f"PARENT-{Product.objects.count():05d}", structure=Product.PARENT, is_public=True,
        product_class=ProductClass.objects.get(slug="textil"),
    )
    ProductImage.objects.create(
        product=parent, original=ContentFile(render_pattern(parent.upc, (300, 300)), name=f"{parent.upc}.jpg")
    )
    partner = Partner.objects.get(name="Sozialwerkstatt im Depot")
    for n in range(count):
        child = Product.objects.create(
            title=f"{title} – Größe {n}", upc=f"{parent.upc}-{n}", structure=Product.CHILD, parent=parent
        )
        StockRecord.objects.create(
            product=child, partner=partner, partner_sku=child.upc, price=Decimal(price), price_currency="EUR",
            num_in_stock=5,
        )
    return parent


def set_tax_class(product, tax_class):
    """Put a factory product in a VAT class ("standard" 19 %, "reduced" 7 %)."""
    product.tax_class = tax_class
    product.save(update_fields=["tax_class"])
    return product
