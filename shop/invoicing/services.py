"""Invoices and cancellation invoices (Stornorechnungen).

- An invoice is issued when the goods leave: the parcel is shipped, or the pick-up order is handed over
  (shop.order.processing), in the transaction of that status change, with that day as its delivery date.
- Cancelling or refunding an invoiced sale issues a cancellation invoice with its own number series (ST-),
  referring to the original, with the cancelled amounts per VAT rate.
- Numbers are gap-free (core.numbering). A document is frozen at issue: the seller's data is copied onto it in
  the issuing transaction, and its PDF, rendered once from that copy, is stored and served ever after.
- The PDF goes to the buyer by e-mail (core.outbox); it is rendered when the mail is sent, after the commit, so
  a PDF that fails to render never undoes the status change.
"""

from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.numbering import next_number
from core.outbox import queue_email

from .models import Cancellation, Invoice

INVOICE_SERIES = "invoice"
CANCELLATION_SERIES = "cancellation"


class CancellationError(ValueError):
    """What was asked to be cancelled is not on the invoice, or was cancelled already."""


def format_number(sequence):
    return f"RE-{sequence:06d}"


def format_cancellation_number(sequence):
    return f"ST-{sequence:06d}"


def seller_snapshot():
    """The seller's data as an invoice prints it (§ 14 (4) Nr. 1, 2 UStG) and the bank it names, as plain values."""
    from home.models import PaymentSettings, SiteSettings

    site_settings = (
        SiteSettings.objects.select_related("site").filter(site__is_default_site=True).first()
        or SiteSettings.objects.select_related("site").first()
    )
    if site_settings is None:
        return {}
    bank = PaymentSettings.for_site(site_settings.site)
    fields = ("organisation_name", "legal_form", "street", "postcode", "city", "country", "phone", "email",
              "register_entry", "vat_id", "tax_number")
    snapshot = {field: str(getattr(site_settings, field, "") or "") for field in fields}
    snapshot.update({field: str(getattr(bank, field, "") or "") for field in
                     ("bank_account_holder", "bank_name", "iban", "bic")})
    return snapshot


# Issuing ---------------------------------------------------------------------------------------------------

@transaction.atomic
def issue_invoice(order, supplied_on=None):
    """The order's invoice: the existing one, or a new one with the next number, delivered on `supplied_on`.

    Call it in the transaction of the change that delivers the goods: if that rolls back, so does the number.
    """
    existing = Invoice.objects.filter(order=order).first()
    if existing:
        return existing
    sequence = next_number(INVOICE_SERIES)
    return Invoice.objects.create(
        order=order, sequence=sequence, number=format_number(sequence),
        supplied_on=supplied_on or timezone.localdate(), seller=seller_snapshot(),
    )


def invoice_goods_left(order):
    """The goods left today (shipped or handed over): issue the invoice with today's date and mail it.

    An order invoiced earlier (at checkout, before invoices waited for delivery) keeps its invoice.
    """
    if Invoice.objects.filter(order=order).exists():
        return order.invoice
    invoice = issue_invoice(order, supplied_on=timezone.localdate())
    _mail_document(
        order, invoice,
        subject=_("Your invoice %(number)s for order %(order)s"),
        template="invoicing/emails/invoice_issued.txt",
        builder="shop.invoicing.services.invoice_attachment",
    )
    return invoice


def _cancelled_so_far(invoice):
    quantities, grosses, shipping = {}, {}, Decimal("0.00")
    for cancellation in invoice.cancellations.all():
        for entry in cancellation.lines:
            quantities[entry["line_id"]] = quantities.get(entry["line_id"], 0) + entry["quantity"]
            grosses[entry["line_id"]] = grosses.get(entry["line_id"], Decimal("0.00")) + Decimal(entry["gross"])
        shipping += cancellation.shipping_gross
    return quantities, grosses, shipping


def _rates_json(totals):
    return [{"rate": str(t.rate), "gross": str(t.gross), "net": str(t.net), "tax": str(t.tax)} for t in totals]


def _rates_left(invoice):
    """The invoice's amounts per rate minus those of its cancellations so far."""
    from shop import vat

    left = {t.rate: vat.RateTotal(t.rate, net=t.net, tax=t.tax) for t in vat.order_breakdown(invoice.order)}
    for cancellation in invoice.cancellations.all():
        for entry in cancellation.rates:
            rate = Decimal(entry["rate"])
            total = left.setdefault(rate, vat.RateTotal(rate))
            total.net -= Decimal(entry["net"])
            total.tax -= Decimal(entry["tax"])
    return [left[rate] for rate in sorted(left, reverse=True) if left[rate].gross or left[rate].tax]


