"""The order confirmation: Oscar's ORDER_PLACED communication, queued in the order's transaction (core.outbox).

It carries no invoice: the invoice is issued, and mailed, when the goods leave (shop.invoicing).
"""

from oscar.core.loading import get_class

from core.oscar_mail import OutboxDispatcher

OrderDispatcher = get_class("order.utils", "OrderDispatcher")


class QueuedOrderDispatcher(OrderDispatcher):
    """Oscar's OrderDispatcher (templates, Email record, communication event) with sending left to the outbox."""

    def __init__(self, logger=None, mail_connection=None):
        self.dispatcher = OutboxDispatcher(logger=logger)


def invoice_pdf(order_id):
    """Outbox attachment builder of confirmations queued before invoices waited for delivery: their orders were
    invoiced at checkout, and the stored invoice is sent. It never issues one."""
    from shop.invoicing.models import Invoice
    from shop.invoicing.services import invoice_attachment

    return invoice_attachment(Invoice.objects.get(order_id=order_id).pk)
