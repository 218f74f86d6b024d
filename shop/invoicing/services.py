"""Invoice numbers (gap-free, in the order's transaction) and the invoice PDF (WeasyPrint)."""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import Invoice, InvoiceCounter

COUNTER_KEY = "invoice"


def format_number(sequence):
    return f"RE-{sequence:06d}"


@transaction.atomic
def issue_invoice(order):
    """Give `order` the next invoice number.

    Called inside the order placement transaction: if the order is rolled back, so is the number, and the
    next order gets it: no gaps. Concurrent orders queue on the counter row's lock.
    """
    existing = Invoice.objects.filter(order=order).first()
    if existing:
        return existing
    InvoiceCounter.objects.get_or_create(key=COUNTER_KEY)
    counter = InvoiceCounter.objects.select_for_update().get(key=COUNTER_KEY)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return Invoice.objects.create(order=order, sequence=counter.last_number, number=format_number(counter.last_number))


def render_invoice_html(invoice):
    from shop import vat
    from shop.order.services import order_context
    from shop.oss.report import country_name

    order = invoice.order
    oss_country = vat.order_destination_country(order)
    context = {
        # A distance sale taxed in the destination country (§ 3c UStG): the invoice names it (shop/oss).
        "oss_country": oss_country, "oss_country_name": country_name(oss_country, "de") if oss_country else "",
        "invoice": invoice, "order": order, "lines": order.lines.all(), **order_context(order),
        # Lines are printed before discounts; the vouchers follow as reductions per rate (their VAT effect).
        "discounts_by_rate": vat.order_discounts_by_rate(order),
        "discount_names": ", ".join(
            discount.voucher_code or discount.offer_name for discount in order.discounts.all()
            if discount.voucher_code or discount.offer_name
        ),
    }
    return render_to_string("invoicing/invoice.html", context)


def render_invoice_pdf(invoice):
    from core.pdf import render_pdf

    # Invoices are German documents, whatever the shop's language at the moment.
    with translation.override("de"):
        html = render_invoice_html(invoice)
    return render_pdf(html)


def invoice_attachment(order):
    invoice = issue_invoice(order)
    return (invoice.filename, render_invoice_pdf(invoice), "application/pdf")
