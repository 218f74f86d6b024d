"""Invoices: gap-free sequential numbers allocated in the database, and a real PDF with the seller's data.

The invoice is issued when the goods leave (tests/shop/test_invoice_issue.py): these tests ship the order first."""

import threading
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO

import pytest
from django.conf import settings
from django.db import connection, transaction
from oscar.core.loading import get_model
from pypdf import PdfReader

from shop.invoicing.models import Invoice
from shop.invoicing.services import issue_invoice, render_invoice_pdf
from tests.shop.checkout_helpers import add, checkout_with_delivery, place, product, ship, shopper_orders

Order = get_model("order", "Order")
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def bare_order(number):
    return Order.objects.create(number=number, total_incl_tax=0, total_excl_tax=0)


def pdf_text(data):
    # Babel puts a no-break space between amount and €.
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages).replace("\xa0", " ")


@pytest.mark.django_db
def test_numbers_are_sequential_and_never_reused():
    first = issue_invoice(bare_order("T-1"))
    second = issue_invoice(bare_order("T-2"))
    assert second.sequence == first.sequence + 1
    assert issue_invoice(first.order) == first  # asking again gives the same invoice, no new number


@pytest.mark.django_db
def test_a_rolled_back_order_leaves_no_gap():
    first = issue_invoice(bare_order("T-3"))
    with pytest.raises(RuntimeError), transaction.atomic():
        issue_invoice(bare_order("T-4"))
        raise RuntimeError("the order placement failed")
    assert not Order.objects.filter(number="T-4").exists()
    assert issue_invoice(bare_order("T-5")).sequence == first.sequence + 1


@pytest.mark.django_db
def test_the_pdf_shows_number_seller_vat_id_and_vat_per_rate(client):
    add(client, product("10.00", "standard"), 2)
    add(client, product("10.00", "reduced"), 1)
    checkout_with_delivery(client)
    place(client)
    order = ship(shopper_orders().get())
    text = pdf_text(render_invoice_pdf(order.invoice))
    assert f"Rechnung {order.invoice.number}" in text
    assert "Quartiersbüro Aachen-Nord e. V. (Demo)" in text
    assert "USt-IdNr.: DE000000000" in text
    assert "Umsatzsteuer 19 %" in text and "Umsatzsteuer 7 %" in text
    assert "Rechnungsbetrag 39,40 €" in text  # 2 × 11,90 + 10,70 + 4,90 € (DHL)
    assert "Nettobetrag zu 19 % 22,84 €" in text  # shipping VAT split in proportion to the goods
    assert f"MIAN-{order.number}" in text


@pytest.mark.django_db
def test_the_pdf_shows_vat_per_rate_rounded_once_on_the_rate_total(client):
    # 6 × 4.99 € net at 19 %: 5,69 € VAT on the rate's total, not 6 × 0,95 = 5,70 € summed per unit.
    add(client, product("4.99", "standard"), 6)
    add(client, product("30.00", "reduced"), 1)  # 67,74 € gross: shipping is free, the 19 % total is the goods'
    checkout_with_delivery(client)
    place(client)
    order = ship(shopper_orders().get())
    text = pdf_text(render_invoice_pdf(order.invoice))
    assert "Summe brutto zu 19 % 35,64 €" in text
    assert "Nettobetrag zu 19 % 29,95 €" in text
    assert "Umsatzsteuer 19 % 5,69 €" in text
    assert "Umsatzsteuer 7 % 2,10 €" in text  # 32,10 € × 7/107
    assert "Rechnungsbetrag 67,74 €" in text


@pytest.mark.django_db
def test_the_invoice_shows_the_voucher_and_its_totals_add_up_to_the_order_total(client):
    from tests.shop.test_tax import percent_voucher

    add(client, product("4.99", "standard"), 6)
    add(client, product("7.56", "reduced"), 2)
    percent_voucher(10, code="ZEHN")
    client.post("/de/shop/basket/vouchers/add/", {"code": "ZEHN"})
    checkout_with_delivery(client)
    place(client)
    order = ship(shopper_orders().get())
    assert order.discounts.filter(voucher_code="ZEHN").exists()
    from shop.order.services import order_context

    rates = order_context(order)["vat_rates"]
    # 32,08 € goods at 19 % and 14,56 € at 7 % after the voucher, plus 4,90 € shipping split between them.
    assert sum(r.gross for r in rates) == order.total_incl_tax
    for entry in rates:
        assert entry.tax == (entry.gross * entry.rate / (1 + entry.rate)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert entry.net + entry.tax == entry.gross
    text = pdf_text(render_invoice_pdf(order.invoice))
    # The lines at their price before the voucher, the voucher per rate, then the totals per rate after it.
    assert "35,64 €" in text and "16,18 €" in text
    assert text.count("Gutschein ZEHN") == 2
    assert "19 % −3,56 €" in text and "7 % −1,62 €" in text
    for entry in rates:
        assert f"Umsatzsteuer {entry.percent} % {entry.tax:.2f} €".replace(".", ",") in text
    assert f"Rechnungsbetrag {order.total_incl_tax:.2f} €".replace(".", ",") in text


@pytest.mark.django_db
def test_invoice_download_is_for_the_buyer_only(client, demo_user):
    add(client, product(), 1)
    checkout_with_delivery(client)
    place(client)
    order = shopper_orders().get()
    # Not shipped yet: no invoice, and asking for one does not issue it.
    assert client.get(f"/de/shop/invoice/{order.number}/{order.verification_hash()}/").status_code == 404
    assert not Invoice.objects.filter(order=order).exists()
    ship(order)
    response = client.get(f"/de/shop/invoice/{order.number}/{order.verification_hash()}/")
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert client.get(f"/de/shop/invoice/{order.number}/not-the-hash/").status_code == 404
    client.force_login(demo_user("marketing@example.org"))
    assert client.get(f"/de/shop/invoice/{order.number}/").status_code == 404


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL: SQLite has no row locks (it serialises writers)")
@pytest.mark.django_db
def test_two_concurrent_orders_get_consecutive_numbers():
    """Two threads, each with its own connection and transaction, place an order and take a number.

    The threads commit (they must, to compete for the lock), so the test removes their rows afterwards.
    """
    start = threading.Barrier(2)
    errors, numbers = [], []

    def place(number):
        try:
            start.wait()
            with transaction.atomic():
                invoice = issue_invoice(bare_order(number))
                # Hold the lock a moment so that the other transaction really has to wait for it.
                connection.cursor().execute("SELECT pg_sleep(0.2)")
            numbers.append(invoice.sequence)
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(error)
        finally:
            connection.close()

    def in_thread(target, *args):
        thread = threading.Thread(target=target, args=args)
        thread.start()
        return thread

    threads = [in_thread(place, "C-1"), in_thread(place, "C-2")]
    for thread in threads:
        thread.join()

    def clean_up():
        Invoice.objects.filter(order__number__in=["C-1", "C-2"]).delete()
        Order.objects.filter(number__in=["C-1", "C-2"]).delete()
        connection.close()

    in_thread(clean_up).join()
    assert not errors
    assert len(numbers) == 2 and sorted(numbers)[1] == sorted(numbers)[0] + 1
