"""The order status pipeline: each allowed transition with its events and stock, and the forbidden ones."""

import pytest
from django.core import mail
from django.urls import reverse
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_class, get_model

from tests.shop.checkout_helpers import (
    add,
    checkout_with_delivery,
    pay_by,
    pick_up,
    place,
    preview,
    product,
    shopper_orders,
    start_as_guest,
)

Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")
EventHandler = get_class("order.processing", "EventHandler")

pytestmark = pytest.mark.django_db


def delivery_order(client, quantity=2):
    item = product("10.00")
    add(client, item, quantity)
    checkout_with_delivery(client)
    place(client)
    return shopper_orders().get(), item.stockrecords.first()


def pickup_order(client):
    item = product("10.00")
    add(client, item, 1)
    start_as_guest(client)
    pick_up(client, f"pickup-{Partner.objects.get(name='Sozialwerkstatt im Depot').pk}")
    pay_by(client, "pay-on-pickup")
    preview(client)
    place(client)
    return shopper_orders().get(), item.stockrecords.first()


def move(order, status):
    EventHandler().handle_order_status_change(order, status)
    order.refresh_from_db()


def test_prepaid_delivery_goes_paid_fulfilment_shipped_completed(client):
    order, record = delivery_order(client)
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (10, 2)
    move(order, "Paid")
    assert order.payment_events.get().amount == order.total_incl_tax
    move(order, "In fulfilment")
    move(order, "Shipped")
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (8, 0)  # the goods left the shelf
    assert order.shipping_events.get().event_type.name == "Shipped"
    move(order, "Completed")
    assert list(order.status_changes.order_by("pk").values_list("new_status", flat=True)) == [
        "Paid", "In fulfilment", "Shipped", "Completed"]


def test_pick_up_paid_at_the_counter(client):
    order, record = pickup_order(client)
    move(order, "In fulfilment")
    move(order, "Ready for pick-up")
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (9, 0)
    move(order, "Completed")


def test_cancelling_releases_the_allocation(client):
    order, record = delivery_order(client)
    move(order, "Cancelled")
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (10, 0)


@pytest.mark.parametrize(
    ("path", "forbidden"),
    [
        ([], "In fulfilment"),              # prepaid: not before the money arrived
        ([], "Shipped"),
        ([], "Completed"),
        (["Paid", "In fulfilment"], "Ready for pick-up"),   # a parcel is not picked up
        (["Paid", "In fulfilment", "Shipped"], "Cancelled"),
        (["Cancelled"], "Paid"),
    ],
)
def test_forbidden_transitions_change_nothing(client, path, forbidden):
    order, record = delivery_order(client)
    for status in path:
        move(order, status)
    before = (order.status, order.status_changes.count(), order.payment_events.count())
    with pytest.raises(InvalidOrderStatus):
        move(order, forbidden)
    order.refresh_from_db()
    assert (order.status, order.status_changes.count(), order.payment_events.count()) == before


def test_pick_up_order_is_never_shipped(client):
    order, _record = pickup_order(client)
    move(order, "In fulfilment")
    with pytest.raises(InvalidOrderStatus):
        move(order, "Shipped")


def test_shop_staff_marks_an_order_paid_in_the_dashboard(client, demo_user):
    order, _record = delivery_order(client)
    client.force_login(demo_user("shop@example.org"))
    response = client.post(
        f"/de/shop/dashboard/orders/{order.number}/",
        {"order_action": "change_order_status", "new_status": "Paid"},
    )
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == "Paid"
    assert order.payment_events.get().event_type.name == "Paid"


def test_the_withdrawal_button_works_for_guests_and_confirms_by_email(client, django_capture_on_commit_callbacks):
    order, _record = delivery_order(client)
    url = f"/de/shop/withdrawal/{order.number}/{order.verification_hash()}/"
    keys = {"order_number": order.number, "hash": order.verification_hash()}
    client.post(reverse("customer:anon-order-form", kwargs=keys), {"email": "gast@example.org"})
    status_page = reverse("customer:anon-order", kwargs=keys)
    assert "Vertrag widerrufen" in client.get(status_page).content.decode()
    page = client.get(url).content.decode()
    assert "Widerruf bestätigen" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the confirmation is sent after the commit
        response = client.post(url, {"name": "Erika Beispiel", "email": "gast@example.org"})
    assert "Widerruf eingegangen" in response.content.decode()
    assert order.notes.get().note_type == "Withdrawal"
    assert mail.outbox[0].to == ["gast@example.org"] and order.number in mail.outbox[0].subject
    assert client.get(f"/de/shop/withdrawal/{order.number}/wrong-hash/").status_code == 404
    assert client.get(f"/de/shop/withdrawal/{order.number}/").status_code == 404  # not signed in
