from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """An e-mail waiting to be sent, written in the same transaction as the change it reports (core.outbox).

    The business change and its mail are kept together or not at all; sending happens after the commit in a
    background task that retries with back-off, so a mail server that is down never undoes or fails the change.
    Attachments are rendered at send time from `attachments`: a list of [dotted path of a builder, its kwargs].
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.JSONField(_("to"), default=list)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    from_email = models.CharField(_("from"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML"), blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # The earliest moment the next attempt may start (the back-off after a failure).
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # Set while a sender is sending it; if that sender dies, another may try once the claim runs out.
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)} ({self.get_status_display()})"


class NamedLock(models.Model):
    """One row per named lock (core.locks.hold): a database row lock that every process and host respects."""

    name = models.CharField(max_length=100, unique=True)

    def __str__(self):
        return self.name


class NumberCounter(models.Model):
    """The last number issued in one series of documents (core.numbering).

    Its row is locked while a number is taken, so numbers never repeat or leave gaps, across processes and
    machines; the lock is held until the issuing transaction ends, so a rolled-back document returns its number.
    """

    series = models.CharField(_("series"), max_length=20, unique=True)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number counter")
        verbose_name_plural = _("number counters")

    def __str__(self):
        return f"{self.series}: {self.last_number}"
