"""A statement's lifecycle: draft → issued (numbered Gutschrift, frozen, PDF stored, designer emailed) → paid."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import locks
from core.outbox import queue_email
from core.sites import absolute_url

from .models import Statement, StatementCounter
from .royalty_run import RUN_LOCK, draft_is_current
from .statement_documents import render_statement_pdf

COUNTER_KEY = "gutschrift"


def format_number(sequence):
    return f"GS-{sequence:06d}"


def payout_blocked_reason(statement):
    """Why the payout cannot be made yet, or "" when it can."""
    if statement.payout_amount > 0 and not statement.designer.payout_iban.strip():
        return _("Payout blocked: %(designer)s has no IBAN on record. Add it to the designer's private record.") % {
            "designer": statement.designer.legal_name}
    return ""


def _address(designer):
    return "\n".join(part for part in (designer.street, f"{designer.postcode} {designer.city}".strip(),
                                       designer.country) if part)


def issue_statement(statement_id, user=None):
    """Number, freeze and render the statement; queue the designer's email, sent once the transaction is committed.

    A second click finds the statement issued and is refused with its number; nothing changes. Issuing holds the
    royalty run's lock: a run never rewrites a draft while it is being issued (locks in the order run lock →
    statement → number counter, as the run takes them).
    """
    with transaction.atomic():
        locks.hold(RUN_LOCK)
        statement = Statement.objects.select_for_update().select_related("designer").get(pk=statement_id)
        if not statement.is_draft:
            raise ValidationError(_("This statement was already issued as %(number)s.") % {"number": statement.number})
        if not draft_is_current(statement):
            # Issuing freezes the draft: it must be the one Finance reviewed, still matching the sales.
            raise ValidationError(
                _("The sales or adjustments changed since this draft was computed. Regenerate it, review it and "
                  "issue it again.")
            )
        StatementCounter.objects.get_or_create(key=COUNTER_KEY)
        counter = StatementCounter.objects.select_for_update().get(key=COUNTER_KEY)
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
        designer = statement.designer
        statement.sequence = counter.last_number
        statement.number = format_number(counter.last_number)
        statement.status = Statement.Status.ISSUED
        statement.issued_at = timezone.now()
        statement.issued_by = user
        statement.designer_name = designer.legal_name
        statement.designer_address = _address(designer)
        statement.designer_tax_number = designer.tax_number
        statement.designer_vat_id = designer.vat_id
        statement.vat_status = designer.vat_status
        # The frozen document is rendered and stored here, in the transaction; only the mail waits for the commit.
        statement.pdf = render_statement_pdf(statement)
        statement.save()
        notify_designer(statement)
    return statement


def statement_pdf(statement_id):
    """Outbox attachment builder: the stored PDF of an issued statement."""
    statement = Statement.objects.only("number", "pdf").get(pk=statement_id)
    return f"{statement.filename_stem}.pdf", bytes(statement.pdf), "application/pdf"


def notify_designer(statement):
    """Queue the designer's mail with the Gutschrift attached (core.outbox); False without an address."""
    designer = statement.designer
    recipient = designer.email or (designer.user.email if designer.user_id else "")
    if not recipient:
        return False
    queue_email(
        to=[recipient],
        subject=f"Ihre Lizenzabrechnung {statement.number} "
                f"({statement.period_start:%m/%Y}–{statement.period_end:%m/%Y})",
        body="\n".join([
            f"Hallo {designer.legal_name},",
            "",
            f"Ihre Gutschrift {statement.number} für den Zeitraum {statement.period_start:%d.%m.%Y} bis "
            f"{statement.period_end:%d.%m.%Y} ist ausgestellt.",
            f"Auszahlungsbetrag: {statement.payout_amount:.2f} €".replace(".", ","),
            "",
            f"Sie finden sie mit allen Positionen (PDF und CSV) im Designerportal: {absolute_url('/de/portal/')}",
            "Die Gutschrift hängt dieser E-Mail als PDF an.",
        ]),
        attachments=[("products.licensing.statements.statement_pdf", {"statement_id": statement.pk})],
    )
    return True


def mark_paid(statement_id, paid_on, reference):
    """Record the payout. Refused for drafts, for statements already paid and while the payout is blocked."""
    with transaction.atomic():
        statement = Statement.objects.select_for_update().select_related("designer").get(pk=statement_id)
        if statement.status == Statement.Status.PAID:
            raise ValidationError(_("%(number)s is already marked paid (%(date)s).") % {
                "number": statement.number, "date": statement.paid_on.strftime("%d.%m.%Y")})
        if statement.is_draft:
            raise ValidationError(_("A draft cannot be paid: issue it first."))
        if blocked := payout_blocked_reason(statement):
            raise ValidationError(blocked)
        if paid_on > timezone.localdate():
            raise ValidationError(_("The payout date cannot be in the future."))
        if paid_on < timezone.localdate(statement.issued_at):
            raise ValidationError(_("The payout date cannot be before the statement was issued."))
        if statement.payout_amount > 0 and not reference.strip():
            raise ValidationError(_("Enter the payout reference (e.g. the bank transfer's reference)."))
        statement.status = Statement.Status.PAID
        statement.paid_on = paid_on
        statement.payout_reference = reference.strip()
        statement.save(update_fields=["status", "paid_on", "payout_reference", "updated_at"])
    return statement
