from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.demo import campaigns, designers, orders, pages, royalties, shop, stock, users
from home.demo.content import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Create the fictional demo content and one login per role. Safe to run again: it only adds what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production", action="store_true",
            help="Run even with DEBUG off (demo logins have a published password).",
        )

    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError("load_demo creates logins with a published password; run it with DEBUG on only.")
        pages.load()
        product_count = shop.load()
        orders.load_shop_settings()
        campaigns.load()
        logins = users.load()
        designers.load()
        stock.load()
        # Past orders last: pick-up at the partners needs the outlets that stock.load() creates.
        orders.load_past_orders()
        # A year of sales and the royalty statements of its past quarters: needs the outlets and the licences.
        royalties.load()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({product_count} products)."))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for email, role in logins:
            self.stdout.write(f"  {email:<24} {role}")
        self.stdout.write("Site: http://127.0.0.1:8000/de/  Wagtail: /admin/  Oscar dashboard: /de/shop/dashboard/")
