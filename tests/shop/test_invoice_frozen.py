"""An issued invoice is frozen: the seller's data is copied onto it at issue and its PDF is stored; later changes
to the site or payment settings never alter it."""

import pytest
from wagtail.models import Site

from home.models import PaymentSettings, SiteSettings
from tests.shop.checkout_helpers import add, checkout_with_delivery, place, product, ship, shopper_orders
from tests.shop.test_invoice import pdf_text

pytestmark = pytest.mark.django_db


def change_seller(street, iban):
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.filter(site=site).update(street=street)
    bank = PaymentSettings.for_site(site)
    bank.iban = iban
    bank.save()


def download(client, order):
    response = client.get(f"/de/shop/invoice/{order.number}/{order.verification_hash()}/")
    assert response.status_code == 200
    return response.content


def test_the_invoice_keeps_the_seller_s_address_and_bank_of_its_issue(client):
    add(client, product("10.00"), 1)
    checkout_with_delivery(client)
    place(client)
    change_seller("Altstraße 1", "DE11 1111 1111 1111 1111 11")
    order = ship(shopper_orders().get())

    # Changed after the issue, before the PDF was ever rendered (its mail not sent yet): the snapshot holds.
    change_seller("Neue Straße 99", "DE99 9999 9999 9999 9999 99")
    first = download(client, order)
    text = " ".join(pdf_text(first).split())
    assert "Altstraße 1" in text and "DE11 1111 1111 1111 1111 11" in text
    assert "Neue Straße 99" not in text and "DE99 9999" not in text

    # Changed again after the first download: the same document, byte for byte.
    change_seller("Dritte Straße 3", "DE33 3333 3333 3333 3333 33")
    assert download(client, order) == first
    assert order.invoice.seller["street"] == "Altstraße 1" and order.invoice.seller["iban"].startswith("DE11")
