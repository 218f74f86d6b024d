"""The order confirmation: Oscar's ORDER_PLACED communication, queued in the order's transaction (core.outbox).

It carries no invoice: the invoice is issued, and mailed, when the goods leave (shop.invoicing). Attached are the
AGB and the Muster-Widerrufsformular as PDFs (a durable medium, § 312f (2) BGB), rendered by the outbox when the
mail is sent (home.legal_documents).
"""

from oscar.core.loading import get_class

from core.oscar_mail import OutboxDispatcher

OrderDispatcher = get_class("order.utils", "OrderDispatcher")


class QueuedOrderDispatcher(OrderDispatcher):
    """Oscar's OrderDispatcher (templates, Email record, communication event) with sending left to the outbox."""

    def __init__(self, logger=None, mail_connection=None):
        self.dispatcher = OutboxDispatcher(logger=logger)

    def send_order_placed_email_for_user(self, order, extra_context, attachments=None):
        attachments = [*(attachments or []), *legal_references(extra_context.get("seller"))]
        return super().send_order_placed_email_for_user(order, extra_context, attachments=attachments)


def invoice_pdf(order_id):
    """Outbox attachment builder of confirmations queued before invoices waited for delivery: their orders were
    invoiced at checkout, and the stored invoice is sent. It never issues one."""
    from shop.invoicing.models import Invoice
    from shop.invoicing.services import invoice_attachment

    return invoice_attachment(Invoice.objects.get(order_id=order_id).pk)


def legal_references(seller=None):
    """Outbox references of the AGB and the Muster-Widerrufsformular PDFs for the seller's site.

    Without a terms page in the site settings there is no AGB to attach (the shop then has none to agree to);
    the form always goes.
    """
    from home.legal_documents import seller_settings

    seller = seller or seller_settings()
    site_id = seller.site_id if seller else None
    references = [("home.legal_documents.withdrawal_form_attachment", {"site_id": site_id})]
    if seller is not None and seller.terms_page_id:
        references.insert(0, ("home.legal_documents.terms_attachment", {"site_id": site_id}))
    return references
