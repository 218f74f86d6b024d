from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from products.licensing import periods
from products.licensing.royalty_run import run_royalties


class Command(BaseCommand):
    help = "Create or refresh the draft royalty statements of a month (2026-10) or quarter (2026-Q3)."

    def add_arguments(self, parser):
        parser.add_argument("period", help="a month such as 2026-10 or a quarter such as 2026-Q3")

    def handle(self, *args, period, **options):
        try:
            parsed = periods.parse(period)
            result = run_royalties(parsed)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        run = result.run
        self.stdout.write(
            f"{parsed.label}: {run.created} created, {run.updated} updated, {run.unchanged} unchanged "
            f"({run.sales_lines} sales rows)."
        )
        for statement in result.statements:
            self.stdout.write(f"  {statement}: {statement.payout_amount} € payout, {statement.status}")
        for row in result.unlicensed:
            self.stdout.write(self.style.WARNING(
                f"  Sold outside any licence: {row['title']} ({row['channel_name']}): {row['units']} units, "
                f"{row['net_revenue']} € net"
            ))
