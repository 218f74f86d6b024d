"""Hooks for django-axes (settings block "Login throttling" in config/settings/base.py).

Both login forms (Oscar's shop login, Wagtail's admin login) post the e-mail address as ``username``; Oscar's
registration/activation code calls ``authenticate(email=...)``. One normalised address per account, so that
``Admin@Example.org`` and ``admin@example.org`` count against the same lockout.
"""

import math

from django.conf import settings
from django.template.response import TemplateResponse
from oscar.apps.customer.utils import normalise_email

LOCKOUT_STATUS = 429


def client_username(request, credentials):
    credentials = credentials or {}
    value = credentials.get("username") or credentials.get("email")
    if value is None and request is not None:
        data = getattr(request, "data", request.POST)
        value = data.get("username") or data.get("login-username") or data.get("email")
    return normalise_email(value).lower() if value else None


def client_ip_address(request):
    """The client's address: REMOTE_ADDR, or, behind N trusted proxies, the N-th X-Forwarded-For entry from the right.

    Each proxy appends the address it received the request from, so entries left of that one are whatever the
    client chose to send and must not count (an attacker would rotate them to escape the lockout).
    """
    proxies = settings.AXES_TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def cool_off_minutes():
    return math.ceil(settings.AXES_COOLOFF_TIME * 60)


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of the login form while an account is locked for this client."""
    in_admin = request.path.startswith("/admin/")
    template = "accounts/lockout_admin.html" if in_admin else "accounts/lockout.html"
    return TemplateResponse(
        request, template, {"cool_off_minutes": cool_off_minutes()}, status=LOCKOUT_STATUS
    ).render()
