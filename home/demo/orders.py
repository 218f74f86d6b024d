"""Demo for the checkout: shipping countries, pick-up at the Depot, bank details for prepayment."""

from django.db import transaction
from oscar.core.loading import get_model

from home.models import SiteSettings
from shop.shipping.repository import EU_COUNTRIES

from . import content

Country = get_model("address", "Country")
Partner = get_model("partner", "Partner")

COUNTRY_NAMES = {
    "DE": "Deutschland", "NL": "Niederlande", "BE": "Belgien", "LU": "Luxemburg", "FR": "Frankreich",
    "AT": "Österreich",
}


@transaction.atomic
def load():
    codes = ["DE", *sorted(EU_COUNTRIES)]
    Country.objects.bulk_create(
        [Country(iso_3166_1_a2=code, name=COUNTRY_NAMES.get(code, code), printable_name=COUNTRY_NAMES.get(code, code),
                 is_shipping_country=True, display_order=10 if code == "DE" else 0) for code in codes],
        ignore_conflicts=True,
    )
    Partner.objects.filter(name=content.PARTNER_NAME, allows_pickup=False).update(allows_pickup=True)
    bank = {key: content.ORGANISATION[key] for key in ("bank_account_holder", "bank_name", "iban", "bic")}
    SiteSettings.objects.filter(iban="").update(**bank)
