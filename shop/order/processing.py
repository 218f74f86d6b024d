from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.apps.order import processing
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.apps.partner.exceptions import InvalidStockAdjustment

from . import refunds, statuses
from .services import check_transition, is_pickup


class EventHandler(processing.EventHandler):
    """Status changes with their consequences, recorded as Oscar order events.

    - paid: a payment event "Paid" for the order total (the dashboard's "mark paid"), and `paid_at`
    - completed, paid on pick-up: the same, as the money changed hands at the counter
    - shipped / ready for pick-up: the stock leaves the shelf (allocations consumed) and a shipping event
    - cancelled: allocations released; a paid order also gets a "Refunded" event over what is not refunded yet
      (shop.order.refunds: after a withdrawal staff may have refunded part or all of it), which the royalty run
      counts as negative units on the day of the cancellation
    - withdrawal declared: only with the shopper's declaration (shop.order.withdrawal); nothing moves yet
    - shipped, or completed at pick-up (handed over): the invoice, dated and delivered that day, mailed
    - cancelled with an invoice: a cancellation invoice (Stornorechnung) for what is left of it, mailed
    """

    def handle_order_status_change(self, order, new_status, note_msg=None):
        check_transition(order, new_status)
        try:
            with transaction.atomic():
                self._change_status(order, new_status, note_msg)
        except InvalidStockAdjustment as error:
            raise InvalidOrderStatus(_("The stock does not allow this: %(error)s") % {"error": error}) from None

    def _change_status(self, order, new_status, note_msg):
        if new_status == statuses.PAID or (new_status == statuses.COMPLETED and order.paid_at is None):
            self._record_payment(order)
        elif new_status in (statuses.SHIPPED, statuses.READY_FOR_PICKUP):
            lines = list(order.lines.all())
            self.consume_stock_allocations(order, lines, [line.quantity for line in lines])
            event_type = self._shipping_event_type(new_status)
            self.create_shipping_event(order, event_type, lines, [line.quantity for line in lines])
        elif new_status == statuses.CANCELLED:
            lines = list(order.lines.all())
            self.cancel_stock_allocations(order, lines, [line.quantity for line in lines])
            refunds.refund_rest(order)
        super().handle_order_status_change(order, new_status, note_msg)
        self._issue_documents(order, new_status)

    @staticmethod
    def _issue_documents(order, new_status):
        # The invoice is issued the day the goods leave: shipped, or handed over at the pick-up point.
        from shop.invoicing import services as invoicing

        if new_status == statuses.SHIPPED or (new_status == statuses.COMPLETED and is_pickup(order)):
            invoicing.invoice_goods_left(order)
        elif new_status == statuses.CANCELLED:
            invoicing.cancel_invoice_of(order)

    def _record_payment(self, order):
        event_type = self._payment_event_type("Paid")
        self.create_payment_event(order, event_type, order.total_incl_tax or Decimal("0.00"))
        order.paid_at = timezone.now()
        order.save(update_fields=["paid_at"])

    @staticmethod
    def _payment_event_type(name):
        from oscar.core.loading import get_model

        return get_model("order", "PaymentEventType").objects.get_or_create(name=name)[0]

    @staticmethod
    def _shipping_event_type(name):
        from oscar.core.loading import get_model

        return get_model("order", "ShippingEventType").objects.get_or_create(name=name)[0]
