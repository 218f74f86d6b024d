"""A shopper meets a designer, follows one of her products into the shop and buys a size."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_shopper_goes_from_a_designer_profile_to_a_size_variant_in_the_basket(page, axe):
    page.goto("/en/")
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Designers", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/designers/$"))
    page.get_by_role("link", name=re.compile("Dana Design")).click()

    expect(page).to_have_url(re.compile(r"/en/designers/dana/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dana Design")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    products = page.locator("article.product-card")
    expect(products).to_have_count(5)
    axe(page)

    products.filter(has_text="T-shirt “Depot”").get_by_role("link", name="T-shirt “Depot”").click()
    expect(page).to_have_url(re.compile(r"/en/shop/catalogue/[\w-]+_\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("T-shirt “Depot”")
    expect(page.get_by_role("link", name="Dana Design")).to_have_attribute("href", "/en/designers/dana/")
    expect(page.locator(".label-badge")).to_have_text("Made in Aachen-Nord")
    axe(page)

    # Size buttons: a radio group, nothing chosen; sending without a size says so and moves the focus there.
    sizes = page.get_by_role("group", name="Size")
    expect(sizes.get_by_role("radio")).to_have_count(4)
    for radio in sizes.get_by_role("radio").all():
        expect(radio).not_to_be_checked()
    page.locator("#add_to_basket_form").get_by_role("button", name="Add to cart").click()
    expect(page.locator("#variant-hint")).to_have_text("Please choose a size.")
    expect(page.locator("#variant-hint")).to_have_attribute("role", "alert")
    expect(sizes.get_by_role("radio", name="S")).to_be_focused()
    expect(page.get_by_test_id("basket-count")).to_have_text("0")
    page.keyboard.press("ArrowRight")  # keyboard only: the arrow key picks the next size
    expect(sizes.get_by_role("radio", name="M")).to_be_checked()
    page.locator("#add_to_basket_form").get_by_role("button", name="Add to cart").click()
    expect(page.get_by_test_id("basket-count")).to_have_text("1")
    page.get_by_test_id("basket-link").click()
    expect(page.locator("#content_inner")).to_contain_text("Depot")
    expect(page.locator("#content_inner")).to_contain_text("M")
