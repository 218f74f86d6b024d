"""Two German checkout journeys in the browser: parcel + prepayment (staff marks it paid), pick-up + pay on pick-up.

axe-core checks the basket and every checkout step for serious/critical WCAG 2.1 AA violations.
"""

import re

import pytest
from django.core import mail
from oscar.core.loading import get_model
from playwright.sync_api import expect

from tests.factories import ProductFactory, set_tax_class
from tests.shop.checkout_helpers import shopper_orders

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

Order = get_model("order", "Order")


def put_in_basket(page, product):
    page.goto(product.get_absolute_url())
    page.locator("#add_to_basket_form").get_by_role("button").click()


def start_as_guest(page, axe, email="gast@example.org"):
    page.goto("/de/shop/checkout/")
    axe(page)
    page.locator("#id_username").fill(email)
    page.locator("input[name=options][value=anonymous]").check()
    page.locator("form").filter(has=page.locator("#id_username")).get_by_role("button").last.click()
    expect(page).to_have_url(re.compile(r"/de/shop/checkout/shipping-address/$"))
    axe(page)


def test_guest_orders_two_products_by_parcel_with_prepayment_and_staff_marks_it_paid(page, axe):
    shirt = set_tax_class(ProductFactory(title="Shirt Testdruck", stock="20.00"), "standard")
    book = set_tax_class(ProductFactory(title="Heft Testdruck", stock="10.00"), "reduced")
    put_in_basket(page, shirt)
    put_in_basket(page, book)
    page.goto("/de/shop/basket/")
    expect(page.locator("#content_inner")).to_contain_text("DHL-Paket innerhalb Deutschlands")
    axe(page)

    start_as_guest(page, axe)
    form = page.locator("#new_shipping_address")
    form.locator("#id_first_name").fill("Erika")
    form.locator("#id_last_name").fill("Beispiel")
    form.locator("#id_line1").fill("Musterstraße 1")
    form.locator("#id_line4").fill("Aachen")
    form.locator("#id_postcode").fill("52062")
    form.locator("#id_country").select_option("DE")
    form.get_by_role("button").click()

    expect(page).to_have_url(re.compile(r"/de/shop/checkout/payment-method/$"))
    axe(page)
    page.get_by_label(re.compile("Vorkasse per Überweisung")).check()
    page.get_by_role("button", name="Weiter zur Übersicht").click()

    expect(page).to_have_url(re.compile(r"/de/shop/checkout/preview/$"))
    content = page.locator("#main")
    expect(content).to_contain_text("inkl. 19 % MwSt.")
    expect(content).to_contain_text("inkl. 7 % MwSt.")
    expect(page.get_by_role("link", name="AGB")).to_be_visible()
    expect(page.get_by_role("link", name="Widerrufsbelehrung").first).to_be_visible()
    axe(page)
    page.get_by_role("button", name="zahlungspflichtig bestellen").click()

    expect(page).to_have_url(re.compile(r"/de/shop/checkout/thank-you/$"))
    order = shopper_orders().get()
    expect(page.get_by_test_id("payment-reference")).to_have_text(f"MIAN-{order.number}")
    axe(page)
    assert any(f"MIAN-{order.number}" in message.body for message in mail.outbox)

    # Shop staff sees the transfer arrive and marks the order paid in Oscar's dashboard.
    page.context.clear_cookies()
    page.goto("/de/shop/accounts/login/")
    page.locator("#id_login-username").fill("shop@example.org")
    page.locator("#id_login-password").fill("aachen-nord-demo")
    page.locator("button[name=login_submit]").click()
    page.goto(f"/de/shop/dashboard/orders/{order.number}/")
    # The order's status form ("Neuer Bestellstatus"); select2 hides the native select, so it is set directly.
    status = page.locator("#id_new_status")
    status.select_option("Paid", force=True)
    page.locator("form").filter(has=status).locator("button[type=submit]").first.click()
    expect(page.locator(".alert-success, .alert-info").first).to_be_visible()
    order.refresh_from_db()
    assert order.status == "Paid"


def test_guest_picks_up_at_the_depot_and_pays_on_pick_up(page, axe):
    stool = ProductFactory(title="Hocker Testbau", stock="100.00")
    put_in_basket(page, stool)
    page.goto("/de/shop/basket/")
    axe(page)

    start_as_guest(page, axe)
    page.get_by_label(re.compile("Abholung: Sozialwerkstatt im Depot")).check()
    page.locator("#pickup_first_name").fill("Erika")
    page.locator("#pickup_last_name").fill("Beispiel")
    page.get_by_role("button", name="Weiter mit Abholung").click()

    expect(page).to_have_url(re.compile(r"/de/shop/checkout/payment-method/$"))
    axe(page)
    page.get_by_label(re.compile("Bezahlung bei Abholung")).check()
    page.get_by_role("button", name="Weiter zur Übersicht").click()

    expect(page).to_have_url(re.compile(r"/de/shop/checkout/preview/$"))
    expect(page.get_by_test_id("shipping-method")).to_contain_text("Sozialwerkstatt im Depot")
    expect(page.get_by_test_id("order-total")).to_have_text(re.compile(r"119,00\s€"))
    axe(page)
    page.get_by_role("button", name="zahlungspflichtig bestellen").click()

    expect(page).to_have_url(re.compile(r"/de/shop/checkout/thank-you/$"))
    axe(page)
    order = shopper_orders().get()
    assert order.shipping_address is None and order.shipping_incl_tax == 0
