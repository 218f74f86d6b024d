"""Shop staff move stock to the museum shop and report its sales; a shopper then finds it there."""

import re

import pytest
from django.utils import translation
from oscar.core.loading import get_model
from playwright.sync_api import expect

from home.demo.content import DEMO_PASSWORD
from home.demo.stock import MUSEUM_SHOP

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")


def log_in(page, email):
    page.goto("/de/shop/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", DEMO_PASSWORD)
    page.locator("form#login_form button[type=submit]").click()


def test_staff_transfer_and_sales_upload_show_up_for_the_shopper(page, browser, live_server, axe):
    from shop.partner import services

    workshop = Partner.objects.get(kind="workshop")
    museum = Partner.objects.get(name=MUSEUM_SHOP)
    record = StockRecord.objects.filter(partner=workshop, num_in_stock__gte=5).select_related("product").first()
    product = record.product
    # Start with no units in the museum shop, so the shopper's view changes only through this journey.
    museum_record = StockRecord.objects.filter(partner=museum, product=product).first()
    if museum_record:
        services.stocktake(museum_record, 0, reason="E2E: leer geräumt")
    workshop_before = record.num_in_stock
    with translation.override("en"):
        product_url = product.get_absolute_url()

    shopper = browser.new_page(base_url=live_server.url)
    shopper.goto(product_url)
    expect(shopper.get_by_role("heading", level=1)).to_be_visible()
    expect(shopper.get_by_test_id("outlet-availability")).to_have_count(0)

    log_in(page, "shop@example.org")
    page.goto("/de/shop/dashboard/stock/transfer/")
    page.select_option("select[name=product]", str(product.pk))
    page.select_option("select[name=source]", str(workshop.pk))
    page.select_option("select[name=destination]", str(museum.pk))
    page.fill("input[name=quantity]", "5")
    page.locator("#content_inner form button[type=submit], .page-content form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/de/shop/dashboard/stock/movements/$"))
    movements = page.get_by_test_id("movements")
    expect(movements.locator("tr", has_text=MUSEUM_SHOP).first).to_contain_text("+5")
    expect(movements.locator("tr", has_text=workshop.name).first).to_contain_text("-5")

    page.goto("/de/shop/dashboard/stock/sales/upload/")
    page.select_option("select[name=partner]", str(museum.pk))
    csv = f"Datum;Artikelnummer;Menge;Bruttopreis\n01.01.2026;{record.partner_sku};2;19,90\n".encode("cp1252")
    page.set_input_files("input[name=file]", files=[{"name": "museum.csv", "mimeType": "text/csv", "buffer": csv}])
    page.locator("form button[type=submit]").last.click()
    expect(page.get_by_test_id("import-lines")).to_contain_text(product.title)
    expect(page.get_by_test_id("import-status")).not_to_have_text("")

    page.goto(f"/de/shop/dashboard/stock/?q={record.partner_sku}")
    row = page.get_by_test_id("stock-overview").locator("tbody tr").first
    # Columns: the workshop first, then the outlets.
    expect(row.locator("td").nth(0)).to_have_text(str(workshop_before - 5))
    expect(row.locator("td").nth(1)).to_have_text("3")
    page.goto(f"/de/shop/dashboard/stock/movements/?partner={museum.pk}")
    expect(page.get_by_test_id("movements").locator("tbody tr").first).to_contain_text("-2")

    shopper.goto(product_url)
    expect(shopper.get_by_test_id("outlet-availability")).to_contain_text(f"in stock at {MUSEUM_SHOP}")
    assert StockRecord.objects.get(partner=museum, product=product).num_in_stock == 3
    shopper.goto("/en/")
    shopper.goto("/de/wo-kaufen/")
    expect(shopper.get_by_test_id("outlets")).to_contain_text(MUSEUM_SHOP)
    axe(shopper)
