"""Pick-up orders never say "we ship your order": the thank-you page, the guest's order page, the customer's order
page and the confirmation e-mail name the pick-up point, its address and opening hours (issue 13)."""

import html
import re

import pytest
from django.core import mail
from django.test import Client
from oscar.core.loading import get_model

from shop.order.services import pickup_point
from tests.factories import OutletFactory
from tests.shop.checkout_helpers import add, pay_by, pick_up, place, preview, product, shopper_orders, start_as_guest

pytestmark = pytest.mark.django_db

PartnerAddress = get_model("partner", "PartnerAddress")
Order = get_model("order", "Order")
SHIPPING_WORDS = re.compile(r"versand|versend|ship", re.IGNORECASE)


@pytest.fixture
def point():
    partner = OutletFactory(name="Abholtheke Talbot", allows_pickup=True, opening_hours="Mo–Fr 9–16 Uhr")
    PartnerAddress.objects.create(partner=partner, line1="Jülicher Straße 99", postcode="52070", line4="Aachen",
                                  country_id="DE")
    return partner


def main_text(response):
    """The page's own content (<main>), as read: header and footer links (e.g. "Versand und Zahlung") are not it."""
    assert response.status_code == 200
    page = response.content.decode()
    main = page[page.index("<main"):page.index("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def assert_names_the_point_and_no_shipping(content):
    assert "Abholtheke Talbot" in content
    assert "Jülicher Straße 99" in content and "52070" in content
    assert "Mo–Fr 9–16 Uhr" in content
    content = content.replace("Bestätigungsemail versandt", "")  # Oscar's "a confirmation e-mail has been sent"
    assert not SHIPPING_WORDS.search(content), [content[max(m.start() - 60, 0):m.end() + 60]
                                                for m in SHIPPING_WORDS.finditer(content)]


def place_pickup_order(client, point, django_capture_on_commit_callbacks):
    add(client, product("10.00"), 1)
    start_as_guest(client)
    pick_up(client, f"pickup-{point.pk}")
    pay_by(client, "pay-on-pickup")
    preview(client)
    with django_capture_on_commit_callbacks(execute=True):
        place(client)
    return shopper_orders().get()


def test_the_pickup_point_is_found_from_the_shipping_code(point):
    assert pickup_point(Order(shipping_code=f"pickup-{point.pk}")) == point
    assert pickup_point(Order(shipping_code="dhl-de")) is None
    assert pickup_point(Order(shipping_code="pickup-x")) is None


def test_thank_you_page_mail_and_guest_page_name_the_pickup_point_and_never_shipping(
    client, point, django_capture_on_commit_callbacks
):
    order = place_pickup_order(client, point, django_capture_on_commit_callbacks)

    assert_names_the_point_and_no_shipping(main_text(client.get("/de/shop/checkout/thank-you/")))

    confirmation = mail.outbox[0]
    assert order.number in confirmation.subject
    body = confirmation.body
    # The order part of the mail; the statutory withdrawal information after it speaks of carriers by law.
    assert_names_the_point_and_no_shipping(body.split("Widerrufsrecht")[0])

    link = re.search(r"http://testserver(/\S+/order-status/\S+/)", body).group(1)
    assert_names_the_point_and_no_shipping(main_text(Client().get(link)))


def test_the_customer_s_order_page_names_the_pickup_point(
    client, point, django_user_model, django_capture_on_commit_callbacks
):
    order = place_pickup_order(client, point, django_capture_on_commit_callbacks)
    customer = django_user_model.objects.create_user(email="abholerin@example.org", password="a-long-pass-phrase-42")
    Order.objects.filter(pk=order.pk).update(user=customer)
    client.force_login(customer)
    content = main_text(client.get(f"/de/shop/accounts/orders/{order.number}/"))
    assert_names_the_point_and_no_shipping(content)


def test_the_guest_order_page_with_pickup_point_and_withdrawal_button_stays_within_its_query_budget(
    client, point, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    place_pickup_order(client, point, django_capture_on_commit_callbacks)
    link = re.search(r"http://testserver(/\S+/order-status/\S+/)", mail.outbox[0].body).group(1)
    guest = Client()
    guest.get(link)  # warm the page furniture's caches
    with django_assert_max_num_queries(25):
        assert guest.get(link).status_code == 200
