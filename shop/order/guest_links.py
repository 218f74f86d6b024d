"""Links that let a guest (no account) open their order: status page, invoice, withdrawal.

Oscar signs the order number once and the link works forever. Here the link carries a timestamped signature
(django.core.signing) under a salt of its own, so it
- opens only the order whose number it signs,
- expires after GUEST_ORDER_LINK_MAX_AGE_DAYS,
- cannot be made from, or mistaken for, Oscar's old never-expiring hash or any other signed value of the site.
A guest whose link expired asks for a fresh one with the order number and e-mail address (shop.customer).
"""

import datetime
import enum

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from core.outbox import queue_email
from core.sites import absolute_url

SALT = "shop.order.guest-order-access"


class LinkState(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"


def max_age():
    return datetime.timedelta(days=settings.GUEST_ORDER_LINK_MAX_AGE_DAYS)


def make_token(order_number):
    return signing.TimestampSigner(salt=SALT).sign(order_number)


def check_token(order_number, token):
    try:
        signed_number = signing.TimestampSigner(salt=SALT).unsign(token or "", max_age=max_age())
    except signing.SignatureExpired:
        return LinkState.EXPIRED
    except signing.BadSignature:
        return LinkState.INVALID
    return LinkState.VALID if constant_time_compare(signed_number, order_number) else LinkState.INVALID


def guest_order(order_number, email):
    """The guest order with this number placed with this e-mail address, or None."""
    from oscar.core.loading import get_model

    Order = get_model("order", "Order")
    return Order.objects.filter(number=order_number.strip(), user=None, guest_email__iexact=email.strip()).first()


def resend_link(request, order_number, email):
    """E-mail a fresh status link if the details match a guest order; the caller answers the same either way."""
    order = guest_order(order_number, email)
    if order is not None:
        send_link_mail(request, order)
    return order is not None


def status_url(request, order):
    path = reverse("customer:anon-order", kwargs={"order_number": order.number, "hash": make_token(order.number)})
    return absolute_url(path)


def send_link_mail(request, order):
    context = {"order": order, "status_url": status_url(request, order), "days": settings.GUEST_ORDER_LINK_MAX_AGE_DAYS}
    subject = _("Your order %(number)s") % {"number": order.number}
    body = render_to_string("oscar/customer/emails/guest_order_link.txt", context, request=request)
    queue_email(to=[order.guest_email], subject=subject, body=body, from_email=settings.OSCAR_FROM_EMAIL)
