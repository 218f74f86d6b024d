"""Oscar's mail dispatcher, queuing through the outbox (core.outbox) instead of sending in the request.

Oscar still renders its CommunicationEventType templates and stores its Email record and communication event;
only the SMTP conversation moves to the background task. Attachments are outbox references,
(dotted path of a builder, kwargs), rendered when the mail is sent.

    OrderDispatcher(...).dispatcher = OutboxDispatcher(logger=logger)   # or a subclass that sets it in __init__
"""

from django.conf import settings
from django.core.mail import EmailMessage
from oscar.core.loading import get_class

from .outbox import queue_email

Dispatcher = get_class("communication.utils", "Dispatcher")


class OutboxDispatcher(Dispatcher):
    def send_email_messages(self, recipient_email, messages, from_email=None, attachments=None):
        queued = queue_email(
            to=[recipient_email], subject=messages["subject"], body=messages["body"],
            html_body=messages.get("html") or "", attachments=attachments or (),
            from_email=from_email or settings.OSCAR_FROM_EMAIL,
        )
        self.logger.info("Queued email to %s", recipient_email)
        # Oscar stores its Email record from the message returned here (subject and body); it is not sent.
        return EmailMessage(queued.subject, queued.body, queued.from_email, queued.to)
