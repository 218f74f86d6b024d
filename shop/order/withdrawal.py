"""The withdrawal button (§ 356a BGB, "Vertrag widerrufen"): for account and guest orders.

The shopper confirms on a second page with name and email; we record the declaration as an order note
and confirm its receipt by email straight away (queued with the note, sent after the commit: core.outbox).
"""

from django import forms
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from core.outbox import queue_email

Order = get_model("order", "Order")
WITHDRAWAL_NOTE = "Withdrawal"


class WithdrawalForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=200)
    email = forms.EmailField(label=gettext_lazy("Email address for the confirmation"))


@transaction.atomic
def withdraw(order, name, email):
    """Record the declaration and queue the confirmation of its receipt, together. Returns the note."""
    note = order.notes.create(
        note_type=WITHDRAWAL_NOTE,
        message=f"Widerruf erklärt von {name} <{email}> am {timezone.now():%d.%m.%Y %H:%M}",
    )
    queue_email(
        to=[email],
        subject=_("Confirmation of your withdrawal (order %(number)s)") % {"number": order.number},
        body=_("We received your withdrawal from the contract for order %(number)s on %(date)s.")
        % {"number": order.number, "date": timezone.localtime(note.date_created).strftime("%d.%m.%Y %H:%M")},
    )
    return note


def _handle(request, order):
    initial = {"email": order.email, "name": order.user.get_full_name() if order.user else ""}
    form = WithdrawalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        withdraw(order, form.cleaned_data["name"], form.cleaned_data["email"])
        return render(request, "oscar/order/withdrawal_done.html", {"order": order})
    return render(request, "oscar/order/withdrawal.html", {"order": order, "form": form})


def account_withdrawal(request, order_number):
    if not request.user.is_authenticated:
        raise Http404
    return _handle(request, get_object_or_404(Order, number=order_number, user=request.user))


def guest_withdrawal(request, order_number, hash):
    order = get_object_or_404(Order, number=order_number)
    if not order.check_verification_hash(hash):
        raise Http404
    return _handle(request, order)
