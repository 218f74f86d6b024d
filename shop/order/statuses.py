"""Order statuses. The stored values are Oscar's status strings; shoppers see the translated labels."""

from django.utils.translation import gettext_lazy as _

PENDING_PAYMENT = "Pending payment"
PAID = "Paid"
IN_FULFILMENT = "In fulfilment"
SHIPPED = "Shipped"
READY_FOR_PICKUP = "Ready for pick-up"
COMPLETED = "Completed"
CANCELLED = "Cancelled"
# The shopper pressed "Vertrag widerrufen" (§ 356a BGB). Staff then record the refund (dashboard) and cancel.
WITHDRAWAL_DECLARED = "Withdrawal declared"

# A withdrawal can be declared from every status of a live contract. Timeliness is not judged here: the period
# runs from delivery, which the shop does not always know (pick-up day, DHL hand-over), so staff decide.
WITHDRAWABLE = (PENDING_PAYMENT, PAID, IN_FULFILMENT, SHIPPED, READY_FOR_PICKUP, COMPLETED)

LABELS = {
    PENDING_PAYMENT: _("Pending payment"),
    PAID: _("Paid"),
    IN_FULFILMENT: _("In fulfilment"),
    SHIPPED: _("Shipped"),
    READY_FOR_PICKUP: _("Ready for pick-up"),
    COMPLETED: _("Completed"),
    CANCELLED: _("Cancelled"),
    WITHDRAWAL_DECLARED: _("Withdrawal declared"),
}


def label(status):
    return LABELS.get(status, status)
