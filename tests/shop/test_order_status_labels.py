"""Order statuses are shown translated on the shopper's pages (issue 13); the stored value stays Oscar's English
pipeline key."""

import html

import pytest
from django.utils import translation
from oscar.core.loading import get_model

from shop.order import statuses

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


def german(status):
    with translation.override("de"):
        return str(statuses.label(status))


@pytest.fixture
def pending_order(django_user_model):
    user = django_user_model.objects.create_user(email="kundin@example.org", password="a-long-pass-phrase-42")
    order = Order.objects.filter(user=None).exclude(guest_email="").first()
    Order.objects.filter(pk=order.pk).update(user=user, status=statuses.PENDING_PAYMENT)
    order.refresh_from_db()
    return order


def page_text(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_labels_are_translated_hooks():
    assert german(statuses.PENDING_PAYMENT) == "Zahlung ausstehend"
    for status in statuses.LABELS:
        with translation.override("de"):
            assert Order(status=status).status_label == translation.gettext(status)


def test_the_german_order_history_and_order_page_show_the_german_status(client, pending_order):
    client.force_login(pending_order.user)
    for url in ("/de/shop/accounts/orders/", f"/de/shop/accounts/orders/{pending_order.number}/"):
        text = page_text(client.get(url))
        assert german(statuses.PENDING_PAYMENT) in text, url
        assert statuses.PENDING_PAYMENT not in text, url

    Order.objects.filter(pk=pending_order.pk).update(status=statuses.SHIPPED)
    text = page_text(client.get(f"/de/shop/accounts/orders/{pending_order.number}/"))
    assert german(statuses.SHIPPED) == "Versandt" and "Versandt" in text
    assert statuses.SHIPPED not in text
    assert Order.objects.get(pk=pending_order.pk).status == "Shipped"  # the stored key is unchanged


def test_the_guest_order_page_shows_the_german_status(client):
    order = Order.objects.filter(user=None).exclude(guest_email="").first()
    Order.objects.filter(pk=order.pk).update(status=statuses.PAID)
    text = page_text(client.get(f"/de/shop/accounts/order-status/{order.number}/{order.verification_hash()}/"))
    assert german(statuses.PAID) == "Bezahlt" and "Bezahlt" in text
    assert f"<p>{statuses.PAID}</p>" not in text
