"""Cancelling or refunding an invoiced sale issues a Stornorechnung: its own gap-free series (ST-), referring to
the original invoice's number and date, with the cancelled amounts per VAT rate, frozen and mailed."""

from decimal import Decimal

import pytest
from django.core import mail
from django.db import transaction
from django.utils import translation

from core.numbering import last_number
from shop import vat
from shop.invoicing.models import Cancellation
from shop.invoicing.services import (
    CANCELLATION_SERIES,
    CancellationError,
    format_cancellation_number,
    issue_cancellation,
    issue_invoice,
    stored_pdf,
)
from tests.shop.checkout_helpers import add, checkout_with_delivery, move_order, place, product, ship, shopper_orders
from tests.shop.test_invoice import pdf_text

pytestmark = pytest.mark.django_db

GUEST = "gast@example.org"


def mixed_order(client):
    """3 × 4.99 € net at 19 %, 2 × 7.56 € net at 7 %, by parcel (4.90 € shipping)."""
    add(client, product("4.99", "standard"), 3)
    add(client, product("7.56", "reduced"), 2)
    checkout_with_delivery(client)
    place(client)
    return shopper_orders().get()


def text_of(document):
    return " ".join(pdf_text(stored_pdf(document)).split())


def euro(amount):
    return f"{amount:.2f} €".replace(".", ",")


def test_cancelling_an_invoiced_order_issues_the_next_st_number_referring_to_the_invoice(
    client, django_capture_on_commit_callbacks
):
    order = mixed_order(client)
    move_order(order, "Paid")
    invoice = issue_invoice(order)  # as invoiced at checkout before issue 13, then cancelled while paid
    before = last_number(CANCELLATION_SERIES)
    with django_capture_on_commit_callbacks(execute=True):
        move_order(order, "Cancelled")

    [cancellation] = invoice.cancellations.all()
    assert cancellation.number == format_cancellation_number(before + 1) == f"ST-{before + 1:06d}"
    text = text_of(cancellation)
    assert f"Stornorechnung {cancellation.number}" in text
    assert f"Storno zur Rechnung {invoice.number} vom {invoice.issued_at:%d.%m.%Y}" in text
    for entry in vat.order_breakdown(order):  # the invoice's amounts per rate, negative
        assert f"Umsatzsteuer {entry.percent} % −{euro(entry.tax)}" in text
        assert f"Nettobetrag zu {entry.percent} % −{euro(entry.net)}" in text
    assert f"Gutschriftsbetrag −{euro(order.total_incl_tax)}" in text
    [message] = [m for m in mail.outbox if GUEST in m.to and cancellation.number in m.subject]
    assert message.attachments[0][0] == f"Stornorechnung-{cancellation.number}.pdf"
    assert message.attachments[0][1] == bytes(Cancellation.objects.get(pk=cancellation.pk).pdf)


def test_an_order_without_an_invoice_is_cancelled_without_a_cancellation_invoice(client):
    order = mixed_order(client)
    move_order(order, "Cancelled")
    assert not Cancellation.objects.filter(invoice__order=order).exists()


def test_a_partial_refund_cancels_its_lines_and_the_rest_nets_the_invoice_to_zero(client):
    order = ship(mixed_order(client))
    invoice = order.invoice
    shirt, booklet = order.lines.order_by("pk")
    first = issue_cancellation(invoice, lines={shirt: 1}, reason="Teilerstattung nach Widerruf")
    assert Decimal(first.lines[0]["gross"]) == shirt.unit_price_incl_tax
    [rate] = first.rates
    assert Decimal(rate["gross"]) == shirt.unit_price_incl_tax and rate["rate"] == "0.19"
    text = text_of(first)
    assert f"−1 {shirt.title}" in text and "Grund: Teilerstattung nach Widerruf" in text
    assert "Versand" not in text.split("Gutschriftsbetrag")[0].split("Artikel")[1]

    rest = issue_cancellation(invoice, reason="Storno")
    assert rest.sequence == first.sequence + 1
    assert {line["line_id"]: line["quantity"] for line in rest.lines} == {shirt.pk: 2, booklet.pk: 2}
    assert rest.shipping_gross == order.shipping_incl_tax
    for entry in vat.order_breakdown(order):
        cancelled = [Decimal(r["tax"]) for c in (first, rest) for r in c.rates if Decimal(r["rate"]) == entry.rate]
        assert sum(cancelled) == entry.tax  # the VAT of the invoice is undone to the cent
    gross = sum(Decimal(r["gross"]) for c in (first, rest) for r in c.rates)
    assert gross == order.total_incl_tax


