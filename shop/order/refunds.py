"""Refunds: money paid back to a customer, recorded as an Oscar payment event "Refunded" with its lines.

The event's line quantities are the units given back; the royalty run counts them negatively on the day of the
event (products.licensing.sales), so every refunded unit is recorded exactly once: a refund may not exceed what is
left of the paid amount or of a line's quantity, and cancelling a paid order refunds only what is left.

Hook for other parts of the shop (e.g. the cancellation invoice): the signal `order_refunded`, sent inside the
refund's transaction with `order`, `event`, `amount` and `line_quantities` ({line: units}); a receiver that fails
rolls the refund back, so the refund and what hangs on it are kept together or not at all.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Sum
from django.dispatch import Signal
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

REFUNDED = "Refunded"
CENT = Decimal("0.01")

order_refunded = Signal()


class RefundError(ValueError):
    """A refund that cannot be recorded as asked; the message says why, for staff."""


def paid_amount(order):
    """What the customer paid: the order total once it is marked paid (as the "Paid" payment event records)."""
    return (order.total_incl_tax or Decimal("0.00")) if order.paid_at is not None else Decimal("0.00")


def refunded_amount(order):
    events = order.payment_events.filter(event_type__name=REFUNDED)
    return events.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")


def refundable_amount(order):
    return max(paid_amount(order) - refunded_amount(order), Decimal("0.00"))


def refunded_quantities(order):
    """{line id: units refunded so far}."""
    PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
    rows = (PaymentEventQuantity.objects.filter(event__order=order, event__event_type__name=REFUNDED)
            .values("line_id").annotate(units=Sum("quantity")).order_by())
    return {row["line_id"]: row["units"] for row in rows}


def remaining_quantities(order):
    """{line: units not yet refunded}, in line order."""
    done = refunded_quantities(order)
    return {line: line.quantity - done.get(line.pk, 0) for line in order.lines.order_by("pk")}


def suggested_amount(order, line_quantities):
    """The refund for these units: their share of the lines' gross prices; when they are all that is left, the whole
    rest of the payment (shipping included, as § 357 (2) BGB wants for a withdrawal from the whole order)."""
    remaining = remaining_quantities(order)
    if all(line_quantities.get(line, 0) == left for line, left in remaining.items()):
        return refundable_amount(order)
    share = sum(
        (line.line_price_incl_tax * units / line.quantity for line, units in line_quantities.items() if units),
        Decimal("0"),
    )
    return min(share.quantize(CENT, rounding=ROUND_HALF_UP), refundable_amount(order))


def record_refund(order, amount, line_quantities, reference=""):
    """Record a refund of `amount` for {line: units}; raises RefundError (and writes nothing) when it cannot be."""
    Order = get_model("order", "Order")
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        _check(order, amount, line_quantities)
        event_type = get_model("order", "PaymentEventType").objects.get_or_create(name=REFUNDED)[0]
        event = order.payment_events.create(event_type=event_type, amount=amount, reference=reference)
        for line, units in line_quantities.items():
            if units:
                event.line_quantities.create(line=line, quantity=units)
        order_refunded.send(sender=Order, order=order, event=event, amount=amount,
                            line_quantities={line: units for line, units in line_quantities.items() if units})
    return event


def refund_rest(order, reference=""):
    """Refund whatever of a paid order is not refunded yet (a cancellation); None when nothing is left."""
    if order.paid_at is None:
        return None
    rest = {line: units for line, units in remaining_quantities(order).items() if units > 0}
    amount = refundable_amount(order)
    if not rest and not amount:
        return None
    return record_refund(order, amount, rest, reference=reference)


def _check(order, amount, line_quantities):
    if amount is None or amount < 0:
        raise RefundError(_("The refund amount cannot be negative."))
    if amount != amount.quantize(CENT):
        raise RefundError(_("The refund amount is in euros and cents."))
    if order.paid_at is None:
        raise RefundError(_("Order %(number)s is not paid: there is nothing to refund.") % {"number": order.number})
    left = refundable_amount(order)
    if amount > left:
        raise RefundError(_("At most %(left)s of this order can still be refunded.") % {"left": currency(left)})
    remaining = remaining_quantities(order)
    for line, units in line_quantities.items():
        if line.order_id != order.pk:
            raise RefundError(_("A line of another order cannot be refunded here."))
        if units < 0 or units > remaining.get(line, 0):
            raise RefundError(_("“%(title)s”: at most %(units)s units can still be refunded.")
                              % {"title": line.title, "units": remaining.get(line, 0)})
    if not amount and not any(line_quantities.values()):
        raise RefundError(_("Enter an amount or the units given back."))
