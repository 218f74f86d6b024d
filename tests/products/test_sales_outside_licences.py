"""Finance sees products sold on days no licence covered them."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from products.licensing.services import sales_outside_licences
from tests.factories import LicenceFactory, ProductFactory, create_parent_with_variants

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
BERLIN = ZoneInfo("Europe/Berlin")


def sell(product, day, quantity=1):
    from oscar.apps.partner.strategy import Default

    basket = Basket.objects.create()
    basket.strategy = Default()
    basket.add_product(product, quantity)
    order = create_order(basket=basket)
    order.date_placed = datetime.datetime.combine(day, datetime.time(12, 0), tzinfo=BERLIN)
    order.save()
    return order


def test_sales_inside_a_licence_are_not_reported():
    product = ProductFactory()
    LicenceFactory(products=[product], start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2025, 12, 31))
    sell(product, datetime.date(2025, 6, 1))
    assert [row for row in sales_outside_licences() if row["product_id"] == product.pk] == []


def test_sales_before_after_and_without_a_licence_are_reported_per_product():
    licensed = ProductFactory(title="Abgelaufen")
    LicenceFactory(products=[licensed], start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2025, 6, 30))
    sell(licensed, datetime.date(2025, 7, 1), quantity=2)  # the day after the licence ended
    sell(licensed, datetime.date(2024, 12, 31))
    unlicensed = ProductFactory(title="Ohne Lizenz")
    sell(unlicensed, datetime.date(2025, 3, 1))
    rows = {row["product_id"]: row for row in sales_outside_licences()}
    assert rows[licensed.pk]["units"] == 3 and rows[licensed.pk]["lines"] == 2
    assert rows[unlicensed.pk]["title"] == "Ohne Lizenz"


def test_a_variant_is_covered_by_its_parents_licence():
    parent = create_parent_with_variants(2)
    LicenceFactory(products=[parent], start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2025, 12, 31))
    child = parent.children.first()
    sell(child, datetime.date(2025, 5, 5))
    sell(child, datetime.date(2026, 5, 5))
    rows = [row for row in sales_outside_licences() if row["product_id"] == child.pk]
    assert len(rows) == 1 and rows[0]["units"] == 1


def test_finance_sees_the_warning_list(client, demo_user):
    product = ProductFactory(title="Warnprodukt")
    sell(product, datetime.date(2025, 3, 1))
    client.force_login(demo_user("finance@example.org"))
    html = client.get(reverse("licensing_sales_outside_licences")).content.decode()
    assert "Warnprodukt" in html
    assert Decimal("1") == next(r["units"] for r in sales_outside_licences() if r["product_id"] == product.pk)
