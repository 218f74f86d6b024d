from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.checkout import exceptions, session

from shop.invoicing.rules import needs_buyer_address

from .payment_methods import method_for_code


class CheckoutSessionMixin(session.CheckoutSessionMixin):
    """Oscar's checkout session rules, plus: pick-up needs no address, and a payment method must be chosen."""

    def is_pickup_chosen(self, basket):
        code = self.checkout_session.shipping_method_code(basket) or ""
        return code.startswith("pickup-")

    def get_shipping_address(self, basket):
        if self.is_pickup_chosen(basket):
            return None
        return super().get_shipping_address(basket)

    def check_shipping_data_is_captured(self, request):
        if self.is_pickup_chosen(request.basket):
            self.check_a_valid_shipping_method_is_captured()
            self.check_pickup_buyer_is_captured(request)
            return
        super().check_shipping_data_is_captured(request)

    def check_pickup_buyer_is_captured(self, request):
        """The pick-up buyer's name, and above 250 € their address: the basket may have grown since they were
        asked, so it is checked again on every later step."""
        buyer = self.checkout_session.pickup_buyer() or {}
        if not (buyer.get("first_name") or buyer.get("last_name")):
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:shipping-address"), message=_("Please tell us who picks up the order.")
            )
        if needs_buyer_address(request.basket.total_incl_tax) and not buyer.get("line1"):
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:shipping-address"),
                message=_("Above 250 € the invoice names your postal address: please add it."),
            )

    def get_payment_method(self):
        shipping_method = self.get_shipping_method(self.request.basket, self.get_shipping_address(self.request.basket))
        return method_for_code(self.checkout_session.payment_method_code(), shipping_method)

    def check_payment_data_is_captured(self, request):
        if self.get_payment_method() is None:
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:payment-method"), message=_("Please choose a payment method.")
            )

    def skip_unless_payment_is_required(self, request):
        # Every order is paid by a chosen method, even a free one would still need an invoice.
        return
