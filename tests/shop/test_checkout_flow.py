"""Guest checkout end to end through the real views: delivery + prepayment, pick-up + pay on pick-up."""

from decimal import Decimal

import pytest
from django.core import mail
from oscar.core.loading import get_model

from tests.shop.checkout_helpers import (
    add,
    checkout_with_delivery,
    deliver_to,
    pay_by,
    pick_up,
    place,
    preview,
    product,
    shopper_orders,
    start_as_guest,
)

Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db


def depot_code():
    return f"pickup-{Partner.objects.get(name='Sozialwerkstatt im Depot').pk}"


def test_the_last_step_shows_the_legal_button_terms_and_vat_split(client):
    add(client, product("10.00", "standard"))
    add(client, product("10.00", "reduced"))
    response = checkout_with_delivery(client)
    html = response.content.decode()
    assert "zahlungspflichtig bestellen" in html
    assert "/de/agb/" in html and "/de/widerrufsbelehrung/" in html
    assert "inkl. 19 % MwSt." in html and "inkl. 7 % MwSt." in html
    assert "Vorkasse per Überweisung" in html


def test_guest_orders_with_delivery_and_prepayment_and_gets_the_confirmation_email(
    client, django_capture_on_commit_callbacks
):
    add(client, product("10.00", "standard"), 2)
    response = checkout_with_delivery(client)
    total = response.context["order_total"].incl_tax
    assert total == Decimal("28.70")
    with django_capture_on_commit_callbacks(execute=True):  # the mail is sent after the order's commit
        response = place(client, total)
    assert response.status_code == 302 and response.url.endswith("/checkout/thank-you/")
    order = shopper_orders().get()
    assert order.status == "Pending payment"
    assert order.shipping_code == "dhl-de"
    page = client.get(response.url).content.decode()
    assert f"MIAN-{order.number}" in page
    assert "DE00 0000 0000 0000 0000 00" in page
    message = mail.outbox[-1]
    assert message.to == ["gast@example.org"]
    assert f"MIAN-{order.number}" in message.body
    assert "Muster-Widerrufsformular" in message.body
    assert "Widerrufsrecht" in message.body
    html = message.alternatives[0][0]
    assert "Muster-Widerrufsformular" in html and f"MIAN-{order.number}" in html
    # The invoice follows when the goods leave (shop.invoicing): the confirmation carries none.
    assert not [name for name, _content, _type in message.attachments if name.startswith("Rechnung")]
    assert "Ihre Rechnung finden Sie im Anhang" not in message.body


def test_pick_up_is_free_needs_no_address_and_allows_pay_on_pick_up(client):
    add(client, product("50.00"))
    start_as_guest(client)
    response = pick_up(client, depot_code())
    assert response.status_code == 302 and response.url.endswith("/payment-method/")
    page = client.get("/de/shop/checkout/payment-method/").content.decode()
    assert "Bezahlung bei Abholung" in page
    pay_by(client, "pay-on-pickup")
    response = preview(client)
    assert response.context["shipping_charge"].incl_tax == 0
    place(client)
    order = shopper_orders().get()
    assert order.shipping_address is None
    assert order.shipping_incl_tax == 0
    assert order.shipping_code == depot_code()


def test_pay_on_pick_up_is_not_offered_for_delivery(client):
    add(client, product())
    start_as_guest(client)
    deliver_to(client)
    client.get("/de/shop/checkout/shipping-method/")
    response = pay_by(client, "pay-on-pickup")
    assert response.status_code == 200
    assert shopper_orders().count() == 0
    assert 'value="pay-on-pickup"' not in response.content.decode()
    assert "keine gültige Auswahl" in response.content.decode()


def test_button_text_in_each_language(client):
    add(client, product())
    checkout_with_delivery(client)
    texts = {"de": "zahlungspflichtig bestellen", "en": "Place order and pay",
             "nl": "Bestelling plaatsen met betalingsverplichting", "fr": "Commander avec obligation de paiement"}
    for code, text in texts.items():
        assert text in client.get(f"/{code}/shop/checkout/preview/").content.decode()
