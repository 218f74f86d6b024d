import logging
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from oscar.apps.checkout import views
from oscar.core.loading import get_class, get_model

from shop.invoicing.rules import needs_buyer_address
from shop.shipping.repository import pickup_methods

from .forms import PaymentMethodForm, PickUpForm
from .mail import QueuedOrderDispatcher
from .payment_methods import available_methods, payment_reference
from .services import availability_problems, price_changes
from .tax import DestinationTaxMixin

InvalidStockAdjustment = get_class("partner.exceptions", "InvalidStockAdjustment")
UnableToPlaceOrder = get_class("order.exceptions", "UnableToPlaceOrder")
Basket = get_model("basket", "Basket")
logger = logging.getLogger("oscar.checkout")



class ShippingAddressView(views.ShippingAddressView):
    """Delivery address, or instead free pick-up at the Depot or a partner outlet (no address needed)."""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        methods = pickup_methods()
        ctx["pickup_methods"] = methods
        ctx["pickup_form"] = kwargs.get("pickup_form") or PickUpForm(
            methods, needs_address=self.pickup_needs_address(), initial=self.pickup_initial()
        )
        return ctx

    def pickup_needs_address(self):
        return needs_buyer_address(self.request.basket.total_incl_tax)

    def pickup_initial(self):
        buyer = self.checkout_session.pickup_buyer() or {}
        user = self.request.user
        names = ("first_name", "last_name", "line1", "postcode", "line4")
        initial = {key: buyer[key] for key in names if buyer.get(key)}
        if buyer.get("country_id"):
            initial["country"] = buyer["country_id"]
        if not initial and user.is_authenticated:
            initial = {"first_name": user.first_name, "last_name": user.last_name}
        return initial

    def post(self, request, *args, **kwargs):
        if "pickup" not in request.POST:
            self.checkout_session.forget_pickup_buyer()
            return super().post(request, *args, **kwargs)
        form = PickUpForm(pickup_methods(), request.POST, needs_address=self.pickup_needs_address())
        if not form.is_valid():
            messages.error(request, _("Please check the pick-up details below."))
            # The delivery address form stays empty: this post was the pick-up form's, not its.
            unbound = {key: value for key, value in self.get_form_kwargs().items() if key not in ("data", "files")}
            return self.render_to_response(
                self.get_context_data(form=self.get_form_class()(**unbound), pickup_form=form)
            )
        self.checkout_session.pick_up(form.cleaned_data["method_code"], buyer=form.billing_fields())
        return redirect("checkout:payment-method")


class PaymentMethodView(DestinationTaxMixin, views.PaymentMethodView):
    template_name = "oscar/checkout/payment_method.html"
    success_url = reverse_lazy("checkout:preview")

    def get_methods(self):
        basket = self.request.basket
        return available_methods(self.get_shipping_method(basket, self.get_shipping_address(basket)))

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=PaymentMethodForm(self.get_methods())))

    def post(self, request, *args, **kwargs):
        methods = self.get_methods()
        form = PaymentMethodForm(methods, request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, methods=methods))
        self.checkout_session.pay_by(form.cleaned_data["method_code"])
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["methods"] = kwargs.get("methods") or self.get_methods()
        return ctx


class PaymentDetailsView(DestinationTaxMixin, views.PaymentDetailsView):
    """The legally required last step (summary, terms, "zahlungspflichtig bestellen") and order placement."""

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["payment_method"] = self.get_payment_method()
        return ctx

    def handle_place_order_submission(self, request):
        problems = availability_problems(request.basket, request.strategy)
        if problems:
            return self.render_preview(request, error=" ".join(problems))
        changes = price_changes(request.basket)
        if changes:
            request.basket.reset_offer_applications()
            return self.render_preview(
                request, error=" ".join(changes) + " " + _("Please check the new total and confirm your order again.")
            )
        submission = self.build_submission()
        if not self.shown_total_matches(submission["order_total"]):
            return self.render_preview(
                request, error=_("The total has changed. Please check the summary and confirm your order again.")
            )
        with transaction.atomic():
            # One order per basket, even when the button is pressed twice: the second request waits here
            # and finds the basket no longer open.
            still_open = Basket.objects.select_for_update().filter(pk=request.basket.pk, status=Basket.OPEN).exists()
            if not still_open:
                messages.info(request, _("This order has already been placed."))
                return redirect("basket:summary")
            return self.submit(**submission)

    def shown_total_matches(self, order_total):
        """The posted total is what the shopper saw; a mismatch means the page is stale or was tampered with."""
        try:
            shown = Decimal(self.request.POST.get("order_total", ""))
        except InvalidOperation:
            return False
        return order_total is not None and shown == order_total.incl_tax

    def create_billing_address(self, user, billing_address=None, shipping_address=None, **kwargs):
        # A pick-up buyer's name alone is no address for the customer's address book.
        if billing_address is not None and not billing_address.line1:
            billing_address.save()
            return billing_address
        return super().create_billing_address(user, billing_address, shipping_address, **kwargs)

    def handle_payment(self, order_number, total, **kwargs):
        self.get_payment_method().take_payment(self, order_number, total)

    def handle_order_placement(self, order_number, user, basket, shipping_address, shipping_method,
                               shipping_charge, billing_address, order_total, surcharges=None, **kwargs):
        try:
            with transaction.atomic():
                order = self.place_order(
                    order_number=order_number, user=user, basket=basket, shipping_address=shipping_address,
                    shipping_method=shipping_method, shipping_charge=shipping_charge, order_total=order_total,
                    billing_address=billing_address, surcharges=surcharges, **kwargs,
                )
                # The confirmation is queued in the order's transaction: order and mail are kept together or
                # not at all. It is sent after the commit. The invoice waits until the goods leave.
                self.queue_order_placed_email(order)
        except InvalidStockAdjustment:
            raise UnableToPlaceOrder(
                _("Sorry, an item in your basket has just sold out. No order was placed; please adjust your basket.")
            ) from None
        basket.submit()
        return self.handle_successful_order(order)

    def queue_order_placed_email(self, order):
        QueuedOrderDispatcher(logger=logger).send_order_placed_email_for_user(
            order, self.get_message_context(order)
        )

    def send_order_placed_email(self, order):
        """Oscar's hook after placement: nothing left to do, the mail was queued with the order."""

    def get_message_context(self, order):
        from shop.order.services import order_context

        ctx = super().get_message_context(order)
        ctx.update(order_context(order, self.request))
        ctx["payment_reference"] = payment_reference(order.number)
        return ctx

    def get_success_url(self):
        return reverse("checkout:thank-you")


class IndexView(views.IndexView):
    """Oscar's sign-in-or-guest step, with the request for the sign-in: django-axes throttles by it (issue 12)."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}
