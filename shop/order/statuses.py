"""Order statuses. The stored values are Oscar's status strings; shoppers see the translated labels."""

from django.utils.translation import gettext_lazy as _

PENDING_PAYMENT = "Pending payment"
PAID = "Paid"
IN_FULFILMENT = "In fulfilment"
SHIPPED = "Shipped"
READY_FOR_PICKUP = "Ready for pick-up"
COMPLETED = "Completed"
CANCELLED = "Cancelled"

LABELS = {
    PENDING_PAYMENT: _("Pending payment"),
    PAID: _("Paid"),
    IN_FULFILMENT: _("In fulfilment"),
    SHIPPED: _("Shipped"),
    READY_FOR_PICKUP: _("Ready for pick-up"),
    COMPLETED: _("Completed"),
    CANCELLED: _("Cancelled"),
}


def label(status):
    return LABELS.get(status, status)
