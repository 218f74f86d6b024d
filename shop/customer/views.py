from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.apps.customer.views import *  # noqa: F403  (Oscar's fork convention: the module replaces Oscar's)
from oscar.apps.customer.views import AccountAuthView as OscarAccountAuthView
from oscar.apps.customer.views import AccountRegistrationView as OscarAccountRegistrationView
from oscar.apps.customer.views import AnonymousOrderDetailView as OscarAnonymousOrderDetailView
from oscar.apps.customer.views import AnonymousOrderFormView as OscarAnonymousOrderFormView

from shop.order.guest_links import LinkState, check_token, resend_link

from .registration import register, user_for_activation


class AccountRegistrationView(OscarAccountRegistrationView):
    def form_valid(self, form):
        register(self.request, form)
        return redirect("customer:registration-sent")


class AccountAuthView(OscarAccountAuthView):
    def validate_registration_form(self):
        form = self.get_registration_form(bind_data=True)
        if form.is_valid():
            register(self.request, form)
            return redirect("customer:registration-sent")
        return self.render_to_response(self.get_context_data(registration_form=form))


class RegistrationSentView(generic.TemplateView):
    """The one answer to every valid registration, whether or not the address had an account."""

    template_name = "oscar/customer/registration_sent.html"


class ActivateAccountView(generic.TemplateView):
    """GET shows a button, POST activates: mail scanners that open links must not activate or log in."""

    template_name = "oscar/customer/activate.html"

    def get(self, request, uidb64, token):
        user = user_for_activation(uidb64, token)
        return self.render_to_response({"valid": user is not None}, status=200 if user else 404)

    def post(self, request, uidb64, token):
        user = user_for_activation(uidb64, token)
        if user is None:
            return self.render_to_response({"valid": False}, status=404)
        user.is_active = True
        user.save(update_fields=["is_active"])
        login(request, user, backend="oscar.apps.customer.auth_backends.EmailBackend")
        messages.success(request, _("Your e-mail address is confirmed. Welcome!"))
        return redirect(reverse("customer:summary"))


class GuestOrderLinkForm(forms.Form):
    order_number = forms.CharField(label=_("Order number"), max_length=128)
    email = forms.EmailField(label=_("E-mail address used for the order"))


def _expired_link_page(request, state):
    context = {"form": GuestOrderLinkForm(), "expired": state is LinkState.EXPIRED}
    return TemplateResponse(request, "oscar/customer/guest_order_link.html", context, status=404)


class AnonymousOrderDetailView(OscarAnonymousOrderDetailView):
    def dispatch(self, request, *args, **kwargs):
        state = check_token(kwargs.get("order_number", ""), kwargs.get("hash", ""))
        if state is not LinkState.VALID:
            return _expired_link_page(request, state)
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        # The valid link (signed, expiring, for this order only) is the guest's key: Oscar's extra e-mail question
        # guarded its never-expiring hash. Without it a guest reaches the withdrawal button typing nothing (issue 13).
        from oscar.core.loading import get_model

        return get_model("order", "Order").objects.filter(user=None, number=self.order_number).first()


class AnonymousOrderFormView(OscarAnonymousOrderFormView):
    def dispatch(self, request, *args, **kwargs):
        state = check_token(kwargs.get("order_number", ""), kwargs.get("hash", ""))
        if state is not LinkState.VALID:
            return _expired_link_page(request, state)
        return super().dispatch(request, *args, **kwargs)


class GuestOrderLinkView(generic.FormView):
    """Order number + e-mail: a fresh link goes to the order's address if they match; the answer is the same."""

    form_class = GuestOrderLinkForm
    template_name = "oscar/customer/guest_order_link.html"

    def form_valid(self, form):
        resend_link(self.request, form.cleaned_data["order_number"], form.cleaned_data["email"])
        return self.render_to_response({"form": GuestOrderLinkForm(), "sent": True})
