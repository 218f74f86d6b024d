from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.generic import FormView
from oscar.apps.dashboard.orders import views
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from core.csv_safe import SafeUnicodeCSVWriter
from shop.order import refunds

from .forms import RefundForm

Order = get_model("order", "Order")
Withdrawal = get_model("order", "Withdrawal")


class OrderListView(views.OrderListView):
    def download_selected_orders(self, request, orders):
        # Oscar's export, with customer e-mails and address names (typed by shoppers) neutralised for spreadsheets.
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = content_disposition_header(True, self.get_download_filename(request))
        writer = SafeUnicodeCSVWriter(open_file=response)
        writer.writerow(self.CSV_COLUMNS.values())
        for order in orders:
            row_values = self.get_row_values(order)
            writer.writerow([row_values.get(column, "") for column in self.CSV_COLUMNS])
        return response


class RefundView(FormView):
    """Record a refund (after a withdrawal or a return) as a "Refunded" payment event: shop.order.refunds."""

    template_name = "oscar/dashboard/orders/refund.html"

    def dispatch(self, request, *args, **kwargs):
        self.order = get_object_or_404(Order, number=kwargs["number"])
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        return RefundForm(self.order, **self.get_form_kwargs())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            order=self.order, refundable=refunds.refundable_amount(self.order),
            withdrawal=Withdrawal.objects.filter(order=self.order).first(), **kwargs,
        )

    def form_valid(self, form):
        try:
            refunds.record_refund(self.order, form.cleaned_data["amount"], form.line_quantities(),
                                  reference=form.cleaned_data["reference"])
        except refunds.RefundError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Refund of %(amount)s recorded for order %(number)s.")
                         % {"amount": currency(form.cleaned_data["amount"]), "number": self.order.number})
        return redirect("dashboard:order-detail", number=self.order.number)
