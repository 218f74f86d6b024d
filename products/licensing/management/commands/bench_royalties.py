"""Time the royalty run on generated sales (`manage.py bench_royalties`), then roll everything back.

Generates N designers with licences (percentage and per unit, some advances and minimum guarantees), ~10
products each, five outlets and `--lines` sales lines in the previous quarter (60 % online order lines on
orders of four lines with paid_at set, 40 % outlet sales lines, 1 % of the orders refunded), then runs
run_royalties for that quarter twice: the first run writes the drafts, the second finds them unchanged.
Existing statements are deleted first inside the same transaction, so the run starts from a clean slate.
"""

import datetime
import hashlib
import random
import time
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from oscar.core.loading import get_model

from products.designers.models import Designer
from products.licensing import periods
from products.licensing.models import Licence, RoyaltyAdjustment, Statement
from products.licensing.royalty_run import run_royalties
from shop.vat import cents

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
Partner = get_model("partner", "Partner")
Order = get_model("order", "Order")
Line = get_model("order", "Line")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
OutletSale = get_model("partner", "OutletSale")
OutletSalesImport = get_model("partner", "OutletSalesImport")

BATCH = 5000
LINES_PER_ORDER = 4
ONLINE_SHARE = 0.6
REFUND_SHARE = 0.01
SQLITE_LIMIT = 20_000
VAT = Decimal("0.19")


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Benchmark the royalty run on generated sales of one quarter (PostgreSQL); changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--lines", type=int, default=1_000_000, help="sales lines (online and outlet)")
        parser.add_argument("--designers", type=int, default=50)
        parser.add_argument("--products-per-designer", type=int, default=10)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, lines, designers, products_per_designer, seed, **options):
        if connection.vendor != "postgresql" and lines > SQLITE_LIMIT:
            raise CommandError(
                f"bench_royalties measures PostgreSQL: set DATABASE_URL=postgres://… (on {connection.vendor}, "
                f"--lines is limited to {SQLITE_LIMIT:,} for a smoke run)."
            )
        if lines < 10 or designers < 1 or products_per_designer < 1:
            raise CommandError("--lines must be at least 10, --designers and --products-per-designer at least 1.")
        self.rng = random.Random(seed)  # noqa: S311  (bench data, not security)
        try:
            with transaction.atomic():
                self.run(lines, designers, products_per_designer)
                raise Rollback
        except Rollback:
            self.stdout.write("Generated data rolled back.")

    def run(self, line_count, designer_count, products_per_designer):
        quarter = periods.previous_quarter()
        started = time.perf_counter()
        # A clean slate: the demo's statements would refuse or join the run (rolled back with the rest).
        RoyaltyAdjustment.objects.all().delete()
        Statement.objects.all().delete()
        products, licences = self.catalogue(quarter, designer_count, products_per_designer)
        outlets = [Partner.objects.create(name=f"Bench-Outlet {i}", kind="museum_shop") for i in range(5)]
        workshop = Partner.objects.create(name="Bench-Werkstatt", kind="workshop")
        online_lines = round(line_count * ONLINE_SHARE)
        orders, refunds = self.online(quarter, products, workshop, online_lines)
        outlet_lines = self.outlet(quarter, products, outlets, line_count - online_lines)
        generated = time.perf_counter() - started
        self.stdout.write(
            f"Generated in {generated:.1f} s: {designer_count} designers, {licences} licences, {len(products)} "
            f"products, {orders:,} orders with {online_lines:,} lines ({refunds:,} refunded), "
            f"{outlet_lines:,} outlet sales lines in {quarter.label} ({connection.vendor})"
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would have them after a real quarter
        first = self.timed_run(quarter)
        second = self.timed_run(quarter)
        self.table(quarter, first, second)

    def catalogue(self, quarter, designer_count, per_designer):
        product_class, _ = ProductClass.objects.get_or_create(slug="label-produkt", defaults={"name": "Label-Produkt"})
        statuses = [Designer.VatStatus.COPYRIGHT, Designer.VatStatus.REGULAR, Designer.VatStatus.SMALL_BUSINESS]
        designers = Designer.objects.bulk_create(
            Designer(legal_name=f"Bench-Designer {i:03d}", city="Aachen", vat_status=statuses[i % 3],
                     payout_iban="DE02120300000000202051", email=f"bench-{i}@designer.example")
            for i in range(designer_count)
        )
        products = Product.objects.bulk_create(
            Product(title=f"Bench-Lizenzprodukt {i:05d}", slug=f"bench-lizenz-{i}", upc=f"BENCH-L-{i:05d}",
                    product_class=product_class, structure="standalone")
            for i in range(designer_count * per_designer)
        )
        licences, links = [], []
        for index, designer in enumerate(designers):
            # Most licences start on the first of a month; every fourth one mid-month, so that licence years
            # begin inside the quarter and the run splits it into sub-periods.
            start = periods.add_years(quarter.start, -1 - index % 3) + datetime.timedelta(days=14 * (index % 4 == 3))
            licences.append(Licence(
                designer=designer, contract_number=f"BENCH-L-{index:03d}", start_date=start,
                end_date=periods.add_years(start, 5) - datetime.timedelta(days=1),
                royalty_percentage=Decimal(8 + index % 5) if index % 2 == 0 else None,
                royalty_per_unit=None if index % 2 == 0 else Decimal("1.50") + Decimal(index % 4) / 2,
                advance=Decimal("2000.00") if index % 5 == 0 else Decimal("0"),
                minimum_guarantee=Decimal("500.00") if index % 7 == 0 else Decimal("0"),
            ))
        Licence.objects.bulk_create(licences)
        for index, licence in enumerate(licences):
            for product in products[index * per_designer:(index + 1) * per_designer]:
                links.append(Licence.products.through(licence_id=licence.pk, product_id=product.pk))
        Licence.products.through.objects.bulk_create(links)
        for product in products:
            product.price = Decimal(self.rng.randint(500, 15000)) / 100
        return products, len(licences)

    def moment(self, quarter):
        days = (quarter.end - quarter.start).days
        day = quarter.start + datetime.timedelta(days=self.rng.randint(0, days))
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(self.rng.randint(0, 23))))

    def online(self, quarter, products, workshop, line_count):
        order_count = -(-line_count // LINES_PER_ORDER)
        paid, _ = PaymentEventType.objects.get_or_create(name="Paid")
        refunded, _ = PaymentEventType.objects.get_or_create(name="Refunded")
        written = refunds = 0
        for first in range(0, order_count, BATCH // LINES_PER_ORDER):
            orders, lines = [], []
            for number in range(first, min(first + BATCH // LINES_PER_ORDER, order_count)):
                placed = self.moment(quarter)
                orders.append(Order(number=f"BENCH-{number:07d}", status="Completed", currency="EUR",
                                    guest_email="bench@example.org", total_incl_tax=0, total_excl_tax=0,
                                    date_placed=placed, paid_at=placed))
            Order.objects.bulk_create(orders)
            for order in orders:
                for product in self.rng.sample(products, min(LINES_PER_ORDER, line_count - written)):
                    quantity = self.rng.choice((1, 1, 1, 2, 3))
                    net = product.price * quantity
                    lines.append(Line(
                        order=order, partner=workshop, partner_name=workshop.name, partner_sku=product.upc,
                        product=product, title=product.title, upc=product.upc, quantity=quantity, num_allocated=0,
                        line_price_incl_tax=cents(net * (1 + VAT)), line_price_excl_tax=net,
                        line_price_before_discounts_incl_tax=cents(net * (1 + VAT)),
                        line_price_before_discounts_excl_tax=net, unit_price_excl_tax=product.price,
                        unit_price_incl_tax=cents(product.price * (1 + VAT)), tax_code="19",
                    ))
                    written += 1
            Line.objects.bulk_create(lines)
            events, quantities = [], []
            for order in orders:
                events.append(PaymentEvent(order=order, amount=0, event_type=paid))
            returned = [line for line in lines if self.rng.random() < REFUND_SHARE / LINES_PER_ORDER]
            for line in returned:
                events.append(PaymentEvent(order=line.order, amount=line.line_price_incl_tax, event_type=refunded))
                quantities.append(PaymentEventQuantity(event=events[-1], line=line, quantity=line.quantity))
            PaymentEvent.objects.bulk_create(events)
            PaymentEventQuantity.objects.bulk_create(quantities)
            # auto_now_add dated the events today: refunds happen inside the quarter.
            PaymentEvent.objects.filter(pk__in=[event.pk for event in events]).update(
                date_created=timezone.make_aware(datetime.datetime.combine(quarter.end, datetime.time(12))))
            refunds += len(returned)
        return order_count, refunds

    def outlet(self, quarter, products, outlets, line_count):
        imports = {}
        for partner in outlets:
            for month in quarter.months():
                imports[(partner.pk, month)] = OutletSalesImport(
                    partner=partner, file_name=f"bench-{month:%Y-%m}.csv", status=OutletSalesImport.Status.ACCEPTED,
                    content_hash=hashlib.sha256(f"bench {partner.pk} {month}".encode()).hexdigest())
        OutletSalesImport.objects.bulk_create(imports.values())
        days = (quarter.end - quarter.start).days
        for first in range(0, line_count, BATCH):
            sales = []
            for _row in range(first, min(first + BATCH, line_count)):
                partner, product = self.rng.choice(outlets), self.rng.choice(products)
                day = quarter.start + datetime.timedelta(days=self.rng.randint(0, days))
                units = self.rng.choice((1, 1, 2, 3))
                gross = cents(product.price * (1 + VAT))
                sales.append(OutletSale(
                    partner=partner, product=product, date=day, units=units, gross_unit_price=gross, vat_rate=VAT,
                    net_revenue=cents(gross * units / (1 + VAT)),
                    sales_import=imports[(partner.pk, day.replace(day=1))]))
            OutletSale.objects.bulk_create(sales)
        return line_count

    def timed_run(self, quarter):
        with CaptureQueriesContext(connection) as queries:
            begin = time.perf_counter()
            result = run_royalties(quarter)
            seconds = time.perf_counter() - begin
        slowest = sorted(queries.captured_queries, key=lambda query: float(query["time"]), reverse=True)[:3]
        return {"seconds": seconds, "run": result.run, "statements": len(result.statements),
                "queries": len(queries), "slowest": slowest}

    def table(self, quarter, first, second):
        rows = [
            ("run time (s)", f"{first['seconds']:.2f}", f"{second['seconds']:.2f}"),
            ("sales rows aggregated", first["run"].sales_lines, second["run"].sales_lines),
            ("statements (created / updated / unchanged)",
             f"{first['run'].created} / {first['run'].updated} / {first['run'].unchanged}",
             f"{second['run'].created} / {second['run'].updated} / {second['run'].unchanged}"),
            ("SQL queries", first["queries"], second["queries"]),
        ]
        self.stdout.write(f"\nRoyalty run {quarter.label}:\n")
        self.stdout.write(f"| {'':<44} | {'first run':>12} | {'second run':>12} |")
        self.stdout.write(f"|{'-' * 46}|{'-' * 13}:|{'-' * 13}:|")
        for label, one, two in rows:
            self.stdout.write(f"| {label:<44} | {one!s:>12} | {two!s:>12} |")
        self.stdout.write("\nSlowest queries of the first run:")
        for query in first["slowest"]:
            self.stdout.write(f"  {float(query['time']):7.3f} s  {query['sql'][:300]}")

