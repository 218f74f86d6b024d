from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from oscar.core.loading import get_model

from home.demo import campaigns, designers, orders, pages, royalties, shop, stock, users
from home.demo.content import DEMO_PASSWORD

# Domains reserved for examples (RFC 2606): no real person or customer has an address there, and the demo uses
# nothing else. Anything outside them is real data.
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net", ".example")


def _at_example_domain(field):
    query = Q()
    for domain in EXAMPLE_DOMAINS:
        query |= Q(**{f"{field}__iendswith": domain if domain.startswith(".") else f"@{domain}"})
        query |= Q(**{f"{field}__iendswith": f".{domain.lstrip('.')}"})
    return query


def real_data_present():
    """Users or guest orders whose e-mail is not at a reserved example domain: a live site, not a demo."""
    users = get_user_model().objects.exclude(_at_example_domain("email")).count()
    orders = get_model("order", "Order").objects.filter(user=None).exclude(_at_example_domain("guest_email")).count()
    return users, orders


class Command(BaseCommand):
    help = "Create the fictional demo content and one login per role. Safe to run again: it only adds what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production", action="store_true",
            help="Run even with DEBUG off, for throwaway databases (tests, benchmark). Never on a database with real "
            "users or orders: that is refused in every case.",
        )

    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError("load_demo creates logins with a published password; run it with DEBUG on only.")
        real_users, real_orders = real_data_present()
        if real_users or real_orders:
            raise CommandError(
                f"load_demo creates logins with a published password and this database holds real data "
                f"({real_users} users, {real_orders} guest orders outside the example domains); refused, "
                "nothing was written."
            )
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
