"""The invoice is issued when the goods leave (shipped, or handed over at pick-up), dated and with that day as its
delivery date, and mailed then; never at checkout, never on a first download."""

import pytest
from django.core import mail
from django.utils import timezone

from shop.invoicing.models import Invoice
from shop.invoicing.services import format_number, stored_pdf
from tests.shop.checkout_helpers import (
    add,
    checkout_with_delivery,
    deliver_to,
    move_order,
    pay_by,
    pick_up,
    place,
    product,
    ship,
    shopper_orders,
    start_as_guest,
)
from tests.shop.test_checkout_flow import depot_code
from tests.shop.test_invoice import pdf_text

pytestmark = pytest.mark.django_db

GUEST = "gast@example.org"


def placed_parcel_order(client, django_capture_on_commit_callbacks):
    add(client, product("10.00", "standard"), 2)
    add(client, product("10.00", "reduced"), 1)
    checkout_with_delivery(client)
    with django_capture_on_commit_callbacks(execute=True):
        place(client)
    return shopper_orders().get()


def invoice_mails(order):
    return [message for message in mail.outbox if GUEST in message.to and "RE-" in message.subject]


def berlin_date():
    return timezone.localdate().strftime("%d.%m.%Y")


def test_no_invoice_is_issued_at_checkout_and_the_confirmation_carries_none(client, django_capture_on_commit_callbacks):
    order = placed_parcel_order(client, django_capture_on_commit_callbacks)
    assert not Invoice.objects.filter(order=order).exists()
    [confirmation] = [message for message in mail.outbox if GUEST in message.to]
    assert not any(name.startswith("Rechnung") for name, _content, _type in confirmation.attachments)
    assert "Ihre Rechnung finden Sie im Anhang" not in confirmation.body


def test_shipping_issues_the_invoice_with_the_delivery_date_and_mails_it(client, django_capture_on_commit_callbacks):
    order = placed_parcel_order(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        move_order(order, "Paid", "In fulfilment")
    assert not Invoice.objects.filter(order=order).exists()  # paid and packed: still not left
    assert invoice_mails(order) == []

    with django_capture_on_commit_callbacks(execute=True):
        move_order(order, "Shipped")

    invoice = order.invoice
    assert invoice.supplied_on == timezone.localdate()
    [message] = invoice_mails(order)
    assert invoice.number in message.subject and order.number in message.subject
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == (f"Rechnung-{invoice.number}.pdf", "application/pdf")
    text = " ".join(pdf_text(content).split())
    assert f"Rechnung {invoice.number}" in text
    assert f"Lieferdatum: {berlin_date()}" in text
    assert "entspricht dem Rechnungsdatum" not in text
    assert "Erika Beispiel" in text  # the delivery address is the buyer's
    assert "Umsatzsteuer 19 %" in text and "Umsatzsteuer 7 %" in text
    # The mail's PDF is the stored one, served by every later download.
    assert bytes(Invoice.objects.get(pk=invoice.pk).pdf) == content

    with django_capture_on_commit_callbacks(execute=True):
        move_order(order, "Completed")
    assert Invoice.objects.filter(order=order).count() == 1 and len(invoice_mails(order)) == 1


def test_a_pick_up_order_is_invoiced_at_the_hand_over_not_when_it_is_ready(client, django_capture_on_commit_callbacks):
    add(client, product("20.00", "standard"), 1)
    add(client, product("10.00", "reduced"), 1)
    start_as_guest(client)
    pick_up(client, depot_code(), {"first_name": "Paula", "last_name": "Abholer"})
    pay_by(client, "pay-on-pickup")
    place(client)
    order = shopper_orders().get()

    move_order(order, "In fulfilment", "Ready for pick-up")
    assert not Invoice.objects.filter(order=order).exists()
    with django_capture_on_commit_callbacks(execute=True):
        move_order(order, "Completed")

    text = " ".join(pdf_text(stored_pdf(order.invoice)).split())
    assert "Paula Abholer" in text and f"Lieferdatum: {berlin_date()}" in text
    assert "Abholung: Sozialwerkstatt im Depot" in text
    assert len(invoice_mails(order)) == 1


def test_an_order_without_an_invoice_gets_none_on_download_and_its_page_offers_none(
    client, django_user_model, django_assert_max_num_queries
):
    customer = django_user_model.objects.create_user(email="kundin@example.org", password="geheim-genug-123")
    client.force_login(customer)
    add(client, product("10.00"))
    deliver_to(client)
    client.get("/de/shop/checkout/shipping-method/")
    pay_by(client, "bank-transfer")
    place(client)
    order = shopper_orders().get(user=customer)
    download = f"/de/shop/invoice/{order.number}/"

    assert download not in client.get(f"/de/shop/accounts/orders/{order.number}/").content.decode()
    assert client.get(download).status_code == 404
    assert client.get(f"/de/shop/invoice/{order.number}/{order.verification_hash()}/").status_code == 404
    assert not Invoice.objects.filter(order=order).exists()  # asking did not issue one

    ship(order)
    with django_assert_max_num_queries(60):
        page = client.get(f"/de/shop/accounts/orders/{order.number}/").content.decode()
    assert download in page
    response = client.get(download)
    assert response.status_code == 200 and response.content == bytes(Invoice.objects.get(order=order).pdf)
    assert f'filename="Rechnung-{order.invoice.number}.pdf"' in response["Content-Disposition"]


def test_an_order_invoiced_at_checkout_before_keeps_its_invoice_and_number(client, django_capture_on_commit_callbacks):
    order = placed_parcel_order(client, django_capture_on_commit_callbacks)
    # As issued at checkout before issue 13: a number, no delivery date, no seller snapshot, no stored PDF.
    legacy = Invoice.objects.create(order=order, sequence=900001, number=format_number(900001))
    with django_capture_on_commit_callbacks(execute=True):
        ship(order)
    assert list(Invoice.objects.filter(order=order)) == [legacy]
    assert invoice_mails(order) == []  # it was mailed with the confirmation then
    response = client.get(f"/de/shop/invoice/{order.number}/{order.verification_hash()}/")
    text = " ".join(pdf_text(response.content).split())
    assert "Rechnung RE-900001" in text and "entspricht dem Rechnungsdatum" not in text
    legacy.refresh_from_db()
    assert legacy.seller["organisation_name"] and legacy.pdf is not None  # frozen at its first render
