"""The generated legal pages and the checkout's start information pass axe-core (WCAG 2.1 AA, BFSG), and the
footer leads to the accessibility statement."""

import pytest
from playwright.sync_api import expect

from tests.campaigns.video_helpers import page_with_video

from .test_accessibility import open_first_product

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LEGAL_PAGES = ["/de/versand-und-zahlung/", "/de/widerrufsbelehrung/", "/de/agb/", "/de/datenschutz/"]


def test_legal_pages_video_placeholder_and_checkout_start_are_accessible(page, axe):
    page.goto("/de/")
    page.locator(".site-footer").get_by_role("link", name="Erklärung zur Barrierefreiheit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erklärung zur Barrierefreiheit")
    axe(page)
    for path in LEGAL_PAGES:
        page.goto(path)
        axe(page)
    page.goto(page_with_video().url)
    expect(page.locator("[data-video-load]")).to_be_visible()
    axe(page)
    open_first_product(page, "de")
    page.locator("#add_to_basket_form").get_by_role("button").click()
    expect(page.get_by_test_id("basket-count")).to_have_text("1")
    page.goto("/de/shop/checkout/")
    expect(page.get_by_test_id("checkout-start-information")).to_be_visible()
    axe(page)
