"""Only Finance reaches the royalty tools: other roles are refused and change nothing, visitors must log in."""

import pytest
from django.urls import reverse

from products.licensing import periods
from products.licensing.models import RoyaltyAdjustment, RoyaltyRun, Statement, StatementCounter
from products.licensing.royalty_run import run_royalties
from tests.licensing.test_finance_admin import licensed_designer

pytestmark = pytest.mark.django_db

OTHERS = ["designer@example.org", "marketing@example.org"]


@pytest.fixture
def draft():
    designer = licensed_designer()
    result = run_royalties(periods.previous_quarter())
    return Statement.objects.get(designer=designer), result.run


def finance_urls(statement, run):
    return [
        reverse("licensing_statements:index"),
        reverse("licensing_statements:inspect", args=[statement.pk]),
        reverse("licensing_statement_download", args=[statement.pk, "pdf"]),
        reverse("licensing_statement_download", args=[statement.pk, "csv"]),
        reverse("licensing_royalty_run"),
        reverse("licensing_royalty_run_result", args=[run.pk]),
        reverse("licensing_adjustments:index"),
        reverse("licensing_adjustments:add"),
        reverse("licensing_accountant_export") + "?text=2025-Q2&download=1",
        reverse("licensing_ksk_report") + "?year=2025&download=1",
    ]


def test_finance_opens_every_tool(client, demo_user, draft):
    client.force_login(demo_user("finance@example.org"))
    for url in finance_urls(*draft):
        assert client.get(url).status_code == 200, url
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("licensing_royalty_run") in menu  # the "Royalties" menu (sidebar JSON) offers the run


@pytest.mark.parametrize("email", OTHERS)
def test_other_roles_cannot_open_the_tools(client, demo_user, draft, email):
    client.force_login(demo_user(email))
    for url in finance_urls(*draft):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert response.get("Content-Disposition") is None, url
    if email == "marketing@example.org":  # has admin access: the menu must not offer the tools
        assert reverse("licensing_royalty_run") not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("email", OTHERS)
def test_other_roles_cannot_issue_pay_regenerate_or_run(client, demo_user, draft, email):
    statement, run = draft
    counter = StatementCounter.objects.filter(key="gutschrift").values_list("last_number", flat=True).first()
    updated_at = statement.updated_at
    client.force_login(demo_user(email))
    detail = reverse("licensing_statements:inspect", args=[statement.pk])
    for action in ("issue", "regenerate", "mark_paid"):
        response = client.post(detail, {"action": action, "paid_on": "2025-01-01", "reference": "X"})
        assert response.status_code in (302, 403)
    client.post(reverse("licensing_issue_drafts", args=[run.pk]))
    client.post(reverse("licensing_royalty_run"), {"choice": periods.previous_quarter().label})
    client.post(reverse("licensing_adjustments:add"), {"designer": statement.designer_id, "amount": "99",
                                                       "text": "Gekapert"})

    statement.refresh_from_db()
    assert statement.status == Statement.Status.DRAFT and statement.number is None
    assert statement.updated_at == updated_at
    assert StatementCounter.objects.filter(key="gutschrift").values_list("last_number", flat=True).first() == counter
    assert RoyaltyRun.objects.count() == 1 and not RoyaltyAdjustment.objects.filter(text="Gekapert").exists()


def test_anonymous_visitors_are_sent_to_the_admin_login(client, draft):
    statement, run = draft
    for url in finance_urls(statement, run):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    response = client.post(reverse("licensing_statements:inspect", args=[statement.pk]), {"action": "issue"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert Statement.objects.get(pk=statement.pk).is_draft
