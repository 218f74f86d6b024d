"""Sales rows as the royalty run reads them: paid online order lines, refunds and outlet sales."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

Order = get_model("order", "Order")
Line = get_model("order", "Line")
PaymentEventType = get_model("order", "PaymentEventType")
OutletSale = get_model("partner", "OutletSale")
OutletSalesImport = get_model("partner", "OutletSalesImport")

_numbers = itertools.count(1)


def at(day, hour=12):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_current_timezone())


def online_sale(product, units, net, paid_on, gross=None):
    """A paid shop order with one line of `units` of `product` for `net` (EUR, excl. VAT, after discounts)."""
    net = Decimal(net)
    gross = Decimal(gross) if gross is not None else (net * Decimal("1.19")).quantize(Decimal("0.01"))
    number = f"TEST-R-{next(_numbers):05d}"
    order = Order.objects.create(
        number=number, currency="EUR", guest_email=f"{number.lower()}@example.org", status="Paid",
        total_incl_tax=gross, total_excl_tax=net, paid_at=at(paid_on) if paid_on else None,
    )
    return Line.objects.create(
        order=order, partner_name="Depot", partner_sku=product.upc or "", product=product, title=product.get_title(),
        upc=product.upc, quantity=units, num_allocated=0, line_price_incl_tax=gross, line_price_excl_tax=net,
        line_price_before_discounts_incl_tax=gross, line_price_before_discounts_excl_tax=net,
        unit_price_incl_tax=gross / units, unit_price_excl_tax=net / units, tax_code="19",
    )


def refund(line, units, on_day):
    """A return of `units` of the line, as Oscar's dashboard records it: a "Refunded" payment event."""
    event_type, _ = PaymentEventType.objects.get_or_create(name="Refunded")
    event = line.order.payment_events.create(event_type=event_type, amount=Decimal("0.00"))
    event.line_quantities.create(line=line, quantity=units)
    type(event).objects.filter(pk=event.pk).update(date_created=at(on_day))
    return event


def outlet_sale(outlet, product, day, units, net):
    sales_import = OutletSalesImport.objects.create(
        partner=outlet, file_name="test.csv", content_hash=f"test-{next(_numbers)}", status="accepted",
        rows_total=1, rows_processed=1,
    )
    net = Decimal(net)
    return OutletSale.objects.create(
        partner=outlet, product=product, date=day, units=units, net_revenue=net, vat_rate=Decimal("19.00"),
        gross_unit_price=(net * Decimal("1.19") / units).quantize(Decimal("0.01")), sales_import=sales_import,
    )
