"""Issuing Gutschriften while the mail server is down: issued, numbered and reported as a success; the designer's
mail with the stored PDF goes out, once, when sending works again."""

import io
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from core.models import OutgoingEmail
from products.licensing import periods
from products.licensing.models import Statement
from products.licensing.royalty_run import run_royalties
from tests.licensing.test_finance_admin import detail_url, finance, last_number, licensed_designer  # noqa: F401
from tests.outbox_helpers import mail_server_down, queued_to, send_pending_now  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def assert_mailed_once_with_its_pdf(statement):
    messages = [message for message in mail.outbox if statement.designer.email in message.to]
    assert len(messages) == 1
    assert statement.number in messages[0].subject
    filename, content, mimetype = messages[0].attachments[0]
    assert (filename, mimetype) == (f"Gutschrift-{statement.number}.pdf", "application/pdf")
    assert statement.number in "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert content == bytes(statement.pdf)  # the frozen document, not a new rendering


def test_issuing_succeeds_while_the_mail_server_is_down(
    finance, mail_server_down, django_capture_on_commit_callbacks  # noqa: F811
):
    designer = licensed_designer()
    run_royalties(periods.previous_quarter())
    statement = Statement.objects.get(designer=designer)
    numbers_before = last_number()

    with django_capture_on_commit_callbacks(execute=True):
        response = finance.post(detail_url(statement), {"action": "issue"}, follow=True)

    assert response.status_code == 200
    statement.refresh_from_db()
    assert statement.status == Statement.Status.ISSUED and last_number() == numbers_before + 1
    assert f"Issued {statement.number}" in response.content.decode()
    [queued] = queued_to(designer.email)
    assert queued.status == OutgoingEmail.Status.PENDING and queued.attempts == 1 and queued.last_error

    mail_server_down()  # recovers
    send_pending_now()
    assert_mailed_once_with_its_pdf(statement)


def test_issue_all_drafts_issues_every_draft_while_the_mail_server_is_down(
    finance, mail_server_down, django_capture_on_commit_callbacks  # noqa: F811
):
    designers = [licensed_designer() for _n in range(3)]
    result = run_royalties(periods.previous_quarter())

    with django_capture_on_commit_callbacks(execute=True):
        response = finance.post(reverse("licensing_issue_drafts", args=[result.run.pk]), follow=True)

    html = response.content.decode()
    statements = [Statement.objects.get(designer=designer) for designer in designers]
    for statement in statements:
        assert statement.status == Statement.Status.ISSUED
        assert f"{statement.designer.legal_name}: issued {statement.number}" in html
        assert [email.status for email in queued_to(statement.designer.email)] == [OutgoingEmail.Status.PENDING]
    sequences = sorted(statement.sequence for statement in statements)
    assert sequences == list(range(sequences[0], sequences[0] + 3))

    mail_server_down()
    send_pending_now()
    for statement in statements:
        assert_mailed_once_with_its_pdf(statement)


def test_issue_all_drafts_goes_on_after_a_draft_that_fails_and_reports_it(
    finance, settings, tmp_path, django_capture_on_commit_callbacks  # noqa: F811
):
    # The statement PDF template breaks for one designer only (the first one issued, by name).
    original = Path(settings.BASE_DIR, "templates", "licensing", "statement_pdf.html").read_text()
    (tmp_path / "licensing").mkdir()
    (tmp_path / "licensing" / "statement_pdf.html").write_text(
        '{% if statement.designer_name == "Aaron Kaputt" %}{% include "licensing/missing.html" %}{% endif %}'
        + original
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    broken = licensed_designer(legal_name="Aaron Kaputt")
    others = [licensed_designer(legal_name="Berta Heil"), licensed_designer(legal_name="Carla Heil")]
    result = run_royalties(periods.previous_quarter())
    numbers_before = last_number()

    with django_capture_on_commit_callbacks(execute=True):
        response = finance.post(reverse("licensing_issue_drafts", args=[result.run.pk]), follow=True)

    html = response.content.decode()
    assert response.status_code == 200
    assert Statement.objects.get(designer=broken).status == Statement.Status.DRAFT
    assert f"{broken.legal_name}: not issued because of a technical error" in html
    issued = [Statement.objects.get(designer=designer) for designer in others]
    assert [statement.status for statement in issued] == [Statement.Status.ISSUED] * 2
    assert sorted(statement.sequence for statement in issued) == [numbers_before + 1, numbers_before + 2]
    assert not queued_to(broken.email)