def test_bad_cancellations_are_refused_and_write_nothing(client):
    order = ship(mixed_order(client))
    invoice = order.invoice
    shirt = order.lines.order_by("pk").first()
    before = (last_number(CANCELLATION_SERIES), Cancellation.objects.count())
    for lines in ({shirt: 4}, {shirt: 0}, {shirt.pk + 10_000: 1}):
        with pytest.raises(CancellationError):
            issue_cancellation(invoice, lines=lines)
    assert (last_number(CANCELLATION_SERIES), Cancellation.objects.count()) == before
    issue_cancellation(invoice)
    with pytest.raises(CancellationError, match="bereits vollständig storniert"), translation.override("de"):
        issue_cancellation(invoice)  # staff read it in German, the shop's language
    assert Cancellation.objects.filter(invoice=invoice).count() == 1


def test_a_rolled_back_cancellation_leaves_no_gap_in_the_st_series(client):
    order = ship(mixed_order(client))
    with pytest.raises(RuntimeError), transaction.atomic():
        issue_cancellation(order.invoice, lines={order.lines.first(): 1})
        raise RuntimeError("the refund failed")
    before = last_number(CANCELLATION_SERIES)
    assert issue_cancellation(order.invoice).sequence == before + 1
    # Invoices and cancellations count apart: RE- and ST- are two series.
    assert order.invoice.number.startswith("RE-")


def test_the_buyer_downloads_the_stored_cancellation_from_the_order_page(client, django_user_model):
    from tests.shop.checkout_helpers import deliver_to, pay_by

    customer = django_user_model.objects.create_user(email="kundin@example.org", password="geheim-genug-123")
    client.force_login(customer)
    add(client, product("10.00"), 2)
    deliver_to(client)
    client.get("/de/shop/checkout/shipping-method/")
    pay_by(client, "bank-transfer")
    place(client)
    order = ship(shopper_orders().get(user=customer))
    cancellation = issue_cancellation(order.invoice, lines={order.lines.get(): 1})
    url = f"/de/shop/invoice/{order.number}/storno/{cancellation.number}/"

    assert url in client.get(f"/de/shop/accounts/orders/{order.number}/").content.decode()
    response = client.get(url)
    assert response.status_code == 200 and response.content == stored_pdf(cancellation)
    assert f"Stornorechnung {cancellation.number}" in " ".join(pdf_text(response.content).split())
    guest_url = f"/de/shop/invoice/{order.number}/{order.verification_hash()}/storno/{cancellation.number}/"
    assert client.get(guest_url).status_code == 200
    assert client.get(f"/de/shop/invoice/{order.number}/wrong/storno/{cancellation.number}/").status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_a_refund_after_a_withdrawal_issues_the_credit_note_for_its_units_and_the_last_one_for_the_rest(
    client, django_capture_on_commit_callbacks
):
    from shop.order import refunds
    from shop.order.withdrawal import withdraw

    order = ship(mixed_order(client))
    invoice = order.invoice
    withdraw(order, "Erika Beispiel", GUEST)
    order.refresh_from_db()
    shirt, booklet = order.lines.order_by("pk")
    with django_capture_on_commit_callbacks(execute=True):
        refunds.record_refund(order, shirt.unit_price_incl_tax, {shirt: 1})
    [first] = invoice.cancellations.all()
    assert {line["line_id"]: line["quantity"] for line in first.lines} == {shirt.pk: 1}
    assert first.shipping_gross == 0
    assert any(first.number in message.subject or first.number in message.body for message in mail.outbox)

    refunds.record_refund(order, refunds.refundable_amount(order), {shirt: 2, booklet: 2})
    second = invoice.cancellations.exclude(pk=first.pk).get()
    assert second.sequence == first.sequence + 1
    assert second.shipping_gross == order.shipping_incl_tax  # the whole payment back, shipping included
    gross = sum(Decimal(r["gross"]) for c in (first, second) for r in c.rates)
    assert gross == order.total_incl_tax

    move_order(order, "Cancelled")  # nothing left to refund or to cancel
    assert invoice.cancellations.count() == 2


def test_a_credit_note_that_cannot_be_issued_keeps_the_refund_from_being_recorded(client):
    from shop.order import refunds

    order = ship(mixed_order(client))
    shirt, _booklet = order.lines.order_by("pk")
    issue_cancellation(order.invoice, lines={shirt: 3}, reason="Storno von Hand")  # all shirts cancelled already
    with pytest.raises(refunds.RefundError, match="Stück storniert werden"), translation.override("de"):
        refunds.record_refund(order, shirt.unit_price_incl_tax, {shirt: 1})
    assert not order.payment_events.filter(event_type__name="Refunded").exists()
    assert order.invoice.cancellations.count() == 1
