"""Bad input at the basket and the last step: a clear message, no order written, no stock touched."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from tests.shop.checkout_helpers import (
    ADDRESS,
    add,
    checkout_with_delivery,
    deliver_to,
    place,
    preview,
    product,
    shopper_orders,
    start_as_guest,
)

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db


def stock_of(item):
    record = item.stockrecords.first()
    record.refresh_from_db()
    return record.num_in_stock, record.num_allocated or 0


def assert_nothing_written(item):
    assert shopper_orders().count() == 0
    assert stock_of(item) == (10, 0)


@pytest.mark.parametrize("quantity", [-1, 0, 100_000])
def test_negative_zero_or_huge_quantity_is_refused(client, quantity):
    item = product()
    response = add(client, item, quantity)
    follow = client.get(response.url if response.status_code == 302 else "/de/shop/basket/")
    assert Basket.objects.filter(lines__product=item).count() == 0
    assert follow.status_code == 200
    assert_nothing_written(item)


def test_a_product_gone_off_sale_stops_the_order_with_a_message(client):
    item = product()
    add(client, item, 2)
    checkout_with_delivery(client)
    item.is_public = False
    item.save()
    response = place(client, "28.70")
    page = client.get(response.url).content.decode() if response.status_code == 302 else response.content.decode()
    assert "ist nicht mehr im Angebot" in page
    assert_nothing_written(item)


def test_too_large_a_quantity_at_the_last_step_is_refused(client):
    item = product()
    add(client, item, 5)
    checkout_with_delivery(client)
    item.stockrecords.update(num_in_stock=3)
    response = place(client, "64.40")
    assert shopper_orders().count() == 0
    page = client.get(response.url).content.decode() if response.status_code == 302 else response.content.decode()
    assert "Testprodukt" in page
    assert stock_of(item) == (3, 0)


def test_a_changed_price_is_shown_and_the_order_waits_for_confirmation(client):
    item = product("10.00")
    add(client, item, 1)
    total = checkout_with_delivery(client).context["order_total"].incl_tax
    item.stockrecords.update(price=Decimal("12.00"))
    response = place(client, total)
    assert response.status_code == 200
    html = response.content.decode()
    assert "hat sich von 11,90" in html and "14,28" in html
    assert_nothing_written(item)
    # Confirming the new total (14.28 + 4.90 shipping) places the order at the new price.
    response = place(client, "19.18")
    assert response.status_code == 302
    assert shopper_orders().get().total_incl_tax == Decimal("19.18")


def test_a_tampered_total_or_shipping_price_places_no_order(client):
    item = product("10.00")
    add(client, item, 1)
    checkout_with_delivery(client)
    response = client.post(
        "/de/shop/checkout/preview/",
        {"action": "place_order", "order_total": "11.90", "shipping_charge": "0.00", "shipping_method": "free"},
    )
    assert response.status_code == 200
    assert "Die Summe hat sich geändert" in response.content.decode()
    assert_nothing_written(item)


def test_the_order_button_pressed_twice_gives_one_order(client):
    item = product("10.00")
    add(client, item, 1)
    total = checkout_with_delivery(client).context["order_total"].incl_tax
    first = place(client, total)
    second = place(client, total)
    assert first.url.endswith("/thank-you/")
    assert second.status_code == 302 and not second.url.endswith("/thank-you/")
    assert shopper_orders().count() == 1
    assert stock_of(item) == (10, 1)


@pytest.mark.parametrize("missing", ["last_name", "line1", "postcode", "line4"])
def test_an_address_with_a_missing_field_is_refused_on_the_page(client, missing):
    item = product()
    add(client, item, 1)
    start_as_guest(client)
    response = deliver_to(client, {**ADDRESS, missing: ""})
    assert response.status_code == 200
    html = response.content.decode()
    # The field is marked invalid and points to its error message (Oscar's form_field partial).
    assert f'aria-describedby="id_{missing}_error"' in html and 'aria-invalid="true"' in html
    assert preview(client).status_code == 302  # no way to the last step without an address
    assert_nothing_written(item)


def test_sold_out_by_a_concurrent_buyer_shows_a_message(client, monkeypatch):
    """The stock helper's allocate raises InvalidStockAdjustment when another buyer took the units."""
    from oscar.apps.partner.exceptions import InvalidStockAdjustment

    item = product()
    add(client, item, 1)
    total = checkout_with_delivery(client).context["order_total"].incl_tax
    StockRecord = get_model("partner", "StockRecord")

    def taken(self, quantity):
        raise InvalidStockAdjustment("sold out")

    monkeypatch.setattr(StockRecord, "allocate", taken)
    response = place(client, total)
    assert response.status_code == 200
    assert "soeben ausverkauft" in response.content.decode()
    assert_nothing_written(item)
