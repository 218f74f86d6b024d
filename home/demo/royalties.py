"""Demo royalties: a year of fictional online and outlet sales up to today, and the royalty statements of the
past quarters in it (older ones paid, the latest one issued and awaiting payout, the running quarter open).

Everything is dated relative to today, so the demo stays current whenever it is loaded. The sales are history:
they are written directly, without stock movements, so the stock levels and the stock ledger stay as they are.
"""

import datetime
import hashlib
import random
from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.db.models import Case, DateTimeField, Max, Value, When
from django.utils import timezone
from oscar.core.loading import get_model

from core.models import OutgoingEmail
from products.licensing import periods, royalty_run, statements
from products.licensing.models import Licence, RoyaltyRun, Statement
from products.licensing.sales import REFUNDED
from products.licensing.statement_documents import render_statement_pdf
from shop import vat

from . import content
from .stock import MUSEUM_SHOP, POPUP_STOLBERG

Order = get_model("order", "Order")
Line = get_model("order", "Line")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
OutletSale = get_model("partner", "OutletSale")
OutletSalesImport = get_model("partner", "OutletSalesImport")

PREFIX = "DEMO-R-"
SEED = 2026
DAYS = 365
ORDERS = 260
RETURN_SHARE = 0.05
# home/demo/stock.py already reports the outlets' sales of the last 60 days; this history ends before them.
OUTLET_HISTORY_ENDS_DAYS_AGO = 61
POPUP_OPENED_DAYS_AGO = 170

# How often a design sells, relative to the others, by its designer (content.PRODUCTS "designer").
# Tom's furniture sells rarely: his licence MIAN-L-2024-05 (15 € per unit) is still recouping its 1,000 € advance.
POPULARITY = {"dana": 12, "jonas": 5, "mira": 4, "yuki": 4, "tom": 0.25}
# Outlet rows (one per product and sales day, as the outlets report them) per month and popularity point; their units.
OUTLET_ROWS = 0.25
OUTLET_UNITS = [1, 1, 1, 2, 2, 3]
ORDER_QUANTITY = [1, 1, 1, 1, 2, 2, 3]


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _licensed_records(today):
    """Workshop stock records (a variant's or a standalone product's) of designs licensed today."""
    workshop = Partner.objects.filter(name=content.PARTNER_NAME).first()
    licensed = set(
        Licence.objects.filter(start_date__lte=today - datetime.timedelta(days=DAYS), end_date__gte=today)
        .values_list("products", flat=True)
    )
    designer_of = {spec["upc"]: spec["designer"] for spec in content.PRODUCTS}
    records = []
    for record in (StockRecord.objects.filter(partner=workshop, price__isnull=False)
                   .select_related("product__parent").order_by("product__upc")):
        root = record.product.parent or record.product
        if root.pk in licensed and root.upc in designer_of:
            record.rate = vat.rate_for(record.product)
            record.root = root.pk
            record.popularity = POPULARITY[designer_of[root.upc]]
            record.rare = record.popularity < 1
            records.append(record)
    # A design sells as often as its designer's others, however many sizes or colours it comes in.
    variants = defaultdict(int)
    for record in records:
        variants[record.root] += 1
    for record in records:
        record.weight = record.popularity / variants[record.root]
    return workshop, records


