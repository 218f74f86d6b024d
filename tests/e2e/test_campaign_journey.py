"""A campaign from the Wagtail admin to the visitor: an editor writes it, an approver publishes it."""

import re
from datetime import date, timedelta

import pytest
from oscar.core.loading import get_model
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "aachen-nord-demo"
TITLE = "Werkstatttage im Depot"


def log_in(page, email):
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def choose_in_modal(page, button, item):
    button.click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    modal.get_by_role("link", name=item).first.click()
    expect(modal).to_be_hidden()


def open_action_menu(page):
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()


def add_block(page, label):
    page.locator("button.c-sf-add-button").last.click()
    page.locator(".w-combobox").get_by_role("option", name=label, exact=True).click()


def test_editor_submits_approver_publishes_visitor_finds_it(page, axe, tmp_path):
    """Screenshots of a failing admin step are left in tmp_path."""
    from campaigns.models import CampaignIndexPage, CampaignPage

    index = CampaignIndexPage.objects.get(locale__language_code="de")
    log_in(page, "marketing@example.org")
    page.goto(f"/admin/pages/add/campaigns/campaignpage/{index.pk}/")
    try:
        page.locator("#id_title").fill(TITLE)
        page.locator("#id_teaser").fill("Offene Werkstätten, Führungen und ein kleiner Markt im Depot.")
        page.locator("#id_start_date").fill((date.today() - timedelta(days=1)).isoformat())
        page.locator("#id_end_date").fill((date.today() + timedelta(days=10)).isoformat())
        page.keyboard.press("Escape")
        page.get_by_label("Aachen-Ost").check()
        hero_chooser = page.locator("[data-field-input]").filter(has=page.locator("#id_hero_image"))
        choose_in_modal(page, hero_chooser.get_by_role("button").first, "Kampagne – Kreativquartier rund ums Depot")
        add_block(page, "Text")
        page.locator(".Draftail-Editor [contenteditable=true]").last.fill("Drei Tage lang offene Werkstätten.")
        add_block(page, "Produktliste")
        choose_in_modal(page, page.get_by_role("button", name="Kategorie auswählen").last, "Textilien")
        open_action_menu(page)
        page.locator("button[name=action-submit]").click()
        expect(page.locator(".messages")).to_contain_text(TITLE)
    except Exception:
        page.screenshot(path=tmp_path / "editor.png", full_page=True)
        raise

    campaign = CampaignPage.objects.get(title=TITLE)
    assert not campaign.live, "the editor's campaign waits for approval"
    page.goto("/de/kampagnen/?district=aachen-ost")
    expect(page.get_by_role("link", name=TITLE)).to_have_count(0)

    log_in(page, "approver@example.org")
    page.goto(f"/admin/pages/{campaign.pk}/edit/")
    try:
        open_action_menu(page)
        page.locator("footer button[data-workflow-action-name=approve]").first.click()
        expect(page.locator(".messages")).to_contain_text(TITLE)
    except Exception:
        page.screenshot(path=tmp_path / "approver.png", full_page=True)
        raise
    campaign.refresh_from_db()
    assert campaign.live

    page.context.clear_cookies()
    page.goto("/de/")
    page.get_by_role("navigation", name=re.compile("Hauptnavigation|Main navigation")).get_by_role(
        "link", name="Kampagnen"
    ).click()
    page.get_by_label("Stadtteil").select_option(label="Aachen-Ost")
    page.get_by_role("button", name="Kampagnen zeigen").click()
    expect(page).to_have_url(re.compile(r"/de/kampagnen/\?district=aachen-ost"))
    expect(page.locator(".campaign-card__title")).to_contain_text(["Grüne Inseln in Aachen-Nord", TITLE])
    axe(page)
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".block-product-list article.product-card").first).to_be_visible()
    textiles = set(
        get_model("catalogue", "Product").objects.filter(categories__name="Textilien").values_list("title", flat=True)
    )
    shown = page.locator(".block-product-list .product-card__title").all_inner_texts()
    assert shown and set(shown) <= textiles, f"the list shows products outside its category: {shown}"
    axe(page)
