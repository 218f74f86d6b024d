"""The order confirmation: Oscar's ORDER_PLACED communication, queued in the order's transaction (core.outbox).

The invoice PDF is not rendered in the request: the outbox renders it when the mail is sent (invoice_pdf).
"""

from oscar.core.loading import get_class, get_model

from core.oscar_mail import OutboxDispatcher
from shop.invoicing.services import invoice_attachment

OrderDispatcher = get_class("order.utils", "OrderDispatcher")
Order = get_model("order", "Order")


class QueuedOrderDispatcher(OrderDispatcher):
    """Oscar's OrderDispatcher (templates, Email record, communication event) with sending left to the outbox."""

    def __init__(self, logger=None, mail_connection=None):
        self.dispatcher = OutboxDispatcher(logger=logger)


def invoice_pdf(order_id):
    """Outbox attachment builder: (filename, PDF bytes, mimetype) of the order's invoice."""
    return invoice_attachment(Order.objects.get(pk=order_id))


def invoice_reference(order):
    return ("shop.checkout.mail.invoice_pdf", {"order_id": order.pk})
