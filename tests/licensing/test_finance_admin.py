"""Finance runs, issues and pays royalty statements in the Wagtail admin."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from products.licensing import periods
from products.licensing.models import RoyaltyAdjustment, RoyaltyRun, Statement, StatementCounter
from products.licensing.royalty_run import run_royalties
from tests.factories import DesignerFactory, LicenceFactory, OutletFactory, ProductFactory
from tests.licensing import sales_helpers

pytestmark = pytest.mark.django_db

FINANCE = "finance@example.org"


def outlet_sale(product, day, net="1000.00", units=10, outlet=None):
    return sales_helpers.outlet_sale(outlet or OutletFactory(), product, day, units, net)


def licensed_designer(net="1000.00", **designer_fields):
    """A designer with a 10 % licence whose product sold at an outlet in the previous quarter."""
    designer = DesignerFactory(**designer_fields)
    product = ProductFactory(title=f"Lizenzprodukt {designer.legal_name}")
    LicenceFactory(designer=designer, products=[product])
    outlet_sale(product, periods.previous_quarter().start + datetime.timedelta(days=10), net=net)
    return designer


def detail_url(statement):
    return reverse("licensing_statements:inspect", args=[statement.pk])


def last_number():
    counter = StatementCounter.objects.filter(key="gutschrift").first()
    return counter.last_number if counter else 0


@pytest.fixture
def finance(client, demo_user):
    """Finance in the admin, set to English so that the assertions read the source strings (the German admin is
    the default; its catalogue is checked in tests/test_message_catalogues.py)."""
    from wagtail.users.models import UserProfile

    user = demo_user(FINANCE)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def run_in_admin(client, **data):
    return client.post(reverse("licensing_royalty_run"), data)


def test_finance_runs_a_quarter_and_sees_the_drafts_and_unlicensed_sales(finance):
    designer = licensed_designer()
    unlicensed = ProductFactory(title="Ohne Vertrag")
    outlet_sale(unlicensed, periods.previous_quarter().start, net="50.00")
    period = periods.previous_quarter()

    response = run_in_admin(finance, choice=period.label)

    run = RoyaltyRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("licensing_royalty_run_result",
                                                                            args=[run.pk])
    statement = Statement.objects.get(designer=designer, period_start=period.start)
    assert statement.is_draft and statement.royalty_total == Decimal("100.00")
    html = finance.get(response["Location"]).content.decode()
    assert designer.legal_name in html and "Ohne Vertrag" in html
    assert f"<td>{run.created}</td>" in html

    listing = finance.get(reverse("licensing_statements:index"), {"status": "draft"}).content.decode()
    assert designer.legal_name in listing and period.label in listing


def test_the_free_text_period_wins_over_the_select(finance):
    designer = licensed_designer()
    period = periods.previous_quarter()
    run_in_admin(finance, choice="", text=period.label.replace("-", "-").lower())
    assert Statement.objects.filter(designer=designer, period_start=period.start, period_end=period.end).exists()


@pytest.mark.parametrize("text, message", [
    ("2026-13", "is not a period"),
    ("letzte Woche", "is not a period"),
])
def test_unparseable_periods_are_refused_on_the_form(finance, text, message):
    licensed_designer()
    response = run_in_admin(finance, text=text)
    assert response.status_code == 200 and message in response.content.decode()
    assert not RoyaltyRun.objects.exists() and not Statement.objects.exists()


def test_a_period_that_has_not_ended_is_refused(finance):
    licensed_designer()
    response = run_in_admin(finance, text=periods.current_quarter().label)
    assert "has not ended yet" in response.content.decode()
    assert not RoyaltyRun.objects.exists() and not Statement.objects.exists()


def test_an_overlapping_period_is_refused_and_writes_nothing(finance):
    licensed_designer()
    quarter = periods.previous_quarter()
    run_royalties(quarter)
    before = list(Statement.objects.values_list("pk", "updated_at"))
    month = periods.month(quarter.start.year, quarter.start.month)

    response = run_in_admin(finance, text=month.label)

    assert "overlapping period" in response.content.decode()
    assert list(Statement.objects.values_list("pk", "updated_at")) == before
    assert RoyaltyRun.objects.count() == 1


def test_licences_without_terms_are_named_and_nothing_is_written(finance):
    licensed_designer()
    LicenceFactory(contract_number="OHNE-KONDITIONEN", royalty_percentage=None, products=[ProductFactory()])
    response = run_in_admin(finance, choice=periods.previous_quarter().label)
    assert "OHNE-KONDITIONEN" in response.content.decode()
    assert not RoyaltyRun.objects.exists() and not Statement.objects.exists()


def test_finance_issues_a_draft_once(finance, mailoutbox, django_capture_on_commit_callbacks):
    designer = licensed_designer()
    run_royalties(periods.previous_quarter())
    statement = Statement.objects.get(designer=designer)
    numbers_before = last_number()

    with django_capture_on_commit_callbacks(execute=True):
        response = finance.post(detail_url(statement), {"action": "issue"}, follow=True)

    statement.refresh_from_db()
    assert statement.status == Statement.Status.ISSUED and statement.number.startswith("GS-")
    assert f"Issued {statement.number}" in response.content.decode()
    mail = next(message for message in mailoutbox if designer.email in message.to)
    name, content, mimetype = mail.attachments[0]
    assert name == f"Gutschrift-{statement.number}.pdf" and content.startswith(b"%PDF")

    response = finance.post(detail_url(statement), {"action": "issue"}, follow=True)
    assert f"already issued as {statement.number}" in response.content.decode()
    assert last_number() == numbers_before + 1
    assert Statement.objects.get(pk=statement.pk).issued_at == statement.issued_at


def test_finance_marks_an_issued_statement_paid(finance):
    designer = licensed_designer()
    run_royalties(periods.previous_quarter())
    statement = Statement.objects.get(designer=designer)
    finance.post(detail_url(statement), {"action": "issue"})
    today = timezone.localdate()

    response = finance.post(detail_url(statement), {"action": "mark_paid", "paid_on": today.isoformat(),
                                                     "reference": "SEPA-2026-17"})

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.status == Statement.Status.PAID
    assert statement.paid_on == today and statement.payout_reference == "SEPA-2026-17"


def test_mark_paid_is_refused_while_the_designer_has_no_iban(finance):
    designer = licensed_designer(payout_iban="")
    run_royalties(periods.previous_quarter())
    statement = Statement.objects.get(designer=designer)
    finance.post(detail_url(statement), {"action": "issue"})
    detail = finance.get(detail_url(statement)).content.decode()
    assert "has no IBAN on record" in detail

    response = finance.post(detail_url(statement), {"action": "mark_paid",
                                                     "paid_on": timezone.localdate().isoformat(),
                                                     "reference": "SEPA-1"})

    assert response.status_code == 200 and "has no IBAN on record" in response.content.decode()
    statement.refresh_from_db()
    assert statement.status == Statement.Status.ISSUED and statement.paid_on is None


def test_a_future_payout_date_is_a_form_error(finance):
    designer = licensed_designer()
    run_royalties(periods.previous_quarter())
    statement = Statement.objects.get(designer=designer)
    finance.post(detail_url(statement), {"action": "issue"})
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = finance.post(detail_url(statement), {"action": "mark_paid", "paid_on": tomorrow.isoformat(),
                                                     "reference": "SEPA-1"})
    assert "cannot be in the future" in response.content.decode()
    assert Statement.objects.get(pk=statement.pk).status == Statement.Status.ISSUED


def test_regenerate_picks_up_a_new_adjustment(finance):
    designer = licensed_designer()
    run_royalties(periods.previous_quarter())
    statement = Statement.objects.get(designer=designer)
    finance.post(reverse("licensing_adjustments:add"), {"designer": designer.pk, "amount": "12.50",
                                                        "text": "Nachmeldung Museumsshop"})
    adjustment = RoyaltyAdjustment.objects.get(designer=designer)
    assert adjustment.created_by.email == FINANCE

    finance.post(detail_url(statement), {"action": "regenerate"})

    statement.refresh_from_db()
    adjustment.refresh_from_db()
    assert adjustment.statement == statement and statement.net_total == Decimal("112.50")
    assert "Nachmeldung Museumsshop" in finance.get(detail_url(statement)).content.decode()


def test_settled_adjustments_are_read_only(finance):
    designer = licensed_designer()
    adjustment = RoyaltyAdjustment.objects.create(designer=designer, amount=Decimal("5.00"), text="Korrektur")
    run_royalties(periods.previous_quarter())
    statement = Statement.objects.get(designer=designer)
    edit = reverse("licensing_adjustments:edit", args=[adjustment.pk])
    delete = reverse("licensing_adjustments:delete", args=[adjustment.pk])
    # On a draft it can still be corrected.
    assert finance.get(edit).status_code == 200

    finance.post(detail_url(statement), {"action": "issue"})
    finance.post(edit, {"designer": designer.pk, "amount": "500.00", "text": "Gekapert"})
    finance.post(delete)

    adjustment.refresh_from_db()
    assert adjustment.amount == Decimal("5.00") and adjustment.text == "Korrektur"
    listing = finance.get(reverse("licensing_adjustments:index")).content.decode()
    assert edit not in listing and reverse("licensing_adjustments:inspect", args=[adjustment.pk]) in listing


def test_statements_have_no_generic_add_edit_or_delete(finance):
    designer = licensed_designer()
    run_royalties(periods.previous_quarter())
    statement = Statement.objects.get(designer=designer)
    index = reverse("licensing_statements:index")
    for suffix in ("new/", f"edit/{statement.pk}/", f"delete/{statement.pk}/"):
        assert finance.get(f"{index}{suffix}", follow=True).status_code == 404
        assert finance.post(f"{index}{suffix}", {"status": "paid"}, follow=True).status_code == 404
    assert Statement.objects.get(pk=statement.pk).status == Statement.Status.DRAFT
    detail = finance.get(detail_url(statement)).content.decode()
    assert "/edit/" not in detail and "/delete/" not in detail


def test_detail_page_shows_grouped_lines_and_downloads(finance, django_assert_max_num_queries):
    designer = licensed_designer()
    run_royalties(periods.previous_quarter())
    statement = Statement.objects.get(designer=designer)
    with django_assert_max_num_queries(16):
        html = finance.get(detail_url(statement)).content.decode()
    assert f"Lizenzprodukt {designer.legal_name}" in html and "Preview PDF" in html
    pdf = finance.get(reverse("licensing_statement_download", args=[statement.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    csv = finance.get(reverse("licensing_statement_download", args=[statement.pk, "csv"])).content.decode()
    assert csv.startswith("statement_number,") and f"Lizenzprodukt {designer.legal_name}" in csv


def test_the_statement_list_stays_within_its_query_budget(finance, django_assert_max_num_queries):
    for _n in range(6):
        licensed_designer()
    run_royalties(periods.previous_quarter())
    assert Statement.objects.count() > 6
    with django_assert_max_num_queries(18):
        response = finance.get(reverse("licensing_statements:index"))
    assert response.status_code == 200


def test_issue_all_drafts_reports_each_outcome(finance, django_capture_on_commit_callbacks):
    first, second = licensed_designer(), licensed_designer()
    result = run_royalties(periods.previous_quarter())
    response = finance.post(reverse("licensing_issue_drafts", args=[result.run.pk]), follow=True)
    html = response.content.decode()
    for designer in (first, second):
        statement = Statement.objects.get(designer=designer)
        assert statement.status == Statement.Status.ISSUED
        assert f"{designer.legal_name}: issued {statement.number}" in html
    assert not Statement.objects.filter(status=Statement.Status.DRAFT).exists()