@transaction.atomic
def issue_cancellation(invoice, lines=None, reason="", include_shipping=None):
    """Issue a Stornorechnung for `invoice` and mail it to the buyer. Returns the Cancellation.

    `lines`: None cancels everything not cancelled yet (shipping included); or {order line or its id: quantity}
    cancels those units only (a partial refund), with the shipping only if `include_shipping`. Amounts are the
    lines' prices after discounts, in proportion to the quantity; the cancellation that leaves nothing on the
    invoice takes exactly what is left per rate, so an invoice cancelled in parts nets to zero VAT.
    Raises CancellationError (nothing written) for lines not on the invoice, too many units, or nothing left.
    """
    from shop import vat

    # One cancellation of an invoice at a time: the next one sees what this one took.
    invoice = Invoice.objects.select_for_update().select_related("order").get(pk=invoice.pk)
    order = invoice.order
    order_lines = {line.pk: line for line in order.lines.all()}
    done_quantities, done_grosses, done_shipping = _cancelled_so_far(invoice)
    remaining = {pk: line.quantity - done_quantities.get(pk, 0) for pk, line in order_lines.items()}
    shipping_left = (order.shipping_incl_tax or Decimal("0.00")) - done_shipping

    if lines is None:
        wanted = {pk: quantity for pk, quantity in remaining.items() if quantity > 0}
        shipping = shipping_left
    else:
        wanted = {}
        for line, quantity in dict(lines).items():
            pk = getattr(line, "pk", line)
            if pk not in order_lines:
                raise CancellationError(_("This line is not on invoice %(number)s.") % {"number": invoice.number})
            if int(quantity) != quantity or not 0 < quantity <= remaining[pk]:
                raise CancellationError(
                    _("“%(title)s”: between 1 and %(left)s units can be cancelled.")
                    % {"title": order_lines[pk].title, "left": remaining[pk]}
                )
            wanted[pk] = int(quantity)
        shipping = shipping_left if include_shipping else Decimal("0.00")
    if not wanted and not shipping:
        raise CancellationError(_("Invoice %(number)s is cancelled in full already.") % {"number": invoice.number})

    entries, pairs = [], []
    for pk, quantity in wanted.items():
        line = order_lines[pk]
        if quantity == remaining[pk]:
            gross = line.line_price_incl_tax - done_grosses.get(pk, Decimal("0.00"))
        else:
            gross = vat.cents(line.line_price_incl_tax * quantity / line.quantity)
        entries.append({"line_id": pk, "title": line.title, "quantity": quantity, "tax_code": line.tax_code,
                        "unit_gross": str(line.unit_price_incl_tax), "gross": str(gross)})
        pairs.append((vat.rate_from_code(line.tax_code), gross))
    if shipping:
        # Shipping is cancelled in the shares it was invoiced in: those of all the order's goods per rate.
        shares = {}
        for line in order_lines.values():
            rate = vat.rate_from_code(line.tax_code)
            shares[rate] = shares.get(rate, Decimal("0.00")) + line.line_price_incl_tax
        pairs += [(rate, part) for rate, part, _net, _tax in vat.split_gross_by_shares(shipping, shares)]

    closes_invoice = shipping == shipping_left and all(wanted.get(pk, 0) == left for pk, left in remaining.items())
    rates = _rates_left(invoice) if closes_invoice else vat.rate_totals(pairs)

    sequence = next_number(CANCELLATION_SERIES)
    cancellation = Cancellation.objects.create(
        invoice=invoice, sequence=sequence, number=format_cancellation_number(sequence), reason=str(reason)[:200],
        lines=entries, shipping_gross=shipping, rates=_rates_json(rates), seller=seller_snapshot(),
    )
    _mail_document(
        order, cancellation,
        subject=_("Cancellation invoice %(number)s for order %(order)s"),
        template="invoicing/emails/cancellation_issued.txt",
        builder="shop.invoicing.services.cancellation_attachment",
    )
    return cancellation


def cancel_invoice_of(order, reason=None):
    """The order is cancelled: cancel what is left of its invoice, if it has one (else there is nothing to undo)."""
    invoice = Invoice.objects.filter(order=order).first()
    if invoice is None:
        return None
    if not _rates_left(invoice):
        return None
    if reason is None:
        with translation.override("de"):
            reason = _("Order cancelled")
    return issue_cancellation(invoice, reason=reason)


