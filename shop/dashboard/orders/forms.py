from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.orders import forms as oscar_forms

from shop.order import refunds, statuses


class OrderStatusForm(oscar_forms.OrderStatusForm):
    """Oscar's status form with the translated labels; "Withdrawal declared" is the shopper's to set, not staff's."""

    def __init__(self, order, *args, **kwargs):
        super().__init__(order, *args, **kwargs)
        self.fields["new_status"].choices = [
            (status, statuses.label(status)) for status in order.available_statuses()
            if status != statuses.WITHDRAWAL_DECLARED
        ]


class RefundForm(forms.Form):
    """The amount paid back and the units given back per line (defaults: everything not refunded yet)."""

    amount = forms.DecimalField(label=_("Amount refunded (€, gross)"), min_value=0, max_digits=12, decimal_places=2)
    reference = forms.CharField(label=_("Reference (e.g. bank transfer)"), max_length=128, required=False)

    def __init__(self, order, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order
        self.remaining = refunds.remaining_quantities(order)
        for line, left in self.remaining.items():
            self.fields[self.line_field(line)] = forms.IntegerField(
                label=_("Units of “%(title)s” given back (at most %(left)s)") % {"title": line.title, "left": left},
                min_value=0, max_value=left, initial=left,
            )
        self.fields["amount"].initial = refunds.suggested_amount(order, self.remaining)

    @staticmethod
    def line_field(line):
        return f"line_{line.pk}"

    def line_fields(self):
        return [self[self.line_field(line)] for line in self.remaining]

    def line_quantities(self):
        return {line: self.cleaned_data.get(self.line_field(line)) or 0 for line in self.remaining}
