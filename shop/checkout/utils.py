from oscar.apps.checkout import utils


class CheckoutSessionData(utils.CheckoutSessionData):
    """Oscar's checkout session plus the chosen payment method."""

    def pay_by(self, code):
        self._set("payment", "method", code)

    def payment_method_code(self):
        return self._get("payment", "method")

    def pick_up(self, code, buyer=None):
        """Pick-up replaces any delivery address entered before; `buyer` (billing address fields) is the name,
        and above 250 € the address, the invoice prints."""
        self._flush_namespace("shipping")
        self.use_shipping_method(code)
        self._flush_namespace("billing")
        if buyer:
            self.bill_to_new_address(buyer)

    def pickup_buyer(self):
        return self.new_billing_address_fields()

    def forget_pickup_buyer(self):
        """Delivery instead: the invoice names the delivery address."""
        self._flush_namespace("billing")
