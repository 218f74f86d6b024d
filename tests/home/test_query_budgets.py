"""Queries per page stay within budget and do not grow with the size of the catalogue."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
CATALOGUE_SIZE = 50


def grow_catalogue_to(size):
    # Counts the test products only: the demo catalogue alone already holds more than the small size.
    missing = size - Product.objects.filter(upc__startswith="TEST-").count()
    if missing > 0:
        ProductFactory.create_batch(missing)


def count_queries(client, url):
    # The first request fills caches a running site has already filled (thumbnails, site root paths).
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def product_detail_url():
    return Product.objects.browsable().order_by("pk").first().get_absolute_url()


@pytest.mark.parametrize(
    ("name", "url", "budget"),
    [
        ("home", lambda: "/de/", 15),
        ("product list", lambda: "/de/shop/catalogue/", 20),
        ("product detail", product_detail_url, 20),
    ],
)
def test_page_stays_within_its_query_budget_with_50_products(client, django_assert_max_num_queries, name, url, budget):
    grow_catalogue_to(CATALOGUE_SIZE)
    path = url()
    assert client.get(path).status_code == 200
    with django_assert_max_num_queries(budget):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("url", ["/de/", "/de/shop/catalogue/", "/en/search/?q=Testprodukt"])
def test_query_count_does_not_grow_with_the_catalogue(client, url):
    grow_catalogue_to(10)
    small = count_queries(client, url)
    grow_catalogue_to(CATALOGUE_SIZE)
    large = count_queries(client, url)
    # Fewer is fine: a page without any product variants skips the (empty) variant prefetches.
    assert large <= small
