"""A guest picks up at the Depot: the name is asked, the pick-up point is named on the confirmation, staff hands
the order over, and the invoice PDF (through the guest link) holds the name, the delivery date and VAT per rate."""

import re
import subprocess

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.test_checkout_journeys import put_in_basket, start_as_guest
from tests.factories import ProductFactory, set_tax_class
from tests.shop.checkout_helpers import hand_over, shopper_orders

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def pdftotext(data, tmp_path):
    path = tmp_path / "invoice.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout.replace("\xa0", " ")


def test_guest_picks_up_and_gets_an_invoice_with_name_delivery_date_and_vat_per_rate(page, axe, tmp_path):
    shirt = set_tax_class(ProductFactory(title="Shirt Abholdruck", stock="20.00"), "standard")
    book = set_tax_class(ProductFactory(title="Heft Abholdruck", stock="10.00"), "reduced")
    put_in_basket(page, shirt)
    put_in_basket(page, book)

    start_as_guest(page, axe)
    pickup = page.locator("#pickup_form")
    pickup.get_by_label(re.compile("Abholung: Sozialwerkstatt im Depot")).check()
    pickup.get_by_role("button", name="Weiter mit Abholung").click()
    # The name is asked: without it the shopper stays, told which fields are missing.
    expect(page).to_have_url(re.compile(r"/de/shop/checkout/shipping-address/$"))
    expect(page.locator("#pickup_first_name")).to_have_attribute("aria-invalid", "true")
    axe(page)
    page.locator("#pickup_first_name").fill("Paula")
    page.locator("#pickup_last_name").fill("Abholer")
    page.locator("#pickup_form").get_by_role("button", name="Weiter mit Abholung").click()

    expect(page).to_have_url(re.compile(r"/de/shop/checkout/payment-method/$"))
    page.get_by_label(re.compile("Bezahlung bei Abholung")).check()
    page.get_by_role("button", name="Weiter zur Übersicht").click()
    expect(page).to_have_url(re.compile(r"/de/shop/checkout/preview/$"))
    page.get_by_role("button", name="zahlungspflichtig bestellen").click()

    expect(page).to_have_url(re.compile(r"/de/shop/checkout/thank-you/$"))
    expect(page.locator("#main")).to_contain_text("Sozialwerkstatt im Depot")
    order = shopper_orders().get()
    invoice_url = f"/de/shop/invoice/{order.number}/{order.verification_hash()}/"
    assert page.request.get(invoice_url).status == 404  # not handed over yet: no invoice

    hand_over(order)  # shop staff: in fulfilment, ready for pick-up, handed over

    response = page.request.get(invoice_url)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    text = " ".join(pdftotext(response.body(), tmp_path).split())
    assert f"Rechnung {order.invoice.number}" in text
    assert "Paula Abholer" in text
    assert f"Lieferdatum: {timezone.localdate():%d.%m.%Y}" in text
    # 23,80 € at 19 % and 10,70 € at 7 %: VAT per rate on each rate's total.
    assert "Umsatzsteuer 19 % 3,80 €" in text and "Umsatzsteuer 7 % 0,70 €" in text
