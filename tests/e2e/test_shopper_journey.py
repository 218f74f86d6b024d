"""A shopper's way through the site: home page, language switch, shop, product, basket."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HERO_DE = "Design aus Aachen-Nord, gefertigt im alten Straßenbahndepot"
HERO_EN = "Design from Aachen-Nord, made in the old tram depot"


def switch_language(page, code):
    page.locator(f"nav.language-switcher a[data-lang='{code}']").click()


def path_is(path):
    """The page URL has exactly this path (any host, no query)."""
    return re.compile(rf"^https?://[^/]+{re.escape(path)}$")


def test_shopper_switches_to_english_and_puts_a_product_in_the_basket(page):
    page.goto("/de/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text(HERO_DE)
    expect(page.get_by_test_id("basket-count")).to_have_text("0")

    switch_language(page, "en")
    expect(page).to_have_url(path_is("/en/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(HERO_EN)

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Shop", exact=True).click()
    expect(page).to_have_url(path_is("/en/shop/catalogue/"))
    cards = page.locator("article.product-card")
    expect(cards).to_have_count(20)

    card = cards.filter(has_text="Postcard set")
    product_title = card.locator(".product-card__title").inner_text()
    card.get_by_role("link", name=product_title).click()
    expect(page).to_have_url(re.compile(r"/en/shop/catalogue/[\w-]+_\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(product_title)

    # Oscar's add-to-basket form (its button reads "Add to cart" in English).
    page.locator("#add_to_basket_form").get_by_role("button").click()
    expect(page.get_by_test_id("basket-count")).to_have_text("1")
    # The basket survives the next page view.
    page.get_by_test_id("basket-link").click()
    expect(page.get_by_test_id("basket-count")).to_have_text("1")
    expect(page.locator("#content_inner")).to_contain_text(product_title)


def test_language_switch_keeps_the_visitor_on_the_translated_page(page):
    page.goto("/en/about-us/")
    expect(page.get_by_role("heading", level=1)).to_have_text("About us")

    switch_language(page, "de")
    expect(page).to_have_url(path_is("/de/ueber-uns/"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text("Über uns")


def test_language_switch_without_a_translation_leads_to_that_languages_home(page):
    page.goto("/en/legal-notice/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Legal notice")

    switch_language(page, "nl")
    expect(page).to_have_url(path_is("/nl/"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Design uit Aachen-Nord, gemaakt in het oude trampdepot")
