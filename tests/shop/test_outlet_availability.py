"""Where to buy: open outlets with their hours; product pages name the outlets that have the product."""

from datetime import timedelta

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from shop.outlets.services import open_outlets, outlets_with_stock
from shop.partner import services
from tests.factories import OutletFactory, ProductFactory

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")


@pytest.fixture
def workshop():
    return Partner.objects.get(name="Sozialwerkstatt im Depot")


def test_where_to_buy_page_lists_open_outlets_with_opening_hours(client):
    OutletFactory(name="Fairer Laden Test", kind="fair_trade", opening_hours="Mo–Sa 9–19 Uhr")
    OutletFactory(name="Geschlossener Laden", is_active=False)
    OutletFactory(name="Abgelaufener Pop-up", kind="popup_store", active_until=timezone.localdate() - timedelta(days=1))
    html = client.get("/de/wo-kaufen/").content.decode()
    assert "Museumsshop Ludwig Forum" in html and "Di–So 10–17 Uhr" in html
    assert "Fairer Laden Test" in html and "Mo–Sa 9–19 Uhr" in html
    assert "Geschlossener Laden" not in html and "Abgelaufener Pop-up" not in html
    assert "Pop-up-Laden Stolberg" not in html  # the demo's closed pop-up store
    assert "Sozialwerkstatt im Depot" not in [p.name for p in open_outlets()]


def test_where_to_buy_is_in_the_menu(client):
    assert 'href="/de/wo-kaufen/"' in client.get("/de/").content.decode()


def test_product_page_names_outlets_with_stock_only(client, workshop):
    product = ProductFactory()
    with_stock = OutletFactory(name="Laden mit Ware")
    OutletFactory(name="Laden ohne Ware")
    closed = OutletFactory(name="Laden zu", is_active=False)
    services.transfer(product, workshop, with_stock, 2)
    services.transfer(product, workshop, closed, 2)
    html = client.get(product.get_absolute_url()).content.decode()
    assert "Laden mit Ware" in html
    assert "Laden ohne Ware" not in html and "Laden zu" not in html
    assert [p.name for p in outlets_with_stock(product)] == ["Laden mit Ware"]


def test_outlet_sold_out_is_not_shown(workshop):
    product = ProductFactory()
    outlet = OutletFactory()
    services.transfer(product, workshop, outlet, 1)
    services.transfer(product, outlet, workshop, 1)
    assert outlets_with_stock(product) == []


def test_outlet_availability_costs_at_most_two_queries_whatever_the_number_of_outlets(
        workshop, django_assert_max_num_queries):
    from django.template import Context, Template

    product = ProductFactory()
    template = Template("{% load outlet_tags %}{% outlet_availability product %}")
    for count in (1, 8):
        for outlet in OutletFactory.create_batch(count):
            services.transfer(product, workshop, outlet, 1)
        with django_assert_max_num_queries(2):
            html = template.render(Context({"product": product}))
        assert html.count("<li>") == len(outlets_with_stock(product))


def test_online_orders_use_the_workshops_record(workshop):
    from shop.partner.strategy import Selector

    product = ProductFactory()
    outlet = OutletFactory(name="AAA zuerst")
    services.transfer(product, workshop, outlet, 4)
    info = Selector().strategy().fetch_for_product(product)
    assert info.stockrecord.partner == workshop


@pytest.mark.parametrize(("language", "path", "title"), [
    ("en", "/en/where-to-buy/", "Where to buy"),
    ("nl", "/nl/waar-te-koop/", "Waar te koop"),
    ("fr", "/fr/ou-acheter/", "Où acheter"),
])
def test_where_to_buy_is_translated_and_in_every_languages_menu(client, language, path, title):
    html = client.get(f"/{language}/").content.decode()
    assert f'href="{path}"' in html
    page = client.get(path).content.decode()
    assert title in page and "Museumsshop Ludwig Forum" in page
