"""Designer page, product list and product detail stay within their query budgets, whatever the counts."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from home.demo.images import render_pattern
from products.designers.models import DesignerPage
from tests.factories import LicenceFactory, create_parent_with_variants

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
ProductTranslation = get_model("catalogue", "ProductTranslation")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")


def bulk_products(count, prefix):
    """`count` public products with stock, an image (one shared file) and an English text."""
    product_class = ProductClass.objects.get(slug="label-produkt")
    partner = Partner.objects.get(name="Sozialwerkstatt im Depot")
    image = default_storage.save(f"images/products/{prefix}.jpg", ContentFile(render_pattern(prefix, (200, 200))))
    products = Product.objects.bulk_create(
        Product(title=f"{prefix} {n}", slug=f"{prefix.lower()}-{n}", upc=f"{prefix}-{n:04d}",
                product_class=product_class, structure=Product.STANDALONE)
        for n in range(count)
    )
    StockRecord.objects.bulk_create(
        StockRecord(product=p, partner=partner, partner_sku=p.upc, price=Decimal("10.00"), num_in_stock=5)
        for p in products
    )
    ProductImage.objects.bulk_create(ProductImage(product=p, original=image, display_order=0) for p in products)
    ProductTranslation.objects.bulk_create(
        ProductTranslation(product=p, language="en", title=f"{p.title} EN") for p in products
    )
    return products


def count_queries(client, url):
    assert client.get(url).status_code == 200  # fills caches a running site has filled (thumbnails, site root)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("language", ["de", "en"])
def test_designer_page_with_30_products_stays_within_20_queries(client, language):
    page = DesignerPage.objects.get(slug="mira", locale__language_code=language)
    licence = page.designer.licences.get()
    licence.products.add(*bulk_products(6, f"FEW{language}"))
    few = count_queries(client, page.url)
    licence.products.add(*bulk_products(22, f"MANY{language}"), create_parent_with_variants(3))
    assert licence.products.count() >= 30
    many = count_queries(client, page.url)
    assert many <= 20
    assert many == few


@pytest.mark.parametrize("language", ["de", "en"])
def test_product_list_with_200_products_stays_within_20_queries(client, language):
    url = f"/{language}/shop/catalogue/"
    bulk_products(20, f"LIST{language}")
    small = count_queries(client, url)
    bulk_products(180, f"BIG{language}")
    assert Product.objects.browsable().count() >= 200
    large = count_queries(client, url)
    large_page_2 = count_queries(client, url + "?page=3")
    assert large <= 20 and large_page_2 <= 20
    assert large == small


@pytest.mark.parametrize("language", ["de", "en"])
def test_product_detail_with_10_variants_stays_within_25_queries(client, language):
    def url(product):
        return f"/{language}/shop/catalogue/{product.slug}_{product.pk}/"

    small = create_parent_with_variants(2, title="Klein")
    large = create_parent_with_variants(10, title="Groß")
    LicenceFactory(products=[small, large])
    small_count = count_queries(client, url(small))
    large_count = count_queries(client, url(large))
    assert large_count <= 25
    assert large_count == small_count
