"""A label product goes off sale when its licence (and the licence's sell-off period) has ended (issue 13)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model

from products.licensing.services import outlet_sales_outside_licences
from shop.partner import services
from shop.partner.outlet_sales import import_csv
from tests.factories import LicenceFactory, OutletFactory, ProductFactory, create_parent_with_variants
from tests.shop.checkout_helpers import add, checkout_with_delivery, place, shopper_orders

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
OutletSale = get_model("partner", "OutletSale")

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


def german(text):
    """The German text a shopper on /de/ sees (the catalogues may translate it later)."""
    with translation.override("de"):
        return str(translation.gettext(text))


REFUSED = "this product is no longer available"


def licensed(product, end, sell_off_until=None):
    LicenceFactory(products=[product], start_date=datetime.date(2024, 1, 1), end_date=end,
                   sell_off_until=sell_off_until)
    return product


def page(client, product, language="en"):
    with translation.override(language):
        url = product.get_absolute_url()
    return client.get(url).content.decode()


def test_licence_ended_yesterday_product_page_says_no_longer_available(client):
    item = licensed(ProductFactory(title="Altes Brett"), end=TODAY() - DAY)
    outlet = OutletFactory(name="Museumsshop Restbestand")
    services.transfer(item, Partner.objects.get(name="Sozialwerkstatt im Depot"), outlet, 2)
    html = page(client, item)
    assert "No longer available" in html
    assert 'id="add_to_basket_form"' not in html
    # Off sale for good: no "notify me when back in stock", and no outlet sends shoppers to buy it there.
    assert "alert_form" not in html
    assert "Museumsshop Restbestand" not in html


def test_running_licence_keeps_the_product_on_sale(client):
    item = licensed(ProductFactory(), end=TODAY())
    outlet = OutletFactory(name="Museumsshop Laufend")
    services.transfer(item, Partner.objects.get(name="Sozialwerkstatt im Depot"), outlet, 2)
    html = page(client, item)
    assert 'id="add_to_basket_form"' in html and "No longer available" not in html
    assert "Museumsshop Laufend" in html


def test_add_to_basket_is_refused_with_a_message(client):
    item = licensed(ProductFactory(), end=TODAY() - DAY)
    response = add(client, item)
    follow = client.get(response.url).content.decode()
    assert german(REFUSED) in follow
    assert not Basket.objects.filter(lines__product=item).exists()


def test_a_basket_line_whose_licence_ended_stops_the_order(client):
    item = ProductFactory()
    licence = LicenceFactory(products=[item], start_date=datetime.date(2024, 1, 1), end_date=TODAY() + DAY)
    add(client, item, 2)
    checkout_with_delivery(client)
    licence.end_date = TODAY() - DAY
    licence.save()
    basket_page = client.get("/en/shop/basket/").content.decode()
    assert "No longer available" in basket_page
    response = place(client, "28.70")
    html = client.get(response.url).content.decode() if response.status_code == 302 else response.content.decode()
    assert german(REFUSED) in html
    assert shopper_orders().count() == 0


def test_the_sell_off_period_keeps_it_on_sale_until_its_last_day(client):
    item = licensed(ProductFactory(), end=TODAY() - 10 * DAY, sell_off_until=TODAY())
    assert 'id="add_to_basket_form"' in page(client, item)
    add(client, item)
    assert Basket.objects.filter(lines__product=item).exists()

    over = licensed(ProductFactory(), end=datetime.date(2025, 1, 31), sell_off_until=TODAY() - DAY)
    assert "No longer available" in page(client, over)


def test_variants_follow_their_parents_licence(client):
    parent = licensed(create_parent_with_variants(2), end=TODAY() - DAY)
    child = parent.children.first()
    html = page(client, parent)
    assert "No longer available" in html and 'id="add_to_basket_form"' not in html
    record = child.stockrecords.first()
    client.post(f"/en/shop/basket/add/{parent.pk}/", {"quantity": 1, "child_id": child.pk,
                                                      "stockrecord_id": record.pk})
    assert not Basket.objects.filter(lines__product=child).exists()


def test_a_product_without_any_licence_is_not_limited(client):
    # In-house designs have no licence; Finance's list reports their sales, the shop keeps selling them.
    assert 'id="add_to_basket_form"' in page(client, ProductFactory())


def test_the_sell_off_day_cannot_lie_before_the_end_date():
    licence = LicenceFactory.build(start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2025, 1, 31),
                                   sell_off_until=datetime.date(2025, 1, 30))
    with pytest.raises(ValidationError) as error:
        licence.full_clean(exclude=["designer", "products"])
    assert "sell_off_until" in error.value.message_dict


def test_catalogue_list_reads_licences_without_a_query_per_product(client, django_assert_max_num_queries):
    for n in range(6):
        licensed(ProductFactory(title=f"Lizenzkarte {n}"), end=TODAY() - DAY if n % 2 else TODAY() + DAY)
    client.get("/en/shop/catalogue/")
    with django_assert_max_num_queries(20):
        html = client.get("/en/shop/catalogue/").content.decode()
    cards = re.findall(r'<article class="product-card">.*?</article>', html, re.S)
    off_sale = sorted(re.search(r"Lizenzkarte \d", card).group(0) for card in cards
                      if "Lizenzkarte" in card and "No longer available" in card)
    assert off_sale == ["Lizenzkarte 1", "Lizenzkarte 3", "Lizenzkarte 5"]


class TestOutletSalesAfterTheLicence:
    @pytest.fixture
    def outlet_record(self):
        outlet = OutletFactory(name="Museumsshop Sell-off")
        item = ProductFactory(title="Brett Abverkauf")
        services.transfer(item, Partner.objects.get(name="Sozialwerkstatt im Depot"), outlet, 6)
        return StockRecord.objects.get(product=item, partner=outlet)

    def upload(self, record, day):
        data = f"date,sku,quantity,gross_price\n{day.isoformat()},{record.partner_sku},1,11.90\n".encode()
        with translation.override("en"):
            return import_csv(record.partner, data, file_name=f"{day}.csv")

    def test_a_sale_inside_the_sell_off_period_is_not_flagged(self, outlet_record):
        licensed(outlet_record.product, end=TODAY() - 10 * DAY, sell_off_until=TODAY() - 2 * DAY)
        result = self.upload(outlet_record, TODAY() - 3 * DAY)
        assert result.notes == []
        assert not [r for r in outlet_sales_outside_licences() if r["product_id"] == outlet_record.product_id]

    def test_a_sale_after_the_sell_off_period_is_flagged_to_finance_and_the_uploader(
        self, outlet_record, client, demo_user
    ):
        licensed(outlet_record.product, end=TODAY() - 10 * DAY, sell_off_until=TODAY() - 2 * DAY)
        result = self.upload(outlet_record, TODAY() - DAY)
        assert OutletSale.objects.filter(product=outlet_record.product).count() == 1  # the sale is real: kept
        assert len(result.notes) == 1
        assert "Brett Abverkauf was sold on" in result.notes[0]["message"]
        assert "after its licence ended" in result.notes[0]["message"]
        rows = [r for r in outlet_sales_outside_licences() if r["product_id"] == outlet_record.product_id]
        assert rows[0]["units"] == Decimal("1") and rows[0]["licensed_until"] == TODAY() - 2 * DAY

        client.force_login(demo_user("finance@example.org"))
        with translation.override("en"):
            html = client.get(reverse("licensing_sales_outside_licences")).content.decode()
        assert "Brett Abverkauf" in html
        assert "Nach Lizenzende verkauft" in html  # the admin speaks the user's language: German
