"""Registration and password reset never reveal whether an e-mail address has an account."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.django_db(transaction=False)

PASSWORD = "a-long-pass-phrase-42"


def register(client, email, url="/en/shop/accounts/login/"):
    if url.endswith("/login/"):
        data = {
            "registration-email": email,
            "registration-password1": PASSWORD,
            "registration-password2": PASSWORD,
            "registration-redirect_url": "",
            "registration_submit": "1",
        }
    else:
        data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, "redirect_url": ""}
    return client.post(url, data)


def page_text(response):
    return response.content.decode()


@pytest.mark.parametrize("url", ["/en/shop/accounts/login/", "/en/shop/accounts/register/"])
def test_an_existing_address_gets_the_same_answer_as_a_new_one(client, url, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        taken = register(client, "shop@example.org", url)
    with django_capture_on_commit_callbacks(execute=True):
        new = register(client, "brand-new@example.org", url)
    assert taken.status_code == new.status_code == 302
    assert taken["Location"] == new["Location"]
    assert "_auth_user_id" not in client.session  # nobody is logged in by registering
    page = client.get(taken["Location"])
    assert "already exists" not in page_text(page)
    # Only the owner of each address learns what happened.
    assert [m.to for m in mail.outbox] == [["shop@example.org"], ["brand-new@example.org"]]
    notice, activation = mail.outbox
    assert "/en/shop/password-reset/" in notice.body
    assert "/shop/accounts/activate/" not in notice.body
    assert "/en/shop/accounts/activate/" in activation.body


def test_the_new_account_is_inactive_until_the_link_is_followed_then_logged_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, "Brand-New@example.org")
    user = get_user_model().objects.get(email__iexact="brand-new@example.org")
    assert not user.is_active
    # An inactive account cannot log in (and the login answers like for a wrong password).
    client.post(
        "/en/shop/accounts/login/",
        {"login-username": "brand-new@example.org", "login-password": PASSWORD, "login_submit": "1"},
    )
    assert "_auth_user_id" not in client.session

    link = re.search(r"https?://\S+/activate/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    assert client.get(path).status_code == 200  # a mail scanner opening the link activates nothing
    user.refresh_from_db()
    assert not user.is_active
    response = client.post(path)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_active
    assert client.session["_auth_user_id"] == str(user.pk)
    # The link works once.
    client.logout()
    assert client.post(path).status_code == 404


def test_a_forged_activation_link_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user(email="forged@example.org", password=PASSWORD)
    django_user_model.objects.filter(pk=user.pk).update(is_active=False)
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(user.pk))
    assert client.post(f"/en/shop/accounts/activate/{uid}/abc-123/").status_code == 404
    user.refresh_from_db()
    assert not user.is_active


def test_password_reset_answers_the_same_for_unknown_addresses(client, django_capture_on_commit_callbacks):
    known = client.post("/en/shop/password-reset/", {"email": "shop@example.org"})
    unknown = client.post("/en/shop/password-reset/", {"email": "nobody-here@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mail.outbox] == [["shop@example.org"]]


def test_the_checkout_does_not_tell_that_an_address_has_an_account(client):
    from tests.shop.checkout_helpers import add, product

    add(client, product())
    for option in ("anonymous", "new"):
        response = client.post("/en/shop/checkout/", {"username": "shop@example.org", "options": option})
        assert response.status_code == 302, option
        assert "already exists" not in client.get(response["Location"]).content.decode()
