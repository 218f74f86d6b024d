from django.core.management.base import BaseCommand, CommandError

from shop.partner.services import ledger_differences


class Command(BaseCommand):
    help = "Check that every stock record's num_in_stock equals the sum of its stock movements."

    def handle(self, *args, **options):
        differences = ledger_differences()
        for record, stock, ledger in differences:
            self.stdout.write(
                f"{record.partner.name} / {record.partner_sku} ({record.product.get_title()}): "
                f"num_in_stock {stock}, ledger {ledger}, difference {stock - ledger:+d}"
            )
        if differences:
            raise CommandError(f"{len(differences)} stock record(s) do not match their ledger.")
        self.stdout.write(self.style.SUCCESS("Every stock record matches its ledger."))