def _online_orders(rng, today, workshop, records):
    """Paid, completed orders of guests, spread over the year, and a few returns."""
    weights = [record.weight for record in records]
    orders, lines_of = [], []
    for number in range(1, ORDERS + 1):
        day = today - datetime.timedelta(days=rng.randint(2, DAYS))
        placed = _at(day, rng.randint(8, 21), rng.randint(0, 59))
        paid = min(placed + datetime.timedelta(days=rng.choice([0, 1, 1, 2, 3]), hours=2),
                   _at(today - datetime.timedelta(days=1), 12))
        picked = {record.pk: record for record in rng.choices(records, weights, k=rng.choice([1, 1, 1, 2, 2, 3]))}
        lines = []
        for record in picked.values():
            quantity = 1 if record.rare else rng.choice(ORDER_QUANTITY)
            unit_net = record.price
            unit_gross = unit_net + vat.tax_on(unit_net, record.rate)
            lines.append((record, quantity, unit_net, unit_gross))
        goods_gross = sum(gross * quantity for _record, quantity, _net, gross in lines)
        shipping_gross = Decimal("0.00") if goods_gross >= 60 else Decimal("4.90")
        shipping_net = vat.net_from_gross(shipping_gross, vat.STANDARD_RATE)
        order_number = f"{PREFIX}{number:04d}"
        orders.append(Order(
            number=order_number, status="Completed", currency="EUR", guest_email=f"kunde-{number:04d}@example.org",
            total_incl_tax=goods_gross + shipping_gross,
            total_excl_tax=sum(net * quantity for _record, quantity, net, _gross in lines) + shipping_net,
            shipping_incl_tax=shipping_gross, shipping_excl_tax=shipping_net,
            shipping_method="DHL-Paket innerhalb Deutschlands", shipping_code="dhl-de",
            date_placed=placed, paid_at=paid,
        ))
        lines_of.append(lines)
    Order.objects.bulk_create(orders)
    order_lines = []
    for order, lines in zip(orders, lines_of, strict=True):
        for record, quantity, unit_net, unit_gross in lines:
            product = record.product
            order_lines.append(Line(
                order=order, partner=workshop, partner_name=workshop.name, partner_sku=record.partner_sku,
                stockrecord=record, product=product, title=product.get_title(), upc=product.upc, quantity=quantity,
                num_allocated=0, line_price_incl_tax=unit_gross * quantity, line_price_excl_tax=unit_net * quantity,
                line_price_before_discounts_incl_tax=unit_gross * quantity,
                line_price_before_discounts_excl_tax=unit_net * quantity,
                unit_price_incl_tax=unit_gross, unit_price_excl_tax=unit_net, tax_code=vat.tax_code(record.rate),
            ))
    Line.objects.bulk_create(order_lines)
    return orders, order_lines


def _payment_events(rng, today, orders, order_lines):
    """A "Paid" event per order on its payment day, and "Refunded" events (with their line quantities) for the
    returns, which count as negative units on the day of the refund."""
    paid_type, _ = PaymentEventType.objects.get_or_create(name="Paid")
    refunded_type, _ = PaymentEventType.objects.get_or_create(name=REFUNDED)
    events = [PaymentEvent(order=order, amount=order.total_incl_tax, reference=f"MIAN-{order.number}",
                           event_type=paid_type) for order in orders]
    dates = [order.paid_at for order in orders]
    returned = []
    latest_refund = _at(today - datetime.timedelta(days=1), 15)
    for line in order_lines:
        if rng.random() >= RETURN_SHARE or line.order.paid_at + datetime.timedelta(days=5) > latest_refund:
            continue
        quantity = rng.randint(1, line.quantity)
        refunded = min(line.order.paid_at + datetime.timedelta(days=rng.randint(5, 20)), latest_refund)
        events.append(PaymentEvent(order=line.order, amount=line.unit_price_incl_tax * quantity,
                                   reference=f"Retoure {line.order.number}", event_type=refunded_type))
        dates.append(refunded)
        returned.append((events[-1], line, quantity))
    PaymentEvent.objects.bulk_create(events)
    # date_created is auto_now_add: the history's dates are written afterwards, in a few updates.
    for start in range(0, len(events), 200):
        chunk = list(zip(events[start:start + 200], dates[start:start + 200], strict=True))
        PaymentEvent.objects.filter(pk__in=[event.pk for event, _day in chunk]).update(date_created=Case(
            *[When(pk=event.pk, then=Value(day)) for event, day in chunk], output_field=DateTimeField()))
    PaymentEventQuantity.objects.bulk_create(
        PaymentEventQuantity(event=event, line=line, quantity=quantity) for event, line, quantity in returned)
    return len(returned)


