"""The outbox: every e-mail the site sends is queued here, in the transaction of the change it reports, and sent
after the commit by a background task (django-tasks) that retries with back-off.

Why: a mail server that is down, or a PDF that fails to render, must neither fail the shopper's order (or Finance's
Gutschrift, or a withdrawal) nor leave it half-kept. The change and its queued mail commit together; sending is
someone else's job, done later and repeated until it works.

The one API for every sender::

    from core.outbox import queue_email

    queue_email(
        to=["kundin@example.org"],                 # a list (or one address)
        subject="Your order 100023",
        body="plain text",
        html_body="<p>optional HTML alternative</p>",
        attachments=[("shop.checkout.mail.invoice_pdf", {"order_id": 23})],
        reply_to=["shop@example.org"],             # optional
        from_email=None,                           # DEFAULT_FROM_EMAIL
    )

Call it inside the transaction that makes the change (it is written with it, or rolled back with it). Render the
text in the request (it may need the request and the language); leave documents to the attachment builders:
an attachment is (dotted path of a function, its keyword arguments as JSON), and the function returns
(filename, content bytes, mimetype) when the mail is sent. A builder that fails counts as a failed attempt.

For Oscar's dispatchers (order, customer and alert mails) use core.oscar_mail.OutboxDispatcher: Oscar renders its
CommunicationEventType templates and stores its Email record as usual; only the sending is queued.

Sending: core.tasks.deliver_email runs after the commit. A failed attempt is recorded (attempts, last_error) and
retried after OUTBOX_RETRY_DELAY × 2^(attempts−1) seconds, up to OUTBOX_MAX_ATTEMPTS; then the mail is "failed".
`manage.py send_pending_email` sends what is due (from cron, and after an outage with --now); a mail is claimed
before it is sent, so two senders never send it twice.
"""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# How long a sender may take before another one may try the same mail (it is presumed dead).
CLAIM_LEASE = timedelta(minutes=10)


class DeliveryError(Exception):
    """An attempt to send a queued mail failed; it is recorded on the mail and retried later."""


def max_attempts():
    return getattr(settings, "OUTBOX_MAX_ATTEMPTS", 6)


def retry_delay(attempts):
    """The back-off after the `attempts`-th failed attempt: 2, 4, 8, 16, … minutes by default."""
    return timedelta(seconds=getattr(settings, "OUTBOX_RETRY_DELAY", 120) * 2 ** max(attempts - 1, 0))


def queue_email(*, to, subject, body, html_body="", attachments=(), reply_to=(), from_email=None):
    """Queue an e-mail in the current transaction; it is sent after the commit. Returns the OutgoingEmail."""
    recipients = [to] if isinstance(to, str) else [address for address in to if address]
    if not recipients:
        raise ValueError("queue_email needs at least one recipient.")
    references = []
    for path, kwargs in attachments:
        import_string(path)  # a wrong path is a programming error: fail now, in the request, not at every retry
        references.append([path, dict(kwargs)])
    email = OutgoingEmail.objects.create(
        to=recipients,
        reply_to=[reply_to] if isinstance(reply_to, str) else list(reply_to),
        from_email=from_email or "",
        subject=" ".join(str(subject).split()),  # a header: one line
        body=body,
        html_body=html_body or "",
        attachments=references,
    )
    # robust: a queue that cannot be reached must not turn a committed change into an error page; the mail
    # stays pending and send_pending_email sends it.
    transaction.on_commit(partial(enqueue_delivery, email.pk), robust=True)
    return email


def enqueue_delivery(email_id, run_after=None):
    """Start the background task that sends the mail (at `run_after`, where the task backend can defer)."""
    from .tasks import deliver_email

    task = deliver_email
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return None  # e.g. the immediate backend: send_pending_email picks the mail up when it is due
        task = task.using(run_after=run_after)
    return task.enqueue(email_id)


def build_message(email, connection=None):
    """The EmailMessage of a queued mail, its attachments rendered now."""
    message = EmailMultiAlternatives(
        email.subject, email.body, email.from_email or None, email.to, reply_to=email.reply_to or None,
        connection=connection,
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    for path, kwargs in email.attachments:
        filename, content, mimetype = import_string(path)(**kwargs)
        message.attach(filename, content, mimetype)
    return message


def _claim(email_id, now, ignore_backoff):
    """Take the mail for one attempt; False when it is sent, failed, not yet due or taken by another sender."""
    due = Q() if ignore_backoff else Q(next_attempt_at__lte=now)
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    return bool(
        OutgoingEmail.objects.filter(due & free, pk=email_id, status=OutgoingEmail.Status.PENDING)
        .update(claimed_until=now + CLAIM_LEASE, attempts=F("attempts") + 1)
    )


def deliver(email_id, *, ignore_backoff=False):
    """One attempt to send the mail. Returns "sent", "skipped" (nothing to do) or raises DeliveryError.

    On failure the error and the time of the next attempt are recorded and, where the task backend can defer,
    the retry is enqueued; after OUTBOX_MAX_ATTEMPTS the mail is marked failed.
    """
    now = timezone.now()
    if not _claim(email_id, now, ignore_backoff):
        return "skipped"
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        build_message(email).send()
    except Exception as error:  # noqa: BLE001  (any failure of the mail server or a builder is one failed attempt)
        text = f"{type(error).__name__}: {error}"[:2000]
        gave_up = email.attempts >= max_attempts()
        retry_at = now + retry_delay(email.attempts)
        OutgoingEmail.objects.filter(pk=email_id).update(
            status=OutgoingEmail.Status.FAILED if gave_up else OutgoingEmail.Status.PENDING,
            last_error=text, next_attempt_at=retry_at, claimed_until=None,
        )
        if gave_up:
            logger.error("Outgoing e-mail %s failed %s times, giving up: %s", email_id, email.attempts, text)
        else:
            logger.warning("Outgoing e-mail %s failed (attempt %s), retry at %s: %s", email_id, email.attempts,
                           retry_at, text)
            try:
                enqueue_delivery(email_id, run_after=retry_at)
            except Exception:  # noqa: BLE001  (send_pending_email still finds it)
                logger.exception("Could not enqueue the retry of outgoing e-mail %s", email_id)
        raise DeliveryError(text) from error
    OutgoingEmail.objects.filter(pk=email_id).update(
        status=OutgoingEmail.Status.SENT, sent_at=timezone.now(), last_error="", claimed_until=None
    )
    return "sent"


def due_emails(now=None, ignore_backoff=False):
    """Pending mails whose next attempt is due (all pending mails with ignore_backoff)."""
    now = now or timezone.now()
    pending = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING)
    if not ignore_backoff:
        pending = pending.filter(next_attempt_at__lte=now)
    return pending.filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)).order_by("next_attempt_at", "pk")
