"""Query budgets: the basket and each checkout step stay ≤ 30 queries and do not grow with the basket."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from tests.shop.checkout_helpers import add, deliver_to, pay_by, product, start_as_guest

Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db
BUDGET = 30
STEPS = [
    "/de/shop/basket/",
    "/de/shop/checkout/shipping-address/",
    "/de/shop/checkout/payment-method/",
    "/de/shop/checkout/preview/",
]


def queries_per_step(client, lines):
    for index in range(lines):
        add(client, product("10.00", "reduced" if index % 2 else "standard"), 1)
    start_as_guest(client)
    deliver_to(client)
    client.get("/de/shop/checkout/shipping-method/")
    pay_by(client, "bank-transfer")
    counts = {}
    for url in STEPS:
        assert client.get(url).status_code == 200  # warm caches (thumbnails, site root paths)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_basket_and_checkout_steps_with_ten_lines_stay_within_budget(client):
    counts = queries_per_step(client, 10)
    assert all(count <= BUDGET for count in counts.values()), counts


def test_queries_do_not_grow_with_the_basket(client, django_user_model):
    from django.test import Client

    small = queries_per_step(Client(), 2)
    large = queries_per_step(client, 10)
    assert large == small, (small, large)
