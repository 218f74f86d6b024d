"""Shipping costs by method and country: DHL in Germany (free from 60 €), EU flat rate, free pick-up."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from shop.partner.strategy import Selector
from shop.shipping.methods import DHLEurope, DHLGermany
from shop.shipping.repository import Repository, pickup_methods
from tests.shop.checkout_helpers import product

Basket = get_model("basket", "Basket")
Partner = get_model("partner", "Partner")
ShippingAddress = get_model("order", "ShippingAddress")

pytestmark = pytest.mark.django_db
D = Decimal


def basket_of(net_price, quantity=1, tax_class="standard"):
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(product(net_price, tax_class), quantity)
    return basket


@pytest.mark.parametrize(
    ("net", "expected"),
    [("50.41", D("4.90")),   # 59.99 € gross: just below the threshold
     ("50.42", D("0.00"))],  # 60.00 € gross: free
)
def test_dhl_germany_is_free_from_60_euros_gross(net, expected):
    basket = basket_of(net)
    charge = DHLGermany().calculate(basket)
    assert charge.incl_tax == expected
    assert charge.excl_tax + charge.tax == expected


def test_eu_parcel_is_a_flat_rate_and_its_vat_follows_the_goods():
    charge = DHLEurope().calculate(basket_of("100.00", tax_class="reduced"))
    assert charge.incl_tax == D("14.90")
    assert charge.excl_tax == D("13.93") and charge.tax_code == "7"


def test_methods_by_country():
    basket = basket_of("10.00")
    repository = Repository()
    def codes(country):
        return [m.code for m in repository.get_shipping_methods(basket, ShippingAddress(country_id=country))]

    assert codes("DE") == ["dhl-de"]
    assert codes("NL") == ["dhl-eu"]
    assert codes("US") == []
    # Before an address is known (basket page), pick-up and both parcel services are offered.
    all_codes = [m.code for m in repository.get_shipping_methods(basket)]
    assert {"dhl-de", "dhl-eu"} <= set(all_codes)
    assert any(code.startswith("pickup-") for code in all_codes)


def test_pick_up_lists_active_partners_that_allow_it_and_costs_nothing():
    Partner.objects.create(name="Museumsshop (Test)", allows_pickup=True, is_active=True)
    Partner.objects.create(name="Pop-up vorbei (Test)", allows_pickup=True, is_active=False)
    Partner.objects.create(
        name="Pop-up abgelaufen (Test)", allows_pickup=True, is_active=True,
        active_until=timezone.localdate() - timedelta(days=1),
    )
    Partner.objects.create(name="Nur Verkauf (Test)", allows_pickup=False, is_active=True)
    names = [method.partner.name for method in pickup_methods()]
    assert "Sozialwerkstatt im Depot" in names and "Museumsshop (Test)" in names
    assert "Pop-up vorbei (Test)" not in names and "Nur Verkauf (Test)" not in names
    assert "Pop-up abgelaufen (Test)" not in names, "a pop-up store past its last day takes no pick-ups"
    assert all(method.calculate(basket_of("99.00")).incl_tax == 0 for method in pickup_methods())


def test_the_basket_page_lists_every_shipping_option_with_its_price(client):
    item = product("10.00")
    client.post(f"/de/shop/basket/add/{item.pk}/", {"quantity": 1, "stockrecord_id": item.stockrecords.first().pk})
    html = client.get("/de/shop/basket/").content.decode()
    assert "DHL-Paket innerhalb Deutschlands" in html and "4,90" in html
    assert "DHL-Paket in ein anderes EU-Land" in html and "14,90" in html
    assert "Abholung: Sozialwerkstatt im Depot" in html
    assert "inkl. 19 % MwSt." in html
