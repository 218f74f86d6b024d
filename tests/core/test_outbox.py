"""The outbox (core.outbox): mails queued with the change they report, sent after the commit, retried with
back-off while the mail server is down, never sent twice."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from core import outbox
from core.models import OutgoingEmail
from tests.outbox_helpers import mail_server_down, send_pending_now  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

TO = "kundin@example.org"


def queue(**changes):
    return outbox.queue_email(**{"to": [TO], "subject": "Ihre Bestellung", "body": "Danke.", **changes})


def send_pending(*args):
    call_command("send_pending_email", *args, stdout=io.StringIO(), stderr=io.StringIO())


def test_a_mail_is_sent_after_the_commit_and_only_then(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            email = queue(html_body="<p>Danke.</p>", reply_to=["shop@example.org"])
            assert mail.outbox == []
    [message] = mail.outbox
    assert message.to == [TO] and message.reply_to == ["shop@example.org"]
    assert message.alternatives[0][0] == "<p>Danke.</p>"
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.attempts == 1 and email.sent_at


def test_a_mail_queued_in_a_change_that_is_rolled_back_is_never_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            queue()
            raise RuntimeError("the change failed")
    assert not OutgoingEmail.objects.filter(subject="Ihre Bestellung").exists()
    assert mail.outbox == []


def test_failed_attempts_back_off_then_give_up_and_can_be_retried(
    settings, mail_server_down, django_capture_on_commit_callbacks  # noqa: F811
):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    with django_capture_on_commit_callbacks(execute=True):
        email = queue()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.PENDING and email.attempts == 1
    assert "ConnectionRefusedError" in email.last_error
    assert timedelta(seconds=110) < email.next_attempt_at - timezone.now() <= timedelta(seconds=120)

    send_pending()  # not due yet: the back-off holds
    email.refresh_from_db()
    assert email.attempts == 1

    with pytest.raises(CommandError):
        send_pending("--now")
    email.refresh_from_db()
    assert email.attempts == 2 and email.next_attempt_at - timezone.now() > timedelta(seconds=230)  # doubled
    with pytest.raises(CommandError):
        send_pending("--now")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED and email.attempts == 3

    mail_server_down()  # recovers
    send_pending("--now")
    assert mail.outbox == []  # given up: only an operator's --retry-failed sends it
    send_pending("--retry-failed", "--now")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and len(mail.outbox) == 1


def test_a_mail_claimed_by_another_sender_is_not_sent_twice():
    email = queue()  # its task waits for the test's transaction to commit, which never happens
    OutgoingEmail.objects.filter(pk=email.pk).update(claimed_until=timezone.now() + timedelta(minutes=5))
    assert outbox.deliver(email.pk, ignore_backoff=True) == "skipped"
    send_pending("--now")
    assert mail.outbox == []
    # The other sender died: once its claim has run out, the mail is sent, once.
    OutgoingEmail.objects.filter(pk=email.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    send_pending()
    send_pending()
    assert len(mail.outbox) == 1


def test_an_attachment_builder_is_run_when_the_mail_is_sent(django_capture_on_commit_callbacks):
    with pytest.raises(ImportError):
        queue(attachments=[("core.outbox.no_such_builder", {})])
    with django_capture_on_commit_callbacks(execute=True):
        queue(attachments=[("tests.core.test_outbox.greeting_card", {"name": "Erika"})])
    assert mail.outbox[0].attachments == [("karte.txt", "Hallo Erika", "text/plain")]


def greeting_card(name):
    return "karte.txt", f"Hallo {name}", "text/plain"


def test_with_the_database_backend_the_worker_sends_and_retries(
    settings, mail_server_down, django_capture_on_commit_callbacks  # noqa: F811
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.OUTBOX_RETRY_DELAY = 0  # the retry is due at once
    worker = Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id="test-worker", excluded_queue_names=[])

    with django_capture_on_commit_callbacks(execute=True):
        email = queue()
    [first] = DBTaskResult.objects.ready().filter(task_path="core.tasks.deliver_email")
    assert first.args_kwargs["args"] == [email.pk] and mail.outbox == []

    worker.run_task(first)  # the mail server is down
    first.refresh_from_db()
    email.refresh_from_db()
    assert first.status == "FAILED" and email.attempts == 1 and email.status == OutgoingEmail.Status.PENDING
    [retry] = DBTaskResult.objects.ready().filter(task_path="core.tasks.deliver_email")
    assert retry.run_after == email.next_attempt_at

    mail_server_down()  # recovers
    worker.run_task(retry)
    retry.refresh_from_db()
    email.refresh_from_db()
    assert retry.status == "SUCCESSFUL" and email.status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1
    assert not DBTaskResult.objects.ready().filter(task_path="core.tasks.deliver_email").exists()