def _outlet_sales(rng, today, records):
    """The outlets' monthly sales reports (one accepted import per outlet and month) before stock.py's."""
    outlets = {partner.name: partner for partner in Partner.objects.filter(name__in=[MUSEUM_SHOP, POPUP_STOLBERG])}
    last_day = today - datetime.timedelta(days=OUTLET_HISTORY_ENDS_DAYS_AGO)
    spans = [(outlets.get(MUSEUM_SHOP), today - datetime.timedelta(days=DAYS), 1.0),
             (outlets.get(POPUP_STOLBERG), today - datetime.timedelta(days=POPUP_OPENED_DAYS_AGO), 0.5)]
    imports, sales, import_rows = [], [], defaultdict(int)
    for partner, first_day, activity in spans:
        if partner is None:
            continue
        month = periods.month_start(first_day)
        while month <= last_day:
            days = [day for day in (month + datetime.timedelta(days=n) for n in range(31))
                    if day.month == month.month and first_day <= day <= last_day]
            month_start, month = month, periods.next_month(month)
            if not days:
                continue
            sales_import = OutletSalesImport(
                partner=partner, file_name=f"verkaeufe-{month_start:%Y-%m}.csv",
                status=OutletSalesImport.Status.ACCEPTED,
                content_hash=hashlib.sha256(f"demo-royalties {partner.name} {month_start:%Y-%m}".encode()).hexdigest(),
                created_at=_at(min(periods.month_end(month_start) + datetime.timedelta(days=3), today), 18),
            )
            imports.append(sales_import)
            for record in records:
                # Reported sales days per month; the rare (expensive) designs sell at most once a month per outlet.
                expected = 0.12 if record.rare else OUTLET_ROWS * record.weight * activity * len(days) / 31
                for _row in range(int(expected) + (rng.random() < expected % 1)):
                    units = 1 if record.rare else rng.choice(OUTLET_UNITS)
                    gross = record.price + vat.tax_on(record.price, record.rate)
                    sales.append(OutletSale(
                        partner=partner, product=record.product, date=rng.choice(days), units=units,
                        gross_unit_price=gross, vat_rate=record.rate,
                        net_revenue=vat.net_from_gross(gross * units, record.rate), sales_import=sales_import))
                    import_rows[id(sales_import)] += 1
    for sales_import in imports:
        sales_import.rows_total = sales_import.rows_processed = import_rows[id(sales_import)]
    OutletSalesImport.objects.bulk_create(imports)
    OutletSale.objects.bulk_create(sales)
    return len(sales)


def settled_quarters(today):
    """The quarters that ended inside the demo's year of sales, oldest first."""
    first_day = today - datetime.timedelta(days=DAYS)
    quarters, quarter = [], periods.previous_quarter(today)
    while quarter.start >= first_day:
        quarters.insert(0, quarter)
        quarter = periods.previous_quarter(quarter.start)
    return quarters


def _statements(today, finance):
    """Run, issue and pay the statements quarter by quarter, as Finance would have done; the latest quarter is
    issued and waits for its payout."""
    quarters = settled_quarters(today)
    issued = 0
    for index, quarter in enumerate(quarters):
        result = royalty_run.run_royalties(quarter, user=finance)
        latest = index == len(quarters) - 1
        issued_on = min(quarter.end + datetime.timedelta(days=8), today)
        paid_on = min(issued_on + datetime.timedelta(days=6), today)
        RoyaltyRun.objects.filter(pk=result.run.pk).update(started_at=min(_at(issued_on, 9), timezone.now()))
        for draft in result.statements:
            statement = statements.issue_statement(draft.pk, user=finance)
            issued += 1
            # Issued back then: the date printed on the credit note and the payout date must fit the history.
            statement.issued_at = min(_at(issued_on, 10), timezone.now())
            statement.pdf = render_statement_pdf(statement)
            statement.save(update_fields=["issued_at", "pdf"])
            if not latest:
                reference = (f"Überweisung {paid_on:%d.%m.%Y} {statement.number}" if statement.payout_amount > 0
                             else "")
                statements.mark_paid(statement.pk, paid_on, reference)
    return quarters, issued


def load():
    """Idempotent: the demo's sales exist once (by their order numbers); statements come with them."""
    if Order.objects.filter(number__startswith=PREFIX).exists():
        return None
    from django.contrib.auth import get_user_model

    today = timezone.localdate()
    rng = random.Random(SEED)  # noqa: S311  (demo data, not security)
    finance = get_user_model().objects.filter(email="finance@example.org").first()
    # The designers' notification e-mails of this made-up history would only flood the console: the demo
    # drops them from the outbox before its transaction commits, so none is ever sent.
    queued_before = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    with transaction.atomic():
        workshop, records = _licensed_records(today)
        if workshop is None or not records:
            return None
        orders, order_lines = _online_orders(rng, today, workshop, records)
        returns = _payment_events(rng, today, orders, order_lines)
        outlet_rows = _outlet_sales(rng, today, records)
        quarters, issued = _statements(today, finance)
        OutgoingEmail.objects.filter(pk__gt=queued_before).delete()
    return {"orders": len(orders), "lines": len(order_lines), "returns": returns, "outlet_rows": outlet_rows,
            "quarters": [quarter.label for quarter in quarters], "statements": issued,
            "paid": Statement.objects.filter(status=Statement.Status.PAID).count()}
