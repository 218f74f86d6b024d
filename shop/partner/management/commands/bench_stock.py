"""Time the stock features on generated data (`manage.py bench_stock`), then roll everything back.

1. The dashboard's stock overview with N products × 5 partners, requested as a Shop staff user.
2. Importing an outlet sales CSV of M rows (validation and writing, as the upload does).
"""

import statistics
import time
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from shop.partner import services
from shop.partner.outlet_sales import import_csv

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Benchmark the stock overview (N products × 5 partners) and a CSV import of M rows; changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=1000)
        parser.add_argument("--rows", type=int, default=10_000)
        parser.add_argument("--requests", type=int, default=20)

    def handle(self, *args, products, rows, requests, **options):
        try:
            with transaction.atomic():
                self.run(products, rows, requests)
                raise Rollback
        except Rollback:
            self.stdout.write("Generated data rolled back.")

    def run(self, product_count, row_count, requests):
        started = time.perf_counter()
        product_class, _ = ProductClass.objects.get_or_create(slug="label-produkt", defaults={"name": "Label-Produkt"})
        partners = [Partner.objects.create(name=f"Bench-Partner {i}", kind="workshop" if i == 0 else "museum_shop")
                    for i in range(5)]
        products = Product.objects.bulk_create(
            Product(title=f"Bench-Produkt {i:05d}", slug=f"bench-{i}", upc=f"BENCH-{i:05d}",
                    product_class=product_class, structure="standalone")
            for i in range(product_count)
        )
        records = StockRecord.objects.bulk_create(
            StockRecord(product=product, partner=partner, partner_sku=product.upc, price=Decimal("10.00"),
                        num_in_stock=0, low_stock_threshold=5)
            for product in products for partner in partners
        )
        services.apply_changes(services.Change(record, 1000, StockMovement.Kind.OPENING) for record in records)
        self.stdout.write(f"Generated {product_count} products × 5 partners in {time.perf_counter() - started:.1f} s")

        user = get_user_model().objects.filter(groups__name="Shop staff").first()
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        url = reverse("dashboard:stock-overview")
        client.get(url)
        timings = []
        for _ in range(requests):
            with CaptureQueriesContext(connection) as queries:
                begin = time.perf_counter()
                response = client.get(url + "?page=10")
                timings.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200, response.status_code
        timings.sort()
        self.stdout.write(
            f"Stock overview ({product_count} products × 5 partners, page 10): "
            f"median {statistics.median(timings):.0f} ms, p95 {timings[int(len(timings) * 0.95) - 1]:.0f} ms, "
            f"{len(queries)} queries"
        )

        outlet = partners[1]
        day = timezone.localdate() - timedelta(days=1)
        lines = ["date;sku;quantity;gross_price"]
        lines += [f"{(day - timedelta(days=i % 60)):%d.%m.%Y};BENCH-{i % product_count:05d};1;{11 + i % 7},90"
                  for i in range(row_count)]
        data = ("\n".join(lines) + "\n").encode("cp1252")
        begin = time.perf_counter()
        result = import_csv(outlet, data, file_name="bench.csv")
        seconds = time.perf_counter() - begin
        rate = result.rows_total / seconds
        self.stdout.write(f"CSV import: {result.rows_total} rows in {seconds:.2f} s ({rate:.0f} rows/s)")
