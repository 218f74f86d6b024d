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


def pick_up(client, code):
    return client.post("/de/shop/checkout/shipping-address/", {"pickup": "1", "method_code": code})


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
