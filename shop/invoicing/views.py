"""Downloads of issued invoices and cancellation invoices: the stored PDF, never a new document.

An order without an invoice (not shipped or handed over yet) has nothing to download: 404.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from oscar.core.loading import get_model

from .models import Cancellation, Invoice
from .services import stored_pdf

Order = get_model("order", "Order")


def _document(order, cancellation_number):
    if cancellation_number is None:
        return get_object_or_404(Invoice, order=order)
    return get_object_or_404(Cancellation, invoice__order=order, number=cancellation_number)


def _pdf_response(order, cancellation_number=None):
    document = _document(order, cancellation_number)
    response = HttpResponse(stored_pdf(document), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    return response


def account_invoice(request, order_number, cancellation_number=None):
    """The signed-in customer's own documents only."""
    if not request.user.is_authenticated:
        raise Http404
    return _pdf_response(get_object_or_404(Order, number=order_number, user=request.user), cancellation_number)


def guest_invoice(request, order_number, hash, cancellation_number=None):
    """Guests reach their documents through the order's verification hash (link in the order e-mails)."""
    order = get_object_or_404(Order, number=order_number)
    if not order.check_verification_hash(hash):
        raise Http404
    return _pdf_response(order, cancellation_number)
