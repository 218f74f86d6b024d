"""Demo stock: the workshop, the Ludwig Forum museum shop and a closed pop-up store in Stolberg, with a
history of movements and two months of outlet sales. Works from whatever products the workshop stocks."""

import random
import uuid
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from shop.partner import services
from shop.partner.services import Change
from shop.vat import net_from_gross, rate_for

from . import content
from .pages import translate

Partner = get_model("partner", "Partner")
PartnerAddress = get_model("partner", "PartnerAddress")
StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")
OutletSale = get_model("partner", "OutletSale")
OutletSalesImport = get_model("partner", "OutletSalesImport")
Country = get_model("address", "Country")
Kind = StockMovement.Kind

MUSEUM_SHOP = "Museumsshop Ludwig Forum"
POPUP_STOLBERG = "Pop-up-Laden Stolberg"
WHERE_TO_BUY = {"title": "Wo kaufen", "slug": "wo-kaufen",
                "introduction": "Unsere Produkte gibt es auch zum Anfassen: in der Werkstatt und bei diesen Partnern."}
WHERE_TO_BUY_TRANSLATIONS = {
    "en": {"Wo kaufen": "Where to buy", "wo-kaufen": "where-to-buy",
           WHERE_TO_BUY["introduction"]: "See and touch our products in the workshop and at these partners."},
    "nl": {"Wo kaufen": "Waar te koop", "wo-kaufen": "waar-te-koop",
           WHERE_TO_BUY["introduction"]: "Bekijk onze producten in het echt: in de werkplaats en bij deze partners."},
    "fr": {"Wo kaufen": "Où acheter", "wo-kaufen": "ou-acheter",
           WHERE_TO_BUY["introduction"]: "Voyez nos produits en vrai : à l’atelier et chez ces partenaires."},
}

PARTNERS = [
    (content.PARTNER_NAME, {
        "kind": "workshop", "allows_pickup": True, "opening_hours": "Mo–Fr 9–16 Uhr",
        "phone": "+49 241 555 0100", "email": "werkstatt@example.org",
    }, ("Depotstraße 1", "52070", "Aachen")),
    (MUSEUM_SHOP, {
        "kind": "museum_shop", "allows_pickup": True, "opening_hours": "Di–So 10–17 Uhr\nDo 10–20 Uhr",
        "phone": "+49 241 555 0200", "email": "museumsshop@example.org", "website": "https://museumsshop.example.org/",
    }, ("Museumsplatz 1", "52070", "Aachen")),
    (POPUP_STOLBERG, {
        "kind": "popup_store", "is_active": False, "opening_hours": "Mi–Sa 11–18 Uhr",
        "email": "popup-stolberg@example.org",
    }, ("Steinweg 1", "52222", "Stolberg")),
]


def _at(days_ago, hour=10):
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _partners():
    country = Country.objects.filter(iso_3166_1_a2="DE").first()
    partners = {}
    for name, fields, (street, postcode, city) in PARTNERS:
        partner, created = Partner.objects.get_or_create(name=name, defaults=fields)
        # The workshop partner exists already (the catalogue needs it first) without its outlet details.
        if not created and (partner.kind != fields["kind"] or not partner.opening_hours):
            for key, value in fields.items():
                setattr(partner, key, value)
            partner.save()
        if country and not partner.addresses.exists():
            PartnerAddress.objects.create(partner=partner, line1=street, postcode=postcode, line4=city, country=country)
        partners[name] = partner
    return partners


def where_to_buy_page():
    """The "Where to buy" page in the menu, in German with its translations. Not in one transaction with the
    stock: wagtail-localize publishes translations on commit (see home/demo/pages.py)."""
    from wagtail.models import Locale

    from home.models import HomePage
    from shop.outlets.models import WhereToBuyPage

    home = HomePage.objects.filter(locale=Locale.objects.filter(language_code="de").first(), depth=2).first()
    if home is None:
        return
    page = WhereToBuyPage.objects.filter(locale=home.locale).first()
    if page is None:
        page = WhereToBuyPage(show_in_menus=True, **WHERE_TO_BUY)
        home.add_child(instance=page)
        page.save_revision().publish()
    for language_code in WHERE_TO_BUY_TRANSLATIONS:
        translate(page, language_code, WHERE_TO_BUY_TRANSLATIONS[language_code])


