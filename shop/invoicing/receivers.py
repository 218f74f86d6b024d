"""A refund of invoiced goods gets its Stornorechnung (credit note) in the refund's transaction.

The refund (shop.order.refunds) and the cancellation invoice are kept together or not at all: the signal is sent
inside the refund's transaction, so a cancellation that cannot be issued rolls the refund back with its message.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from .models import Invoice
from .services import CancellationError, issue_cancellation


def cancel_refunded_units(sender, order, event, amount, line_quantities, **kwargs):
    invoice = Invoice.objects.filter(order=order).first()
    if invoice is None or not line_quantities:
        # Nothing invoiced yet (the invoice is issued when the goods leave), or money back without goods: the
        # latter is a price reduction, which staff document by hand (see README, "Invoices").
        return
    from shop.order.refunds import RefundError, remaining_quantities

    with translation.override("de"):
        reason = _("Refund (order %(number)s)") % {"number": order.number}
    try:
        if not any(remaining_quantities(order).values()):
            # The last units are back: cancel everything left on the invoice, shipping included (§ 357 (2) BGB).
            issue_cancellation(invoice, reason=reason)
        else:
            issue_cancellation(invoice, lines=line_quantities, reason=reason)
    except CancellationError as error:
        # Shown to staff on the refund form, like the refund's own checks.
        raise RefundError(str(error)) from error
