from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import *  # noqa: F403  (Oscar fork: the rest stay Oscar's)


class PickUpForm(forms.Form):
    method_code = forms.ChoiceField(label=_("Pick-up location"), widget=forms.RadioSelect)

    def __init__(self, methods, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method_code"].choices = [(m.code, m.name) for m in methods]


class PaymentMethodForm(forms.Form):
    method_code = forms.ChoiceField(label=_("Payment method"), widget=forms.RadioSelect)

    def __init__(self, methods, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method_code"].choices = [(m.code, m.name) for m in methods]
        if len(methods) == 1:
            self.fields["method_code"].initial = methods[0].code


class GatewayForm(GatewayForm):  # noqa: F405  (Oscar's, from the star import)
    """Oscar's sign-in-or-guest form; the password box gets an accessible name (its radio is the visible label)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].widget.attrs["aria-label"] = _("Password")

    def clean(self):
        # "Create an account" leads to the registration, which tells only the address's owner whether it is
        # taken; Oscar's "A user with that email address already exists" here would tell anyone (issue 12).
        if self.is_new_account_checkout():
            self.errors.pop("password", None)
            return self.cleaned_data
        return super().clean()
