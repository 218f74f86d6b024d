"""Send the queued e-mails that are due: the safety net beside the worker's own retries (run it from cron).

    manage.py send_pending_email               # pending mails whose back-off has passed
    manage.py send_pending_email --now         # after an outage: every pending mail, back-off or not
    manage.py send_pending_email --retry-failed --now   # also the mails that used up their attempts

Exit code 1 when a mail failed again (cron mails the output).
"""

from django.core.management.base import BaseCommand, CommandError

from core import outbox
from core.models import OutgoingEmail


class Command(BaseCommand):
    help = "Send the queued e-mails that are due (core.outbox)."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Ignore the back-off: try every pending mail.")
        parser.add_argument("--retry-failed", action="store_true",
                            help="Give mails that used up their attempts another round of attempts.")

    def handle(self, *args, now=False, retry_failed=False, **options):
        if retry_failed:
            OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).update(
                status=OutgoingEmail.Status.PENDING, attempts=0
            )
        sent = failed = 0
        for email_id in list(outbox.due_emails(ignore_backoff=now).values_list("pk", flat=True)):
            try:
                if outbox.deliver(email_id, ignore_backoff=now) == "sent":
                    sent += 1
            except outbox.DeliveryError as error:
                failed += 1
                self.stderr.write(f"E-mail {email_id}: {error}")
        waiting = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).count()
        self.stdout.write(f"{sent} sent, {failed} failed, {waiting} pending.")
        if failed:
            raise CommandError(f"{failed} e-mail(s) failed again; they stay queued.")
