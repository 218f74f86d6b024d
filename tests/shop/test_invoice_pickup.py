"""The pick-up checkout asks for the buyer's name (hand-over and invoice), and above 250 € gross for the postal
address too (§ 33 UStDV: an invoice up to 250 € needs neither; § 14 (4) Nr. 1 UStG above). Stored as the order's
billing address, printed on the invoice."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from shop.invoicing.services import stored_pdf
from tests.shop.checkout_helpers import (
    add,
    hand_over,
    pay_by,
    pick_up,
    place,
    preview,
    product,
    shopper_orders,
    start_as_guest,
)
from tests.shop.test_checkout_flow import depot_code
from tests.shop.test_invoice import pdf_text

pytestmark = pytest.mark.django_db

UserAddress = get_model("address", "UserAddress")
ADDRESS = {"line1": "Jülicher Straße 7", "postcode": "52070", "line4": "Aachen", "country": "DE"}


def nothing_stored(client):
    """The pick-up was not taken: the next step sends the shopper back to choose delivery or pick-up."""
    response = client.get("/de/shop/checkout/payment-method/")
    return response.status_code == 302 and response.url.endswith("/shipping-address/")


def test_the_name_is_required_for_pick_up(client):
    add(client, product("50.00"))
    start_as_guest(client)
    response = pick_up(client, depot_code(), {"first_name": "", "last_name": " "})
    assert response.status_code == 200
    form = response.context["pickup_form"]
    assert set(form.errors) == {"first_name", "last_name"}
    html = response.content.decode()
    assert 'aria-describedby="pickup_first_name-error"' in html and 'id="pickup_first_name-error"' in html
    assert not form.needs_address and 'id="pickup_line1"' not in html  # 59,50 €: no address asked
    assert nothing_stored(client)


def test_up_to_250_euros_the_name_suffices_and_the_invoice_prints_it(client):
    add(client, product("210.00"))  # 249,90 € gross
    start_as_guest(client)
    response = pick_up(client, depot_code(), {"first_name": "Paula", "last_name": "Abholer"})
    assert response.status_code == 302 and response.url.endswith("/payment-method/")
    pay_by(client, "pay-on-pickup")
    place(client)
    order = shopper_orders().get()
    assert order.total_incl_tax == Decimal("249.90")
    assert (order.billing_address.first_name, order.billing_address.last_name) == ("Paula", "Abholer")
    assert order.shipping_address is None
    text = " ".join(pdf_text(stored_pdf(hand_over(order).invoice)).split())
    assert "Paula Abholer" in text and "Deutschland Rechnung" not in text


def test_above_250_euros_the_postal_address_is_required_and_printed(client, django_user_model):
    customer = django_user_model.objects.create_user(email="kundin@example.org", password="geheim-genug-123")
    client.force_login(customer)
    add(client, product("250.00"))  # 297,50 € gross
    response = pick_up(client, depot_code(), {"first_name": "Paula", "last_name": "Abholer"})
    assert response.status_code == 200
    assert {"line1", "postcode", "line4"} <= set(response.context["pickup_form"].errors)
    assert 'id="pickup_line1"' in response.content.decode()
    assert "250 €" in response.content.decode()
    assert nothing_stored(client)
    response = pick_up(client, depot_code(), {"first_name": "Paula", "last_name": "Abholer", **ADDRESS,
                                              "postcode": "5207"})
    assert "postcode" in response.context["pickup_form"].errors and nothing_stored(client)

    response = pick_up(client, depot_code(), {"first_name": "Paula", "last_name": "Abholer", **ADDRESS})
    assert response.status_code == 302
    pay_by(client, "pay-on-pickup")
    place(client)
    order = shopper_orders().get()
    address = order.billing_address
    assert (address.line1, address.postcode, address.line4, address.country_id) == ("Jülicher Straße 7", "52070",
                                                                                      "Aachen", "DE")
    text = " ".join(pdf_text(stored_pdf(hand_over(order).invoice)).split())
    assert "Paula Abholer" in text and "Jülicher Straße 7" in text and "52070" in text


def test_a_basket_that_grows_past_250_euros_after_the_pick_up_step_needs_the_address(client):
    item = product("200.00")  # 238 € gross
    add(client, item)
    start_as_guest(client)
    pick_up(client, depot_code())
    pay_by(client, "pay-on-pickup")
    add(client, item)  # 476 € now
    response = preview(client)
    assert response.status_code == 302 and response.url.endswith("/shipping-address/")
    assert shopper_orders().count() == 0


def test_a_name_only_buyer_does_not_land_in_the_customer_s_address_book(client, django_user_model):
    customer = django_user_model.objects.create_user(email="kunde@example.org", password="geheim-genug-123")
    client.force_login(customer)
    add(client, product("50.00"))
    pick_up(client, depot_code())
    pay_by(client, "pay-on-pickup")
    place(client)
    assert shopper_orders().get(user=customer).billing_address.last_name == "Beispiel"
    assert not UserAddress.objects.filter(user=customer).exists()
