from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from oscar.core.loading import get_model

from .services import issue_invoice, render_invoice_pdf

Order = get_model("order", "Order")


def _pdf_response(order):
    invoice = issue_invoice(order)
    response = HttpResponse(render_invoice_pdf(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{invoice.filename}"'
    return response


def account_invoice(request, order_number):
    """The signed-in customer's own invoices only."""
    if not request.user.is_authenticated:
        raise Http404
    return _pdf_response(get_object_or_404(Order, number=order_number, user=request.user))


def guest_invoice(request, order_number, hash):
    """Guests reach their invoice through the order's verification hash (link in the confirmation email)."""
    order = get_object_or_404(Order, number=order_number)
    if not order.check_verification_hash(hash):
        raise Http404
    return _pdf_response(order)
