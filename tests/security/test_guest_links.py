"""Guest order links (status page, invoice, withdrawal) open only their order, expire, and can be re-sent."""

import re
import time

import pytest
from django.core import mail, signing
from oscar.core.loading import get_model

from shop.order.guest_links import SALT

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


@pytest.fixture
def two_guest_orders():
    from shop.invoicing.services import issue_invoice

    orders = list(Order.objects.filter(user=None).exclude(guest_email="").order_by("pk")[:2])
    assert len(orders) == 2
    for order in orders:  # both invoiced, so that a refused invoice link is refused for the link, not the invoice
        issue_invoice(order)
    return orders


def token_from_days_ago(order_number, days):
    class Signer(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time() - days * 86400))

    return Signer(salt=SALT).sign(order_number)


def status_path(number, token):
    return f"/en/shop/accounts/order-status/{number}/{token}/"


def test_a_fresh_link_opens_the_order_without_asking_for_the_email_again(client, two_guest_orders):
    order = two_guest_orders[0]
    response = client.get(status_path(order.number, order.verification_hash()))
    assert response.status_code == 200  # the signed link is the key; no e-mail re-entry (issue 13, withdrawal)
    assert order.number in response.content.decode()
    assert client.get(f"/en/shop/invoice/{order.number}/{order.verification_hash()}/").status_code == 200


def test_a_link_older_than_the_max_age_shows_the_expired_page_with_the_resend_form(client, two_guest_orders):
    order = two_guest_orders[0]
    old = token_from_days_ago(order.number, 91)
    response = client.get(status_path(order.number, old))
    assert response.status_code == 404
    html = response.content.decode()
    assert "data-link-expired" in html
    assert 'name="order_number"' in html and 'name="email"' in html
    assert client.get(f"/en/shop/invoice/{order.number}/{old}/").status_code == 404
    assert client.get(f"/en/shop/withdrawal/{order.number}/{old}/").status_code == 404
    # 89 days is still fine.
    assert client.get(status_path(order.number, token_from_days_ago(order.number, 89))).status_code == 200


def test_a_link_for_order_a_does_not_open_order_b(client, two_guest_orders):
    a, b = two_guest_orders
    token_a = a.verification_hash()
    assert client.get(status_path(b.number, token_a)).status_code == 404
    assert client.get(f"/en/shop/invoice/{b.number}/{token_a}/").status_code == 404
    assert client.get(f"/en/shop/withdrawal/{b.number}/{token_a}/").status_code == 404


def test_oscars_never_expiring_hash_is_refused(client, two_guest_orders):
    order = two_guest_orders[0]
    old_format = signing.Signer(salt="oscar.apps.order.Order").sign(order.number)
    assert client.get(status_path(order.number, old_format)).status_code == 404
    assert client.get(f"/en/shop/invoice/{order.number}/{old_format}/").status_code == 404
    assert client.get(f"/en/shop/withdrawal/{order.number}/{old_format}/").status_code == 404


def test_resend_mails_a_working_link_and_answers_the_same_either_way(
    client, two_guest_orders, django_capture_on_commit_callbacks
):
    order = two_guest_orders[0]
    url = "/en/shop/accounts/order-link/"
    with django_capture_on_commit_callbacks(execute=True):
        wrong = client.post(url, {"order_number": order.number, "email": "someone-else@example.org"})
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        right = client.post(url, {"order_number": order.number, "email": order.guest_email.upper()})
    assert wrong.status_code == right.status_code == 200
    strip = lambda r: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", r.content.decode())  # noqa: E731
    assert strip(wrong) == strip(right)
    assert [m.to for m in mail.outbox] == [[order.guest_email]]
    link = re.search(r"http://testserver(/\S+/order-status/\S+/)", mail.outbox[0].body).group(1)
    assert client.get(link).status_code == 200
