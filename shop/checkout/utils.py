from oscar.apps.checkout import utils


class CheckoutSessionData(utils.CheckoutSessionData):
    """Oscar's checkout session plus the chosen payment method."""

    def pay_by(self, code):
        self._set("payment", "method", code)

    def payment_method_code(self):
        return self._get("payment", "method")

    def pick_up(self, code):
        """Pick-up replaces any delivery address entered before."""
        self._flush_namespace("shipping")
        self.use_shipping_method(code)
