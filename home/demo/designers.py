# ruff: noqa: E501  (demo prose and data tables)
"""Demo designers: five fictional people with private records, public profiles (German, translated into
English with wagtail-localize), and licences of both kinds (percentage and per unit) for the demo products."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from oscar.core.loading import get_model

from products.designers.models import Designer, DesignerIndexPage, DesignerPage
from products.licensing.models import Licence

from .pages import _image, ensure_home, ensure_locales, translate

Product = get_model("catalogue", "Product")

INDEX = {
    "slug": "designerinnen",
    "title": "Designerinnen und Designer",
    "introduction": "Die Menschen hinter den Entwürfen: Sie leben und arbeiten in der Region Aachen.",
}

# key, published name, legal name, discipline, city, bio, VAT status, KSK, portal login
DESIGNERS = [
    ("dana", "Dana Design", "Dana Design", "Illustration", "Aachen",
     "Dana zeichnet das Viertel, wie es ist: Hallen, Hinterhöfe, Haltestellen. Ihre Linien landen auf Postkarten, Shirts und Notizbüchern.",
     Designer.VatStatus.SMALL_BUSINESS, True, "designer@example.org"),
    ("jonas", "Jonas Feld", "Jonas Feldmann", "Textildesign", "Aachen",
     "Jonas entwirft Textilien, die lange halten, und druckt seine Motive am liebsten selbst im Siebdruck.",
     Designer.VatStatus.COPYRIGHT, True, None),
    ("mira", "Mira Okafor", "Mira Okafor", "Grafikdesign und Risografie", "Herzogenrath",
     "Mira arbeitet mit Farbe, Raster und Risografie und sammelt Muster aus dem Straßenbild.",
     Designer.VatStatus.REGULAR, False, None),
    ("tom", "Tom Wiesner", "Thomas Wiesner", "Möbeldesign", "Würselen",
     "Tom baut Möbel aus dem, was die Stadt übrig lässt: Eiche aus der Region und Stahl aus alten Gleisen.",
     Designer.VatStatus.COPYRIGHT, False, None),
    ("yuki", "Yuki Hansen", "Yuki Hansen", "Keramik und Wohnen", "Aachen",
     "Yuki dreht Gefäße für den Alltag und entwirft Stoffe mit Mustern aus der Architektur des Viertels.",
     Designer.VatStatus.SMALL_BUSINESS, True, None),
]

TRANSLATIONS_EN = {
    INDEX["slug"]: "designers",
    INDEX["title"]: "Designers",
    INDEX["introduction"]: "The people behind the designs: they live and work in the Aachen region.",
    "Illustration": "Illustration",
    "Textildesign": "Textile design",
    "Grafikdesign und Risografie": "Graphic design and risography",
    "Möbeldesign": "Furniture design",
    "Keramik und Wohnen": "Ceramics and homeware",
    DESIGNERS[0][5]: "Dana draws the district as it is: halls, backyards, tram stops. Her lines end up on postcards, T-shirts and notebooks.",
    DESIGNERS[1][5]: "Jonas designs textiles that last, and prefers to screen-print his motifs himself.",
    DESIGNERS[2][5]: "Mira works with colour, halftone and risography and collects patterns from the streets.",
    DESIGNERS[3][5]: "Tom builds furniture from what the city leaves behind: regional oak and steel from old tracks.",
    DESIGNERS[4][5]: "Yuki throws vessels for everyday use and designs fabrics with patterns from the district's architecture.",
}

# Licences: contract number, designer key, products (UPCs), start, end, percentage, per unit, advance, guarantee
LICENCES = [
    ("MIAN-L-2024-01", "dana", ["MIAN-T-001", "MIAN-P-002", "MIAN-P-003", "MIAN-P-005", "MIAN-T-004"],
     datetime.date(2024, 1, 1), datetime.date(2028, 12, 31), Decimal("10.00"), None, Decimal("500.00"), Decimal("300.00")),
    ("MIAN-L-2024-02", "jonas", ["MIAN-T-002", "MIAN-T-003", "MIAN-H-007"],
     datetime.date(2024, 3, 1), datetime.date(2028, 2, 29), None, Decimal("2.50"), Decimal("0"), Decimal("0")),
    ("MIAN-L-2024-03", "mira", ["MIAN-P-001", "MIAN-P-004", "MIAN-T-005", "MIAN-H-009"],
     datetime.date(2024, 6, 1), datetime.date(2029, 5, 31), Decimal("12.00"), None, Decimal("0"), Decimal("200.00")),
    ("MIAN-L-2023-04", "tom", ["MIAN-H-005"],
     datetime.date(2023, 1, 1), datetime.date(2025, 6, 30), None, Decimal("3.00"), Decimal("0"), Decimal("0")),
    ("MIAN-L-2024-05", "tom", ["MIAN-H-001", "MIAN-H-004", "MIAN-H-008"],
     datetime.date(2024, 1, 1), datetime.date(2028, 12, 31), None, Decimal("15.00"), Decimal("1000.00"), Decimal("0")),
    ("MIAN-L-2024-06", "yuki", ["MIAN-H-002", "MIAN-H-003", "MIAN-H-006", "MIAN-T-006"],
     datetime.date(2024, 9, 1), datetime.date(2029, 8, 31), Decimal("8.00"), None, Decimal("0"), Decimal("0")),
]


def _designers():
    users = {user.email: user for user in get_user_model().objects.filter(email__endswith="@example.org")}
    records = {}
    for number, (key, name, legal_name, _discipline, city, _bio, vat_status, ksk, login) in enumerate(DESIGNERS, 1):
        records[key], _ = Designer.objects.get_or_create(
            legal_name=legal_name,
            defaults={
                "public_name": name,
                "user": users.get(login),
                "street": f"Musterstraße {number} (fiktiv)",
                "postcode": "52070",
                "city": city,
                "email": f"{key}@designer.example",
                "tax_number": f"201/000/0000{number}",
                "vat_status": vat_status,
                "payout_iban": "DE02120300000000202051",  # a published test IBAN, not a real account
                "artists_social_insurance": ksk,
            },
        )
    return records


def _licences(records):
    products = {p.upc: p for p in Product.objects.filter(upc__startswith="MIAN-", parent__isnull=True)}
    for number, key, upcs, start, end, percentage, per_unit, advance, guarantee in LICENCES:
        licence, created = Licence.objects.get_or_create(
            contract_number=number,
            defaults={
                "designer": records[key], "start_date": start, "end_date": end, "royalty_percentage": percentage,
                "royalty_per_unit": per_unit, "advance": advance, "minimum_guarantee": guarantee,
            },
        )
        if created:
            licence.products.set([products[upc] for upc in upcs if upc in products])


def _pages(home, records):
    index = DesignerIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        index = DesignerIndexPage(
            title=INDEX["title"], slug=INDEX["slug"], introduction=INDEX["introduction"], show_in_menus=True
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    pages = [index]
    for key, name, _legal, discipline, city, bio, *_rest in DESIGNERS:
        page = DesignerPage.objects.filter(locale=home.locale, designer=records[key]).first()
        if page is None:
            page = DesignerPage(
                title=name, slug=key, designer=records[key], discipline=discipline, city=city, bio=bio,
                portrait=_image(f"Porträt {name}", f"portrait-{key}", name),
                website=f"https://{key}.designer.example",
            )
            index.add_child(instance=page)
            page.save_revision().publish()
        pages.append(page)
    return pages


def load():
    home = ensure_home(ensure_locales())
    records = _designers()
    with transaction.atomic():
        _licences(records)
    for page in _pages(home, records):
        translate(page, "en", TRANSLATIONS_EN)
    return records

