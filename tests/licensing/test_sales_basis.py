"""The sales basis from real shop orders: an order counts when it is paid, a cancellation or return takes it back."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_class

from products.licensing.sales import ONLINE, outlet_channel, sales_basis
from tests.factories import OutletFactory, ProductFactory
from tests.licensing.sales_helpers import online_sale, outlet_sale, refund
from tests.shop.test_orders import delivery_order, move, pickup_order

EventHandler = get_class("order.processing", "EventHandler")

pytestmark = pytest.mark.django_db


def todays_basis(product):
    today = timezone.localdate()
    return [(row.channel, row.units, row.net_revenue) for row in sales_basis(today, today, [product.pk])]


def test_a_placed_order_counts_only_once_it_is_paid(client):
    order, record = delivery_order(client, quantity=2)
    product = record.product
    assert todays_basis(product) == []

    move(order, "Paid")

    assert order.paid_at is not None
    assert todays_basis(product) == [(ONLINE, 2, order.lines.get().line_price_excl_tax)]


def test_pay_on_pickup_counts_when_the_order_is_completed_at_the_counter(client):
    order, record = pickup_order(client)
    move(order, "In fulfilment")
    move(order, "Ready for pick-up")
    assert todays_basis(record.product) == []

    move(order, "Completed")

    assert order.payment_events.get().event_type.name == "Paid"
    assert todays_basis(record.product)[0][1] == 1


def test_cancelling_a_paid_order_takes_the_sale_back(client):
    order, record = delivery_order(client, quantity=2)
    move(order, "Paid")
    move(order, "Cancelled")

    assert order.payment_events.filter(event_type__name="Refunded").count() == 1
    assert todays_basis(record.product) == []  # +2 and -2 on the same day


def test_cancelling_an_unpaid_order_never_counted():
    product = ProductFactory()
    online_sale(product, 1, "10.00", None)
    assert todays_basis(product) == []


def test_outlets_are_channels_of_their_own_and_returns_are_valued_at_the_lines_net_price():
    product = ProductFactory()
    outlet = OutletFactory()
    day = datetime.date(2024, 5, 2)
    line = online_sale(product, 3, "29.97", day)  # a discounted line: 9.99 net per unit
    refund(line, 1, day)
    outlet_sale(outlet, product, day, 2, "16.80")

    rows = {row.channel: (row.units, row.net_revenue) for row in sales_basis(day, day, [product.pk])}

    assert rows == {ONLINE: (2, Decimal("19.98")), outlet_channel(outlet.pk): (2, Decimal("16.80"))}


def test_the_period_bounds_are_whole_days_in_berlin_time():
    product = ProductFactory()
    line = online_sale(product, 1, "10.00", datetime.date(2024, 4, 1))
    # 00:30 on 1 April in Berlin is still 31 March in UTC: the sale belongs to April, the shop's day.
    line.order.paid_at = datetime.datetime(2024, 4, 1, 0, 30, tzinfo=timezone.get_current_timezone())
    line.order.save()

    assert sales_basis(datetime.date(2024, 3, 1), datetime.date(2024, 3, 31), [product.pk]) == []
    april = sales_basis(datetime.date(2024, 4, 1), datetime.date(2024, 4, 30), [product.pk])
    assert [row.units for row in april] == [1]
