"""Payment methods behind one small interface.

A method says when it is offered and what happens when the order button is pressed. Prepayment and pay
on pick-up take no money online; a card or PayPal provider would redirect in `take_payment` (raise
Oscar's RedirectRequired) and confirm later, without any change to the checkout views. Register
methods in settings.SHOP_PAYMENT_METHODS (dotted paths).
"""

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")

DEFAULT_METHODS = [
    "shop.checkout.payment_methods.BankTransfer",
    "shop.checkout.payment_methods.PayOnPickUp",
]


def payment_reference(order_number):
    return f"MIAN-{order_number}"


class PaymentMethod:
    code = ""
    name = ""
    description = ""

    def is_available(self, shipping_method):
        return True

    def take_payment(self, view, order_number, total):
        """Record how the order will be paid (Oscar payment sources and events on `view`)."""
        source_type, _created = SourceType.objects.get_or_create(code=self.code, defaults={"name": str(self.name)})
        view.add_payment_source(
            Source(source_type=source_type, currency=total.currency, amount_allocated=total.incl_tax,
                   reference=payment_reference(order_number))
        )


class BankTransfer(PaymentMethod):
    code = "bank-transfer"
    name = _("Prepayment by bank transfer")
    description = _("You receive our bank details and a payment reference with the order confirmation.")
    shows_bank_details = True


class PayOnPickUp(PaymentMethod):
    code = "pay-on-pickup"
    name = _("Pay on pick-up")
    description = _("Pay in cash or by card when you collect your order.")
    shows_bank_details = False

    def is_available(self, shipping_method):
        return bool(getattr(shipping_method, "is_pickup", False))


def all_methods():
    return [import_string(path)() for path in getattr(settings, "SHOP_PAYMENT_METHODS", DEFAULT_METHODS)]


def available_methods(shipping_method):
    return [method for method in all_methods() if method.is_available(shipping_method)]


def method_for_code(code, shipping_method):
    return next((m for m in available_methods(shipping_method) if m.code == code), None)


def method_of_order(order):
    """The payment method an order was placed with (from its payment source)."""
    codes = [source.source_type.code for source in order.sources.all()]
    return next((m for m in all_methods() if m.code in codes), None)
