"""Walk Oscar's checkout with Django's test client (guest, German)."""

from decimal import Decimal

from oscar.core.loading import get_model

from tests.factories import ProductFactory, set_tax_class

Order = get_model("order", "Order")

ADDRESS = {
    "first_name": "Erika", "last_name": "Beispiel", "line1": "Musterstraße 1", "line4": "Aachen",
    "postcode": "52062", "country": "DE", "phone_number": "",
}


def product(price="10.00", tax_class="standard"):
    return set_tax_class(ProductFactory(stock=Decimal(price)), tax_class)


def add(client, item, quantity=1):
    record = item.stockrecords.first()
    return client.post(f"/de/shop/basket/add/{item.pk}/", {"quantity": quantity, "stockrecord_id": record.pk})


def start_as_guest(client, email="gast@example.org"):
    return client.post("/de/shop/checkout/", {"username": email, "options": "anonymous"})


def deliver_to(client, address=None, **changes):
    return client.post("/de/shop/checkout/shipping-address/", {**(address or ADDRESS), **changes})


PICKUP_BUYER = {"first_name": "Erika", "last_name": "Beispiel"}


def pick_up(client, code, buyer=None):
    """Choose pick-up at `code`, in the name (and, above 250 €, at the address) of `buyer`."""
    data = {"pickup": "1", "method_code": code, **(PICKUP_BUYER if buyer is None else buyer)}
    return client.post("/de/shop/checkout/shipping-address/", data)


def pay_by(client, code):
    return client.post("/de/shop/checkout/payment-method/", {"method_code": code})


def preview(client):
    return client.get("/de/shop/checkout/preview/")


def place(client, total=None):
    if total is None:
        total = preview(client).context["order_total"].incl_tax
    return client.post("/de/shop/checkout/preview/", {"action": "place_order", "order_total": str(total)})


def checkout_with_delivery(client, payment="bank-transfer"):
    start_as_guest(client)
    deliver_to(client)
    client.get("/de/shop/checkout/shipping-method/")
    pay_by(client, payment)
    return preview(client)


def shopper_orders():
    """Orders placed by the test (the demo content has a few past orders, numbered DEMO-…)."""
    return Order.objects.exclude(number__startswith="DEMO-")


def move_order(order, *new_statuses):
    """Shop staff changes the order's status, step by step, as the dashboard does (shop.order.processing)."""
    from shop.order.processing import EventHandler

    for status in new_statuses:
        EventHandler().handle_order_status_change(order, status)
    order.refresh_from_db()
    return order


def ship(order):
    """A prepaid parcel order: paid, fulfilled and shipped (the goods leave: the invoice is issued)."""
    return move_order(order, "Paid", "In fulfilment", "Shipped")


def hand_over(order):
    """A pick-up order paid at the counter: fulfilled, ready, and handed over (completed)."""
    return move_order(order, "In fulfilment", "Ready for pick-up", "Completed")