def load():
    where_to_buy_page()
    load_stock()


@transaction.atomic
def load_stock():
    partners = _partners()
    workshop, museum, popup = partners[content.PARTNER_NAME], partners[MUSEUM_SHOP], partners[POPUP_STOLBERG]
    if popup.active_until is None:
        popup.active_until = timezone.localdate() - timedelta(days=20)
        popup.save(update_fields=["active_until"])
    if StockRecord.objects.filter(partner=museum).exists():
        return  # history already there: idempotent
    user = get_user_model().objects.filter(email="shop@example.org").first()
    rng = random.Random(6)  # noqa: S311  (demo data, not security)
    workshop_records = list(StockRecord.objects.filter(partner=workshop).select_related("product__parent"))
    movements, outlet_records, sales, imports = [], [], [], []
    import_for = {}
    for partner in (museum, popup):
        for month in (1, 2):
            imports.append(OutletSalesImport(
                partner=partner, file_name=f"verkaeufe-{month}.csv", status=OutletSalesImport.Status.ACCEPTED,
                created_by=user, created_at=_at(30 * (month - 1) + 1, 18)))
            import_for[(partner.pk, month)] = imports[-1]
    OutletSalesImport.objects.bulk_create(imports)

    for record in workshop_records:
        product = record.product
        rate = rate_for(product)
        gross = ((record.price or Decimal("10")) * (1 + rate)).quantize(Decimal("0.01"))
        batch = rng.randint(25, 40)
        movements.append(Change(record, batch, Kind.PRODUCTION, user=user, created_at=_at(75),
                                reason="Charge Herbst"))
        for partner, units, closes in ((museum, rng.randint(8, 14), None), (popup, rng.randint(4, 8), 20)):
            reference = f"transfer:{uuid.uuid4().hex[:12]}"
            outlet = StockRecord(product=product, partner=partner, partner_sku=record.partner_sku, price=record.price,
                                 price_currency=record.price_currency, num_in_stock=0, low_stock_threshold=3)
            outlet_records.append(outlet)
            movements.append(Change(record, -units, Kind.TRANSFER_OUT, user=user, created_at=_at(65),
                                    reference=reference))
            movements.append(Change(outlet, units, Kind.TRANSFER_IN, user=user, created_at=_at(65),
                                    reference=reference))
            left = units
            for days_ago in range(60, 0, -rng.randint(4, 9)):
                if closes and days_ago <= closes:
                    break
                sold = min(left, rng.randint(0, 2))
                if not sold:
                    continue
                left -= sold
                sales_import = import_for[(partner.pk, 1 if days_ago <= 30 else 2)]
                sales.append(OutletSale(
                    partner=partner, product=product, date=_at(days_ago).date(), units=sold, gross_unit_price=gross,
                    vat_rate=rate, net_revenue=net_from_gross(gross * sold, rate), sales_import=sales_import))
                movements.append(Change(outlet, -sold, Kind.OUTLET_SALE, user=user, created_at=sales_import.created_at,
                                        reference=f"sales:{sales_import.pk.hex[:12]}"))
            if closes and left:
                # The pop-up store closed: what was left went back to the workshop.
                reference = f"transfer:{uuid.uuid4().hex[:12]}"
                movements.append(Change(outlet, -left, Kind.TRANSFER_OUT, user=user, created_at=_at(closes - 1),
                                        reference=reference))
                movements.append(Change(record, left, Kind.TRANSFER_IN, user=user, created_at=_at(closes - 1),
                                        reference=reference))
                left = 0

    StockRecord.objects.bulk_create(outlet_records)  # empty: the history below fills them
    # The history goes through the stock service, the only writer of stock and ledger (backdated movements).
    services.apply_changes(movements)
    OutletSale.objects.bulk_create(sales)
    for sales_import in imports:
        count = sum(1 for sale in sales if sale.sales_import is sales_import)
        OutletSalesImport.objects.filter(pk=sales_import.pk).update(rows_total=count, rows_processed=count)
