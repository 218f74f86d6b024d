"""Dashboard page where shop staff keep the delivery times (working days per stock state)."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from shop import delivery

DeliveryTime = get_model("shipping", "DeliveryTime")


class DeliveryTimeForm(forms.ModelForm):
    class Meta:
        model = DeliveryTime
        fields = ["min_days", "max_days"]


DeliveryTimeFormSet = forms.modelformset_factory(DeliveryTime, form=DeliveryTimeForm, extra=0, can_delete=False)


def ensure_rows():
    """Every state has its row, so staff always see and can change all of them."""
    for state, (low, high) in delivery.DEFAULT_DAYS.items():
        DeliveryTime.objects.get_or_create(state=state, defaults={"min_days": low, "max_days": high})
    return DeliveryTime.objects.all()


class DeliveryTimesView(TemplateView):
    template_name = "oscar/dashboard/delivery_times.html"

    def get_context_data(self, formset=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["formset"] = formset or DeliveryTimeFormSet(queryset=ensure_rows())
        context["preview"] = delivery.delivery_times_table()
        return context

    def post(self, request, *args, **kwargs):
        formset = DeliveryTimeFormSet(request.POST, queryset=ensure_rows())
        if not formset.is_valid():
            messages.error(request, _("The delivery times were not saved: please correct the errors below."))
            return self.render_to_response(self.get_context_data(formset=formset), status=400)
        with transaction.atomic():
            formset.save()
        messages.success(request, _("Delivery times saved. Every shop page and the AGB show them now."))
        return redirect(reverse("dashboard:delivery-times"))
