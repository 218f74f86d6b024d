"""Registration that never tells a visitor whether an address already has an account.

Every valid registration gets the same answer ("we sent you an e-mail"). What happens is told only to the
owner of the address, by e-mail:
- a new address gets an inactive account and an activation link (a Django token link; the account stays
  inactive, so unusable, until the link is followed);
- an address with an account gets a notice: someone tried to register with it; log in or reset the password;
- an address whose account was never activated gets a fresh activation link.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from core.outbox import queue_email
from core.sites import absolute_url


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """A token that is void once the account is active (and for password-reset purposes: its own salt)."""

    key_salt = "shop.customer.registration.ActivationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


activation_token = ActivationTokenGenerator()


def register(request, form):
    """Create the account or tell the address's owner; the caller answers the same either way."""
    User = get_user_model()
    email = form.cleaned_data["email"]
    existing = User._default_manager.filter(email__iexact=email).order_by("pk").first()
    if existing is None:
        user = form.save(commit=False)
        user.is_active = False
        user.save()
        send_activation_mail(request, user)
        return
    # Hash the password anyway: a new account costs one password hash, and a faster answer for a taken
    # address would tell it apart.
    make_password(form.cleaned_data["password1"])
    if not existing.is_active and existing.last_login is None:
        send_activation_mail(request, existing)
    else:
        send_existing_account_notice(request, existing)


def activation_url(request, user):
    path = reverse(
        "customer:activate",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": activation_token.make_token(user)},
    )
    return absolute_url(path)


def user_for_activation(uidb64, token):
    """The inactive user the link belongs to, or None for a wrong, used or expired link."""
    User = get_user_model()
    try:
        user = User._default_manager.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        return None
    if user.is_active or not activation_token.check_token(user, token):
        return None
    return user


def send_activation_mail(request, user):
    context = {"activation_url": activation_url(request, user), "shop_name": settings.OSCAR_SHOP_NAME}
    subject = _("Please confirm your e-mail address")
    body = render_to_string("oscar/customer/emails/activation.txt", context, request=request)
    _send_after_commit(subject, body, user.email)


def send_existing_account_notice(request, user):
    context = {
        "login_url": absolute_url(reverse("customer:login")),
        "password_reset_url": absolute_url(reverse("password-reset")),
        "shop_name": settings.OSCAR_SHOP_NAME,
    }
    subject = _("Someone tried to register with your e-mail address")
    body = render_to_string("oscar/customer/emails/existing_account.txt", context, request=request)
    _send_after_commit(subject, body, user.email)


def _send_after_commit(subject, body, recipient):
    queue_email(to=[recipient], subject=subject, body=body, from_email=settings.OSCAR_FROM_EMAIL)
