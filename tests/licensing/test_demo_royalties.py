"""The demo's royalty history: a year of sales, the past quarters settled, the running quarter open."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Sum
from oscar.core.loading import get_model

from home.demo import royalties
from products.licensing import periods
from products.licensing.models import Licence, RoyaltyRun, Statement, StatementLine
from shop.partner import services

pytestmark = [pytest.mark.django_db, pytest.mark.demo_statements]
Order = get_model("order", "Order")
OutletSale = get_model("partner", "OutletSale")


def test_past_quarters_are_settled_the_latest_awaits_payout_and_the_running_one_is_open():
    quarters = royalties.settled_quarters(periods.today())
    assert len(quarters) >= 3
    for quarter in quarters[:-1]:
        settled = Statement.objects.filter(period_start=quarter.start, period_end=quarter.end)
        assert settled.exists() and set(settled.values_list("status", flat=True)) == {Statement.Status.PAID}
        assert all(statement.paid_on > quarter.end for statement in settled)
        assert not settled.filter(payout_amount__gt=0, payout_reference="").exists()
    latest = quarters[-1]
    assert set(Statement.objects.filter(period_start=latest.start).values_list("status", flat=True)) == {
        Statement.Status.ISSUED}
    running = periods.current_quarter()
    assert not Statement.objects.filter(period_end__gte=running.start).exists()
    assert not Statement.objects.filter(status=Statement.Status.DRAFT).exists()


def test_issued_statements_carry_a_pdf_dated_when_they_were_issued():
    statement = Statement.objects.exclude(number=None).order_by("sequence").first()
    assert bytes(statement.pdf).startswith(b"%PDF")
    assert statement.issued_at.date() > statement.period_end


def test_statement_numbers_are_gap_free_from_one():
    sequences = list(Statement.objects.exclude(sequence=None).order_by("sequence").values_list("sequence", flat=True))
    assert sequences == list(range(1, len(sequences) + 1))
    assert Statement.objects.get(sequence=1).number == "GS-000001"


def test_toms_advance_is_still_being_recouped():
    licence = Licence.objects.get(contract_number="MIAN-L-2024-05")
    recouped = -StatementLine.objects.filter(licence=licence, kind=StatementLine.Kind.RECOUPMENT).aggregate(
        total=Sum("amount"))["total"]
    assert 0 < recouped < licence.advance


def test_the_demo_designer_login_has_statements(demo_user):
    dana = demo_user("designer@example.org").designer
    assert Statement.objects.filter(designer=dana).exclude(number=None).exists()


def test_the_sales_history_has_online_orders_returns_and_outlet_reports():
    orders = Order.objects.filter(number__startswith=royalties.PREFIX)
    assert orders.count() == royalties.ORDERS
    assert not orders.filter(paid_at=None).exists()
    assert orders.filter(payment_events__event_type__name="Refunded").exists()
    assert OutletSale.objects.filter(sales_import__file_name__startswith="verkaeufe-20").exists()
    # History only: the sales moved no stock, so every stock record still matches its ledger.
    assert services.ledger_differences() == []


def test_loading_the_demo_again_creates_nothing_new():
    before = (Order.objects.count(), OutletSale.objects.count(), Statement.objects.count(), RoyaltyRun.objects.count())
    call_command("load_demo", allow_production=True, stdout=io.StringIO())
    assert (Order.objects.count(), OutletSale.objects.count(), Statement.objects.count(),
            RoyaltyRun.objects.count()) == before
