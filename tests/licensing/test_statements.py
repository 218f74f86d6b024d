"""Issuing and paying statements: the Gutschrift numbers, the frozen content, the documents and the email."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from oscar.core.loading import get_model
from pypdf import PdfReader

from products.licensing import periods
from products.licensing.models import Statement, StatementCounter, StatementLine
from products.licensing.royalty_run import run_royalties
from products.licensing.statement_documents import CSV_COLUMNS, statement_csv
from products.licensing.statements import issue_statement, mark_paid
from tests.factories import LicenceFactory, ProductFactory

from .sales_helpers import online_sale, refund

pytestmark = pytest.mark.usefixtures("no_statements", "english")
Line = get_model("order", "Line")

Q1, Q2 = periods.quarter(2024, 1), periods.quarter(2024, 2)


def pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(data))).pages)


def draft_for(licence, period=Q1):
    run_royalties(period)
    return Statement.objects.get(designer=licence.designer, period_start=period.start)


@pytest.fixture
def licence():
    product = ProductFactory(title="Notizbuch Depot")
    licence = LicenceFactory(products=[product], royalty_percentage=Decimal("10.00"),
                             designer__vat_status="copyright", designer__legal_name="Erika Entwurf")
    online_sale(product, 5, "500.00", datetime.date(2024, 2, 1))
    return licence


def last_number():
    counter = StatementCounter.objects.filter(key="gutschrift").first()
    return counter.last_number if counter else 0


def test_issuing_numbers_freezes_renders_and_emails(licence, mailoutbox, django_capture_on_commit_callbacks):
    before = last_number()
    with django_capture_on_commit_callbacks(execute=True):
        statement = issue_statement(draft_for(licence).pk)

    assert statement.status == Statement.Status.ISSUED
    assert statement.number == f"GS-{before + 1:06d}"
    assert statement.designer_name == "Erika Entwurf"
    text = pdf_text(statement.pdf)
    assert "Gutschrift" in text and statement.number in text
    assert "Notizbuch Depot" in text and "53,50" in text  # payout: 50,00 + 7 % VAT
    assert "§ 12 Abs. 2 Nr. 7" in text
    assert len(mailoutbox) == 1
    assert statement.number in mailoutbox[0].subject
    assert mailoutbox[0].to == [licence.designer.email]
    assert mailoutbox[0].attachments[0][0] == f"Gutschrift-{statement.number}.pdf"


@pytest.mark.parametrize(("status", "note"), [("small_business", "§ 19"), ("regular", "19 %")])
def test_the_pdf_prints_the_legal_vat_note_of_the_designers_status(status, note):
    product = ProductFactory()
    licence = LicenceFactory(products=[product], designer__vat_status=status)
    online_sale(product, 5, "500.00", datetime.date(2024, 2, 1))

    text = pdf_text(issue_statement(draft_for(licence).pk).pdf)

    assert note in text


def test_numbers_are_gap_free_and_a_refused_issue_takes_none(licence, mailoutbox,
                                                             django_capture_on_commit_callbacks):
    other = LicenceFactory(products=[ProductFactory()])
    online_sale(other.products.first(), 1, "300.00", datetime.date(2024, 3, 1))
    run_royalties(Q1)
    first, second = Statement.objects.filter(period_start=Q1.start).order_by("pk")[:2]
    before = last_number()

    with django_capture_on_commit_callbacks(execute=True):
        issue_statement(first.pk)
        with pytest.raises(ValidationError, match="already issued as GS-"):
            issue_statement(first.pk)
        issue_statement(second.pk)

    numbers = sorted(Statement.objects.exclude(sequence=None).values_list("sequence", flat=True))
    assert numbers[-2:] == [before + 1, before + 2] and last_number() == before + 2
    assert len(mailoutbox) == 2  # the second click sent nothing


def test_a_stale_draft_is_not_issued(licence):
    draft = draft_for(licence)
    online_sale(licence.products.first(), 1, "100.00", datetime.date(2024, 3, 30))
    before = last_number()

    with pytest.raises(ValidationError, match="changed since this draft"):
        issue_statement(draft.pk)

    draft.refresh_from_db()
    assert draft.status == Statement.Status.DRAFT and draft.number is None and last_number() == before


def test_an_issued_statement_survives_refund_price_and_licence_changes(licence):
    product = licence.products.first()
    line = Line.objects.get(product=product)
    issued = issue_statement(draft_for(licence).pk)
    frozen = (list(issued.lines.values_list("units", "net_revenue", "amount", "royalty_percentage", "product_title")),
              issued.net_total, issued.payout_amount, bytes(issued.pdf), statement_csv(issued))

    refund(line, 2, datetime.date(2024, 4, 10))
    product.title = "Notizbuch Depot (neu)"
    product.save()
    product.stockrecords.update(price=Decimal("99.00"))
    licence.royalty_percentage = Decimal("15.00")
    licence.save()
    run_royalties(Q1)
    run_royalties(Q2)

    issued.refresh_from_db()
    assert (list(issued.lines.values_list("units", "net_revenue", "amount", "royalty_percentage", "product_title")),
            issued.net_total, issued.payout_amount, bytes(issued.pdf), statement_csv(issued)) == frozen
    negative = Statement.objects.get(designer=licence.designer, period_start=Q2.start).lines.get(
        kind=StatementLine.Kind.ROYALTY)
    assert (negative.units, negative.net_revenue) == (-2, Decimal("-200.00"))


def test_the_csv_has_one_row_per_line_with_decimal_points(licence):
    statement = issue_statement(draft_for(licence).pk)

    rows = list(csv.DictReader(io.StringIO(statement_csv(statement).decode("utf-8"))))

    assert list(rows[0]) == CSV_COLUMNS
    assert len(rows) == statement.lines.count()
    assert rows[0]["statement_number"] == statement.number
    assert (rows[0]["product_title"], rows[0]["units"], rows[0]["net_revenue_eur"], rows[0]["amount_eur"]) == (
        "Notizbuch Depot", "5", "500.00", "50.00")


def test_mark_paid_records_date_and_reference(licence):
    statement = issue_statement(draft_for(licence).pk)

    paid = mark_paid(statement.pk, timezone.localdate(), "Überweisung 2024-04-15")

    assert (paid.status, paid.paid_on, paid.payout_reference) == (
        Statement.Status.PAID, timezone.localdate(), "Überweisung 2024-04-15")
    with pytest.raises(ValidationError, match="already marked paid"):
        mark_paid(statement.pk, timezone.localdate(), "again")


def test_a_designer_without_payout_data_gets_the_statement_but_the_payout_is_blocked(licence):
    licence.designer.payout_iban = ""
    licence.designer.save()
    statement = issue_statement(draft_for(licence).pk)

    with pytest.raises(ValidationError, match="no IBAN"):
        mark_paid(statement.pk, timezone.localdate(), "Überweisung")

    statement.refresh_from_db()
    assert statement.status == Statement.Status.ISSUED and statement.paid_on is None


@pytest.mark.parametrize(
    ("days", "reference", "message"),
    [(1, "Überweisung", "future"), (0, " ", "reference")],
)
def test_mark_paid_refuses_bad_input(licence, days, reference, message):
    statement = issue_statement(draft_for(licence).pk)

    with pytest.raises(ValidationError, match=message):
        mark_paid(statement.pk, timezone.localdate() + datetime.timedelta(days=days), reference)
    statement.refresh_from_db()
    assert statement.status == Statement.Status.ISSUED


def test_a_draft_cannot_be_paid(licence):
    with pytest.raises(ValidationError, match="issue it first"):
        mark_paid(draft_for(licence).pk, timezone.localdate(), "x")
