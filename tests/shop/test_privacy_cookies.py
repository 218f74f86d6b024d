"""Oscar's tracking is off (issue 13): viewing products leaves no oscar_history cookie, and nothing is recorded
per user (product views, searches, spend) by Oscar's analytics app."""

import pytest
from oscar.core.loading import get_model

from tests.shop.checkout_helpers import add, checkout_with_delivery, place, product

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductRecord = get_model("analytics", "ProductRecord")
UserProductView = get_model("analytics", "UserProductView")
UserRecord = get_model("analytics", "UserRecord")
UserSearch = get_model("analytics", "UserSearch")
ANALYTICS = (ProductRecord, UserProductView, UserRecord, UserSearch)


def counts():
    return [model.objects.count() for model in ANALYTICS]


def test_viewing_products_sets_no_history_cookie(client):
    item = Product.objects.browsable().first()
    for _ in range(2):
        response = client.get(item.get_absolute_url())
        assert response.status_code == 200
        assert "oscar_history" not in response.cookies


def test_a_logged_in_shopper_viewing_and_searching_is_not_recorded(client, demo_user):
    client.force_login(demo_user("shop@example.org"))
    item = Product.objects.browsable().first()
    before = counts()

    assert client.get(item.get_absolute_url()).status_code == 200
    assert client.get("/de/search/?q=Hocker").status_code == 200

    assert counts() == before


def test_a_leftover_history_cookie_is_deleted_and_not_read(client):
    item = Product.objects.browsable().first()
    client.cookies["oscar_history"] = f"[{item.pk}]"
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert response.cookies["oscar_history"].value == ""  # Django's delete_cookie: empty value, expired
    assert response.cookies["oscar_history"]["max-age"] == 0


def test_basket_additions_and_orders_are_not_recorded(client, django_capture_on_commit_callbacks):
    before = counts()
    add(client, product("10.00"))
    total = checkout_with_delivery(client).context["order_total"].incl_tax
    with django_capture_on_commit_callbacks(execute=True):
        assert place(client, total).status_code == 302
    assert counts() == before
