"""Demo for the checkout: shipping countries, pick-up at the Depot, bank details for prepayment."""

from django.db import transaction
from oscar.core.loading import get_model

from home.models import PaymentSettings, SiteSettings
from shop.shipping.repository import EU_COUNTRIES

from . import content

Country = get_model("address", "Country")
Partner = get_model("partner", "Partner")

COUNTRY_NAMES = {
    "DE": "Deutschland", "NL": "Niederlande", "BE": "Belgien", "LU": "Luxemburg", "FR": "Frankreich",
    "AT": "Österreich",
}


@transaction.atomic
def load_shop_settings():
    """Shipping countries, pick-up at the Depot and the bank details: needed before the outlets get addresses."""
    codes = ["DE", *sorted(EU_COUNTRIES)]
    Country.objects.bulk_create(
        [Country(iso_3166_1_a2=code, name=COUNTRY_NAMES.get(code, code), printable_name=COUNTRY_NAMES.get(code, code),
                 is_shipping_country=True, display_order=10 if code == "DE" else 0) for code in codes],
        ignore_conflicts=True,
    )
    Partner.objects.filter(name=content.PARTNER_NAME, allows_pickup=False).update(allows_pickup=True)
    for site_settings in SiteSettings.objects.select_related("site"):
        payment_settings = PaymentSettings.for_site(site_settings.site)
        if not payment_settings.iban:
            for field, value in content.BANK_DETAILS.items():
                setattr(payment_settings, field, value)
            payment_settings.save()


# (number, status, shipping: "dhl-de" or "pickup", payment method code, quantity)
PAST_ORDERS = [
    ("DEMO-1001", "Pending payment", "dhl-de", "bank-transfer", 1),
    ("DEMO-1002", "Paid", "dhl-de", "bank-transfer", 2),
    ("DEMO-1003", "Shipped", "dhl-de", "bank-transfer", 1),
    ("DEMO-1004", "Ready for pick-up", "pickup", "pay-on-pickup", 1),
]


@transaction.atomic
def load_past_orders():
    """A few fictional past orders in several statuses, written directly: the demo stock stays as it is."""
    from shop import vat
    from shop.checkout.payment_methods import payment_reference
    from shop.invoicing.services import issue_invoice
    from shop.partner.strategy import Selector

    Order = get_model("order", "Order")
    Line = get_model("order", "Line")
    Source = get_model("payment", "Source")
    SourceType = get_model("payment", "SourceType")
    Product = get_model("catalogue", "Product")
    if Order.objects.filter(number__startswith="DEMO-").exists():
        return
    product = Product.objects.filter(stockrecords__isnull=False).order_by("pk").first()
    depot = Partner.objects.filter(name=content.PARTNER_NAME).first()
    if product is None or depot is None:
        return
    price = Selector().strategy().fetch_for_product(product).price
    for number, status, shipping, payment, quantity in PAST_ORDERS:
        shipping_gross = vat.cents("4.90") if shipping == "dhl-de" else vat.cents(0)
        shipping_net = vat.cents(shipping_gross / (1 + vat.rate_for(product)))
        order = Order.objects.create(
            number=number, status=status, currency="EUR", guest_email=f"kundin-{number.lower()}@example.org",
            total_incl_tax=price.incl_tax * quantity + shipping_gross,
            total_excl_tax=price.excl_tax * quantity + shipping_net,
            shipping_incl_tax=shipping_gross, shipping_excl_tax=shipping_net,
            shipping_method="DHL-Paket innerhalb Deutschlands" if shipping == "dhl-de" else f"Abholung: {depot.name}",
            shipping_code=shipping if shipping == "dhl-de" else f"pickup-{depot.pk}",
        )
        record = product.stockrecords.first()
        Line.objects.create(
            order=order, partner=depot, partner_name=depot.name, partner_sku=record.partner_sku, stockrecord=record,
            product=product, title=product.get_title(), upc=product.upc, quantity=quantity, num_allocated=0,
            line_price_incl_tax=price.incl_tax * quantity, line_price_excl_tax=price.excl_tax * quantity,
            line_price_before_discounts_incl_tax=price.incl_tax * quantity,
            line_price_before_discounts_excl_tax=price.excl_tax * quantity,
            unit_price_incl_tax=price.incl_tax, unit_price_excl_tax=price.excl_tax, tax_code=price.tax_code,
        )
        source_type, _created = SourceType.objects.get_or_create(code=payment, defaults={"name": payment})
        Source.objects.create(order=order, source_type=source_type, amount_allocated=order.total_incl_tax,
                              reference=payment_reference(number))
        if status == "Shipped":  # invoices are issued when the goods leave (shop.invoicing)
            issue_invoice(order)