def _mail_document(order, document, *, subject, template, builder):
    # Invoices are German documents; their covering mail is written in German too: orders do not record the
    # shopper's language, and the status change that issues them is made by staff.
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(template, {"order": order, "document": document, "seller": document.seller})
        subject = subject % {"number": document.number, "order": order.number}
    kind = "invoice_id" if isinstance(document, Invoice) else "cancellation_id"
    queue_email(to=[order.email], subject=subject, body=body, attachments=[(builder, {kind: document.pk})],
                from_email=settings.OSCAR_FROM_EMAIL)


# Rendering -------------------------------------------------------------------------------------------------

def _payment_context(order):
    from shop.checkout.payment_methods import method_of_order, payment_reference

    return {"payment_method": method_of_order(order), "payment_reference": payment_reference(order.number)}


def _buyer_address(order):
    return order.billing_address or order.shipping_address


def render_invoice_html(invoice):
    from shop import vat
    from shop.oss.report import country_name

    order = invoice.order
    seller = invoice.seller or seller_snapshot()
    oss_country = vat.order_destination_country(order)
    context = {
        # A distance sale taxed in the destination country (§ 3c UStG): the invoice names it (shop/oss).
        "oss_country": oss_country, "oss_country_name": country_name(oss_country, "de") if oss_country else "",
        "invoice": invoice, "order": order, "lines": order.lines.all(), "buyer_address": _buyer_address(order),
        "seller": seller, "bank": seller, "vat_rates": vat.order_breakdown(order), **_payment_context(order),
        # Lines are printed before discounts; the vouchers follow as reductions per rate (their VAT effect).
        "discounts_by_rate": vat.order_discounts_by_rate(order),
        "discount_names": ", ".join(
            discount.voucher_code or discount.offer_name for discount in order.discounts.all()
            if discount.voucher_code or discount.offer_name
        ),
    }
    return render_to_string("invoicing/invoice.html", context)


def render_cancellation_html(cancellation):
    from shop import vat

    rates = [
        vat.RateTotal(Decimal(entry["rate"]), net=Decimal(entry["net"]), tax=Decimal(entry["tax"]))
        for entry in cancellation.rates
    ]
    lines = [{**entry, "gross": Decimal(entry["gross"]), "unit_gross": Decimal(entry["unit_gross"]),
              "percent": vat.rate_from_code(entry["tax_code"]) * 100} for entry in cancellation.lines]
    order = cancellation.invoice.order
    context = {
        "cancellation": cancellation, "invoice": cancellation.invoice, "order": order, "lines": lines,
        "buyer_address": _buyer_address(order), "seller": cancellation.seller, "vat_rates": rates,
        "total": sum((entry.gross for entry in rates), Decimal("0.00")),
    }
    return render_to_string("invoicing/cancellation.html", context)


def _render_pdf(html):
    from core.pdf import render_pdf

    return render_pdf(html)


def render_invoice_pdf(invoice):
    """The invoice's PDF rendered now from its frozen data (the stored one is `stored_pdf`)."""
    # Invoices are German documents, whatever the shop's language at the moment.
    with translation.override("de"):
        return _render_pdf(render_invoice_html(invoice))


def render_cancellation_pdf(cancellation):
    with translation.override("de"):
        return _render_pdf(render_cancellation_html(cancellation))


def stored_pdf(document):
    """The document's PDF as issued: rendered once, at its first use (the mail after the issue), then stored."""
    if document.pdf is not None:
        return bytes(document.pdf)
    model = type(document)
    if not document.seller:
        # Invoices issued before the snapshot existed are frozen with the seller's data of their first render.
        model.objects.filter(pk=document.pk, seller={}).update(seller=seller_snapshot())
        document.refresh_from_db(fields=["seller"])
    pdf = render_invoice_pdf(document) if isinstance(document, Invoice) else render_cancellation_pdf(document)
    # The first render to finish is the one kept; a concurrent second render is thrown away.
    model.objects.filter(pk=document.pk, pdf__isnull=True).update(pdf=pdf)
    document.refresh_from_db(fields=["pdf"])
    return bytes(document.pdf)


# Outbox attachment builders (core.outbox): called when the mail is sent.

def invoice_attachment(invoice_id):
    invoice = Invoice.objects.select_related("order").get(pk=invoice_id)
    return (invoice.filename, stored_pdf(invoice), "application/pdf")


def cancellation_attachment(cancellation_id):
    cancellation = Cancellation.objects.select_related("invoice__order").get(pk=cancellation_id)
    return (cancellation.filename, stored_pdf(cancellation), "application/pdf")
