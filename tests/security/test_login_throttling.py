"""Login throttling (django-axes) on the shop login and the Wagtail admin login: per account and client IP."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.utils import timezone

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "aachen-nord-demo"
SHOP_LOGIN = "/en/shop/accounts/login/"
ADMIN_LOGIN = "/admin/login/"


def shop_login(client, email, password, **extra):
    return client.post(
        SHOP_LOGIN,
        {"login-username": email, "login-password": password, "login-redirect_url": "", "login_submit": "1"},
        **extra,
    )


def admin_login(client, email, password, **extra):
    # The admin has no language prefix: its language comes from the browser (English here, German by default).
    headers = {"HTTP_ACCEPT_LANGUAGE": "en", **extra}
    return client.post(ADMIN_LOGIN, {"username": email, "password": password}, **headers)


def logged_in_as(client):
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id).email if user_id else None


@pytest.fixture
def shopper(django_user_model):
    return django_user_model.objects.create_user(email="shopper@example.org", password=DEMO_PASSWORD)


@pytest.mark.parametrize(
    ("login", "email"), [(shop_login, "shopper@example.org"), (admin_login, "marketing@example.org")]
)
def test_80_wrong_passwords_lock_the_account_for_this_ip(client, shopper, login, email):
    for _ in range(80):
        login(client, email, "wrong-guess")
    response = login(client, email, DEMO_PASSWORD)
    assert logged_in_as(client) is None
    assert response.status_code == 429
    assert b"data-lockout" in response.content
    assert b"Too many failed login attempts for this account" in response.content
    assert b"15 minutes" in response.content


@pytest.mark.parametrize("login", [shop_login, admin_login])
def test_another_account_from_the_same_ip_still_logs_in(client, shopper, login):
    for _ in range(6):
        login(client, "finance@example.org", "wrong-guess")
    login(client, "marketing@example.org", DEMO_PASSWORD)
    assert logged_in_as(client) == "marketing@example.org"


@pytest.mark.parametrize("login", [shop_login, admin_login])
def test_the_account_from_another_ip_still_logs_in(client, shopper, login):
    for _ in range(6):
        login(client, "marketing@example.org", "wrong-guess", REMOTE_ADDR="203.0.113.9")
    login(client, "marketing@example.org", DEMO_PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert logged_in_as(client) == "marketing@example.org"


@pytest.mark.parametrize("login", [shop_login, admin_login])
def test_after_the_cool_off_the_right_password_works_again(client, shopper, login):
    for _ in range(5):
        login(client, "marketing@example.org", "wrong-guess")
    assert login(client, "marketing@example.org", DEMO_PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    login(client, "marketing@example.org", DEMO_PASSWORD)
    assert logged_in_as(client) == "marketing@example.org"


def test_four_failures_do_not_lock_and_the_email_backend_ignores_case(client, shopper):
    for _ in range(4):
        shop_login(client, "shopper@example.org", "wrong-guess")
    shop_login(client, "Shopper@Example.ORG", DEMO_PASSWORD)
    assert logged_in_as(client) == "shopper@example.org"


def test_the_lockout_counts_the_address_in_any_spelling(client, shopper):
    for _ in range(5):
        shop_login(client, "SHOPPER@example.org", "wrong-guess")
    assert shop_login(client, "shopper@example.org", DEMO_PASSWORD).status_code == 429


def test_behind_the_proxy_the_forwarded_client_ip_counts_and_spoofed_entries_do_not(client, shopper, settings):
    settings.AXES_TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        # The client prepends a different fake address each time; the proxy appends the real one.
        shop_login(client, "shopper@example.org", "wrong-guess", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.9")
    locked = shop_login(client, "shopper@example.org", DEMO_PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.9")
    assert locked.status_code == 429
    shop_login(client, "shopper@example.org", DEMO_PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert logged_in_as(client) == "shopper@example.org"


def checkout_login(client, email, password, **extra):
    return client.post("/en/shop/checkout/", {"username": email, "password": password, "options": "existing"}, **extra)


@pytest.fixture
def basket(client):
    from tests.shop.checkout_helpers import add, product

    add(client, product())


def test_the_checkout_sign_in_is_throttled_too(client, shopper, basket):
    for _ in range(80):
        checkout_login(client, "shopper@example.org", "wrong-guess")
    response = checkout_login(client, "shopper@example.org", DEMO_PASSWORD)
    assert response.status_code == 429
    assert logged_in_as(client) is None


def test_the_checkout_sign_in_works(client, shopper, basket):
    checkout_login(client, "shopper@example.org", DEMO_PASSWORD)
    assert logged_in_as(client) == "shopper@example.org"
