"""Every e-mail the site sends links to the configured address (BASE_URL), never example.com and never the host a
request claims to come from (issue 13)."""

import re

import pytest
from django.contrib.sites.models import Site
from django.core import mail
from oscar.core.loading import get_model

from products.licensing.models import Statement
from products.licensing.statements import notify_designer
from shop.order.withdrawal import withdraw
from tests.security.test_registration_privacy import register
from tests.shop.checkout_helpers import add, checkout_with_delivery, place, product, shopper_orders

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")

BASE = "https://shop.made-in-aachen-nord.example"
FORGED = "attacker.example.net"  # a Host header the client chose (ALLOWED_HOSTS is "*" in the tests)


@pytest.fixture
def site_address(settings):
    settings.BASE_URL = settings.WAGTAILADMIN_BASE_URL = BASE
    settings.OSCAR_URL_SCHEMA = "https"
    return BASE


def links(message):
    """The absolute links a reader can follow: in the text body, and the href targets of the HTML part."""
    found = re.findall(r"https?://[^\s<>\"')]+", message.body)
    for content, mimetype in getattr(message, "alternatives", ()):
        if mimetype == "text/html":
            found += re.findall(r'href="(https?://[^"]+)"', content)
    return found


def assert_mails_link_to_the_site(messages, at_least=1):
    assert messages
    for message in messages:
        texts = [message.subject, message.body, *(content for content, _ in getattr(message, "alternatives", ()))]
        for text in texts:
            assert "example.com" not in text, (message.subject, text)
            assert FORGED not in text, (message.subject, text)
        found = links(message)
        assert len(found) >= at_least, (message.subject, message.body)
        for link in found:
            assert link.startswith(BASE + "/"), (message.subject, link)


def test_the_sites_framework_carries_the_configured_address_after_migrate(settings):
    site = Site.objects.get(pk=settings.SITE_ID)
    assert (site.domain, site.name) == ("testserver", settings.OSCAR_SHOP_NAME)
    Site.objects.create(domain="second.example", name="Second")  # the id sequence is past the first row (PostgreSQL)


def test_the_order_confirmation_links_to_the_configured_address(
    client, site_address, django_capture_on_commit_callbacks
):
    add(client, product("10.00"))
    total = checkout_with_delivery(client).context["order_total"].incl_tax
    with django_capture_on_commit_callbacks(execute=True):
        response = place(client, total)
    assert response.status_code == 302
    order = shopper_orders().get()
    confirmation = [m for m in mail.outbox if order.guest_email in m.to]
    assert_mails_link_to_the_site(confirmation)
    assert any("/order-status/" in link for link in links(confirmation[0]))


def test_registration_mails_ignore_a_forged_host(client, site_address, django_capture_on_commit_callbacks):
    client.defaults["HTTP_HOST"] = FORGED
    with django_capture_on_commit_callbacks(execute=True):
        register(client, "brand-new@example.org")  # the activation link
        register(client, "shop@example.org")  # the notice to an existing account: login and password reset
    assert [m.to for m in mail.outbox] == [["brand-new@example.org"], ["shop@example.org"]]
    assert_mails_link_to_the_site(mail.outbox)
    assert "/accounts/activate/" in mail.outbox[0].body
    assert "/password-reset/" in mail.outbox[1].body


def test_the_password_reset_link_ignores_a_forged_host(client, site_address, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/shop/password-reset/", {"email": "shop@example.org"}, HTTP_HOST=FORGED)
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["shop@example.org"]]
    assert_mails_link_to_the_site(mail.outbox)
    assert "/password-reset/confirm/" in mail.outbox[0].body


def test_the_resent_guest_order_link_ignores_a_forged_host(client, site_address, django_capture_on_commit_callbacks):
    order = Order.objects.filter(user=None).exclude(guest_email="").first()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/shop/accounts/order-link/", {"order_number": order.number, "email": order.guest_email},
            HTTP_HOST=FORGED,
        )
    assert [m.to for m in mail.outbox] == [[order.guest_email]]
    assert_mails_link_to_the_site(mail.outbox)


def test_the_statement_notification_links_to_the_portal(site_address, django_capture_on_commit_callbacks):
    statement = Statement.objects.filter(status=Statement.Status.ISSUED).exclude(designer__email="").first()
    with django_capture_on_commit_callbacks(execute=True):
        assert notify_designer(statement)
    assert_mails_link_to_the_site(mail.outbox)
    assert f"{BASE}/de/portal/" in mail.outbox[0].body


def test_the_withdrawal_confirmation_names_no_other_domain(site_address, django_capture_on_commit_callbacks):
    order = Order.objects.filter(user=None).exclude(guest_email="").first()
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(order, "Erika Beispiel", order.guest_email)
    assert_mails_link_to_the_site(mail.outbox, at_least=0)
