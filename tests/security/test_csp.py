"""Content-Security-Policy (issue 12): strict on public pages, what Wagtail's admin and Oscar's dashboard need there."""

import re
from html.parser import HTMLParser

import pytest
from wagtail.models import Page

from campaigns.models import CampaignPage
from tests.licensing.portal_helpers import designer_with_login
from tests.shop import checkout_helpers

pytestmark = pytest.mark.django_db


def policy(response):
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inline, self.handlers = [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.handlers += [name for name in attrs if name.startswith("on")]
        self.handlers += [name for name, value in attrs.items() if (value or "").strip().startswith("javascript:")]
        if tag == "script":
            # JSON data blocks are not run; only JavaScript is.
            is_js = attrs.get("type") in (None, "", "text/javascript", "module", "application/javascript")
            self._in_script = is_js and "src" not in attrs

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline.append(data.strip()[:80])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def assert_strict(response):
    assert response.status_code == 200
    csp = policy(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["style-src"] == ["'self'"]
    # The page itself needs nothing the policy forbids: no inline script, no event handler attributes.
    scripts = _Scripts()
    scripts.feed(response.content.decode())
    assert scripts.inline == [], f"inline scripts on {response.request['PATH_INFO']}: {scripts.inline}"
    assert scripts.handlers == [], f"inline handlers on {response.request['PATH_INFO']}: {scripts.handlers}"


def test_home_page_has_the_strict_policy(client):
    assert_strict(client.get("/de/"))


def test_product_page_basket_and_checkout_have_the_strict_policy(client):
    item = checkout_helpers.product()
    assert_strict(client.get(item.get_absolute_url(), follow=True))
    checkout_helpers.add(client, item)
    assert_strict(client.get("/de/shop/basket/"))
    assert_strict(client.get("/de/shop/checkout/"))  # guest or login
    checkout_helpers.start_as_guest(client)
    assert_strict(client.get("/de/shop/checkout/shipping-address/"))
    checkout_helpers.deliver_to(client)
    client.get("/de/shop/checkout/shipping-method/")
    checkout_helpers.pay_by(client, "bank-transfer")
    assert_strict(checkout_helpers.preview(client))


def test_campaign_pages_have_the_strict_policy(client):
    campaign = CampaignPage.objects.live().filter(locale__language_code="de").first()
    assert_strict(client.get(campaign.url))
    assert_strict(client.get(campaign.get_parent().url))


def test_designer_portal_has_the_strict_policy(client, django_user_model):
    designer_with_login("csp-portal@example.org", legal_name="Paula CSP")
    client.force_login(django_user_model.objects.get(email="csp-portal@example.org"))
    assert_strict(client.get("/de/portal/"))


def test_wagtail_admin_keeps_inline_scripts_and_styles_but_nothing_else(client, demo_user):
    client.force_login(demo_user("admin@example.org"))
    for url in ("/admin/", f"/admin/pages/{Page.objects.filter(depth=2).first().pk}/edit/"):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = policy(response)
        assert "'unsafe-inline'" in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
        assert "'unsafe-inline'" in csp["style-src"]
        assert (csp["object-src"], csp["base-uri"], csp["frame-ancestors"]) == (["'none'"], ["'self'"], ["'self'"])


def test_oscar_dashboard_keeps_inline_scripts_but_nothing_else(client, demo_user):
    client.force_login(demo_user("shop@example.org"))
    response = client.get("/de/shop/dashboard/")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert (csp["object-src"], csp["form-action"], csp["frame-ancestors"]) == (["'none'"], ["'self'"], ["'self'"])
    # The shop's own pages next to it stay strict.
    assert policy(client.get("/de/shop/"))["script-src"] == ["'self'"]


def test_the_area_patterns_do_not_reach_public_pages_that_look_alike():
    from core.csp import directives_for_path

    assert directives_for_path("/de/shop/dashboard/orders/") is not None
    assert directives_for_path("/admin/pages/") is not None
    for path in ("/de/", "/de/shop/", "/de/kampagnen/admin/", "/de/shop/catalogue/dashboard/", "/de/portal/"):
        assert directives_for_path(path) is None, path


def test_pages_of_the_site_load_only_same_origin_scripts(client):
    body = client.get("/de/").content.decode()
    for src in re.findall(r'<script[^>]+src="([^"]+)"', body):
        assert src.startswith("/static/"), src
