from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import *  # noqa: F403  (Oscar fork: the rest stay Oscar's)


class PickUpForm(forms.Form):
    """Where to pick up, and who: the buyer's name always (for the hand-over and the invoice), the postal address
    too when the total is above 250 € gross (§ 33 UStDV: below, an invoice needs neither)."""

    ADDRESS_FIELDS = ("line1", "postcode", "line4", "country")

    method_code = forms.ChoiceField(label=_("Pick-up location"), widget=forms.RadioSelect)
    first_name = forms.CharField(label=_("First name"), max_length=255)
    last_name = forms.CharField(label=_("Last name"), max_length=255)
    line1 = forms.CharField(label=_("Street and number"), max_length=255, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=64, required=False)
    line4 = forms.CharField(label=_("City"), max_length=255, required=False)
    country = forms.ModelChoiceField(label=_("Country"), queryset=None, required=False, empty_label=None)

    def __init__(self, methods, *args, needs_address=False, **kwargs):
        from oscar.core.loading import get_model

        # Own ids: the delivery address form on the same page has fields of the same names.
        kwargs.setdefault("auto_id", "pickup_%s")
        super().__init__(*args, **kwargs)
        self.needs_address = needs_address
        self.fields["method_code"].choices = [(m.code, m.name) for m in methods]
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["line1"].widget.attrs["autocomplete"] = "address-line1"
        self.fields["postcode"].widget.attrs["autocomplete"] = "postal-code"
        self.fields["line4"].widget.attrs["autocomplete"] = "address-level2"
        country = self.fields["country"]
        country.queryset = get_model("address", "Country").objects.order_by("-display_order", "printable_name")
        country.initial = "DE"
        for name in self.ADDRESS_FIELDS:
            self.fields[name].required = needs_address
        for name, field in self.fields.items():
            if name != "method_code":
                field.widget.attrs["class"] = "form-control"

    def full_clean(self):
        super().full_clean()
        # Screen readers announce the error with the field (the template renders it with this id).
        for name in self.errors:
            if name in self.fields and name != "method_code":
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{self[name].auto_id}-error"}
                )

    def shown_fields(self):
        """The buyer fields the page shows: the name, and the address when it is needed."""
        names = ["first_name", "last_name", *(self.ADDRESS_FIELDS if self.needs_address else ())]
        return [self[name] for name in names]

    def clean(self):
        from django.core.exceptions import ValidationError
        from oscar.core.loading import get_model

        data = super().clean()
        if self.needs_address and data.get("country") and data.get("postcode"):
            address = get_model("order", "BillingAddress")(country=data["country"], postcode=data["postcode"])
            try:
                address.ensure_postcode_is_valid_for_country()
            except ValidationError as error:
                self.add_error(None, error)  # Oscar names the field: {"postcode": [...]}
        return data

    def billing_fields(self):
        """The buyer as Oscar's billing address fields (checkout session); without an address the country is
        Germany's, as a billing address needs one, and the invoice then prints the name only."""
        data = self.cleaned_data
        fields = {"first_name": data["first_name"].strip(), "last_name": data["last_name"].strip()}
        if self.needs_address:
            fields.update(line1=data["line1"].strip(), postcode=data["postcode"].strip(),
                          line4=data["line4"].strip(), country_id=data["country"].pk)
        else:
            fields["country_id"] = "DE"
        return fields


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
