"""The withdrawal button (§ 356a BGB, "Vertrag widerrufen"): for account and guest orders.

The shopper confirms on a second page; name and e-mail are filled in from the order (a guest comes from the signed
link in the order e-mail and types nothing we did not tell them). The declaration covers the whole order (one
contract, one withdrawal: Withdrawal is one-to-one with the order) and is recorded once: the order row is locked
while we look for an earlier declaration, and the database refuses a second row. With it, in one transaction: the
order's status "Withdrawal declared", an order note, the acknowledgement to the shopper and the notice to shop
staff (queued, sent after the commit: core.outbox). One timestamp, shown in German time, for all of them.
"""

import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from oscar.core.loading import get_class, get_model

from core.outbox import queue_email
from core.sites import absolute_url

from . import statuses

Order = get_model("order", "Order")
Withdrawal = get_model("order", "Withdrawal")
WITHDRAWAL_NOTE = "Withdrawal"
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


class NotWithdrawable(Exception):
    """The order's contract is not live (cancelled): there is nothing to withdraw from."""


class WithdrawalForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=200)
    email = forms.EmailField(label=gettext_lazy("Email address for the confirmation"))


def berlin_timestamp(moment):
    """A moment as people in Germany read it: 01.07.2026 12:00 CEST (German summer time) or CET."""
    local = timezone.localtime(moment, BERLIN)
    zone = pgettext("German summer time", "CEST") if local.dst() else pgettext("German winter time", "CET")
    return f"{local:%d.%m.%Y %H:%M} {zone}"


def shop_staff_emails():
    """Who is told of a withdrawal: the active members of the Shop staff group (they run the orders); without any,
    the shop's contact address from the site settings, so that no declaration goes unnoticed."""
    from accounts.roles import SHOP_STAFF
    from home.models import SiteSettings

    users = get_user_model().objects.filter(groups__name=SHOP_STAFF, is_active=True).exclude(email="")
    emails = sorted(set(users.values_list("email", flat=True)))
    if not emails:
        emails = [email for email in SiteSettings.objects.values_list("email", flat=True)[:1] if email]
    return emails


def declaration_text(order, name, email, declared_at):
    context = {"order": order, "lines": order.lines.all(), "name": name, "email": email,
               "declared_at": berlin_timestamp(declared_at)}
    return render_to_string("oscar/order/emails/withdrawal_declaration.txt", context).strip()


def withdraw(order, name, email, now=None):
    """Record the declaration once. Returns (withdrawal, created): an earlier declaration is returned unchanged.

    `now` is the moment of the declaration (default: the clock), the one timestamp of record, page and mail."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        earlier = Withdrawal.objects.filter(order=order).first()
        if earlier is not None:
            return earlier, False
        if not order.is_withdrawable:
            raise NotWithdrawable(_("Order %(number)s is cancelled; there is no contract left to withdraw from.")
                                  % {"number": order.number})
        declared_at = now or timezone.now()
        content = declaration_text(order, name, email, declared_at)
        withdrawal = Withdrawal.objects.create(order=order, declared_at=declared_at, name=name, email=email,
                                               content=content)
        order.notes.create(note_type=WITHDRAWAL_NOTE, message=content)
        get_class("order.processing", "EventHandler")().handle_order_status_change(
            order, statuses.WITHDRAWAL_DECLARED)
        _queue_acknowledgement(withdrawal)
        _queue_staff_notice(withdrawal)
    return withdrawal, True


def _queue_acknowledgement(withdrawal):
    order = withdrawal.order
    context = {"order": order, "withdrawal": withdrawal, "declared_at": berlin_timestamp(withdrawal.declared_at)}
    queue_email(
        to=[withdrawal.email],
        subject=_("Confirmation of your withdrawal (order %(number)s)") % {"number": order.number},
        body=render_to_string("oscar/order/emails/withdrawal_acknowledgement.txt", context),
        from_email=settings.OSCAR_FROM_EMAIL,
    )


def _queue_staff_notice(withdrawal):
    recipients = shop_staff_emails()
    if not recipients:
        return
    order = withdrawal.order
    with translation.override(settings.LANGUAGE_CODE):  # staff read the shop's language, not the shopper's
        context = {
            "order": order, "withdrawal": withdrawal, "declared_at": berlin_timestamp(withdrawal.declared_at),
            "dashboard_url": absolute_url(reverse("dashboard:order-detail", kwargs={"number": order.number})),
        }
        queue_email(
            to=recipients,
            subject=_("Withdrawal declared: order %(number)s") % {"number": order.number},
            body=render_to_string("oscar/order/emails/withdrawal_staff_notice.txt", context),
            from_email=settings.OSCAR_FROM_EMAIL,
        )


def prefill(order):
    """Name and e-mail as the order knows them: the account's name, else the billing or shipping address's."""
    name = order.user.get_full_name() if order.user else ""
    for address in (order.billing_address, order.shipping_address):
        if not name and address is not None:
            name = address.name
    return {"name": name, "email": order.email}


def _done(request, order, withdrawal):
    return render(request, "oscar/order/withdrawal_done.html", {
        "order": order, "withdrawal": withdrawal, "declared_at": berlin_timestamp(withdrawal.declared_at)})


def _handle(request, order):
    earlier = Withdrawal.objects.filter(order=order).first()
    if earlier is not None:  # a second POST (double click, back button, second tab) changes nothing
        return _done(request, order, earlier)
    if not order.is_withdrawable:
        return render(request, "oscar/order/withdrawal.html", {"order": order, "not_withdrawable": True})
    form = WithdrawalForm(request.POST or None, initial=prefill(order))
    if request.method == "POST" and form.is_valid():
        try:
            withdrawal, _created = withdraw(order, form.cleaned_data["name"], form.cleaned_data["email"])
        except NotWithdrawable:
            return render(request, "oscar/order/withdrawal.html", {"order": order, "not_withdrawable": True})
        return _done(request, order, withdrawal)
    return render(request, "oscar/order/withdrawal.html", {"order": order, "form": form, "lines": order.lines.all()})


def account_withdrawal(request, order_number):
    if not request.user.is_authenticated:
        raise Http404
    return _handle(request, get_object_or_404(Order, number=order_number, user=request.user))


def guest_withdrawal(request, order_number, hash):
    order = get_object_or_404(Order, number=order_number)
    if not order.check_verification_hash(hash):
        raise Http404
    return _handle(request, order)
