"""A mail server that is down, for real: Django's SMTP backend pointed at a local port nobody listens on."""

import io
import socket

import pytest
from django.core.management import call_command

from core.models import OutgoingEmail


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once the socket is closed: connecting is refused


@pytest.fixture
def mail_server_down(settings):
    """Every send fails with ConnectionRefusedError until the returned `recover()` is called (back to locmem)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5

    def recover():
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    return recover


def queued_to(address, status=None):
    """The queued mails to `address` (JSON lists are filtered in Python: SQLite has no JSON `contains`)."""
    emails = OutgoingEmail.objects.filter(status=status) if status else OutgoingEmail.objects.all()
    return [email for email in emails.order_by("pk") if address in email.to]


def send_pending_now():
    """What the operator runs once the mail server is back (twice: the second run must send nothing)."""
    for _run in range(2):
        call_command("send_pending_email", "--now", stdout=io.StringIO())
