"""axe-core finds no serious or critical WCAG 2.1 AA violations on the pages a shopper sees first."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def open_first_product(page, language):
    page.goto(f"/{language}/shop/catalogue/")
    card = page.locator("article.product-card").first
    # The card's link is the one around the product's title (the price note links to shipping costs).
    card.get_by_role("link").filter(has=page.get_by_role("heading")).click()
    expect(page).to_have_url(re.compile(rf"/{language}/shop/catalogue/[\w-]+_\d+/$"))
    expect(page.locator("#add_to_basket_form")).to_be_visible()


@pytest.mark.parametrize("path", ["/de/", "/en/"])
def test_home_page(page, axe, path):
    page.goto(path)
    expect(page.locator(".hero").get_by_role("heading", level=1)).to_be_visible()
    axe(page)


@pytest.mark.parametrize("language", ["de", "en"])
def test_catalogue(page, axe, language):
    page.goto(f"/{language}/shop/catalogue/")
    expect(page.locator("article.product-card")).to_have_count(20)  # the demo's twenty products, one page
    axe(page)


@pytest.mark.parametrize("language", ["de", "en"])
def test_product_page(page, axe, language):
    open_first_product(page, language)
    axe(page)


def test_basket_with_a_product(page, axe):
    open_first_product(page, "de")
    page.locator("#add_to_basket_form").get_by_role("button").click()
    expect(page.get_by_test_id("basket-count")).to_have_text("1")
    page.get_by_test_id("basket-link").click()
    expect(page.locator("#basket_formset .basket-items")).to_have_count(1)
    quantity = page.locator("#basket_formset").get_by_role("spinbutton")
    expect(quantity).to_have_value("1")
    expect(quantity).to_have_accessible_name(re.compile(r"^Menge: \S"))
    # Oscar's layout left the field 7px for its value next to the German "Aktualisieren" button.
    assert quantity.bounding_box()["width"] >= 60
    axe(page)


def test_axe_reports_what_it_finds(page):
    """The check itself works: a page with an unlabelled field and grey-on-white text fails it."""
    page.set_content(
        '<html lang="en"><head><title>Bad</title></head><body><main><h1>Bad</h1>'
        '<p style="color:#bbb;background:#fff">Hard to read</p><input type="text"></main></body></html>'
    )
    found = {violation["id"]: violation for violation in axe_violations(page)}
    assert set(found) == {"color-contrast", "label"}
    assert found["label"]["impact"] == "critical"
    assert found["color-contrast"]["nodes"][0]["target"] == ["p"]
