"""VAT rates of the other EU member states, for distance sales taxed in the destination country (§ 3c UStG, OSS).

Source: European Commission, DG TAXUD, "VAT rates applied in the Member States of the European Union" and its
Taxes in Europe Database (TEDB, https://ec.europa.eu/taxation_customs/tedb/), cross-checked against the member
states' announcements of the changes since 2024: CZ books 0 % from 2024-01-01; FI standard 25.5 % from 2024-09-01
and books 13.5 % from 2026-01-01; SK 23 % / books 5 % from 2025-01-01; EE 24 % from 2025-07-01; RO 21 % / books 11 %
from 2025-08-01; LT books 5 % from 2026-01-01; LV books 5 % (from 2026 only for books in Latvian and the languages of
the EU/EEA/OECD, which covers the label's German and English books).
Valid from: 2026-01-01 (the last change included). A rate change in a member state is a change here, with the date.

Two rates per state, matching the shop's two tax classes (shop/vat.py):
- ``standard``: the standard rate (everything the label sells except printed books);
- ``books``: the rate the state applies to printed books (the shop's "reduced" class, Anlage 2 Nr. 49 UStG:
  books, brochures, children's picture books, printed music, maps). Some states tax books at 0 % (IE, CZ).

Keys are ISO 3166-1 alpha-2 codes as Oscar's address countries use them: Greece is "GR" (the EU's VAT code "EL").
Germany is not here: its rates live in shop/vat.py.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

VALID_FROM = datetime.date(2026, 1, 1)
SOURCE = 'European Commission, "VAT rates applied in the Member States of the European Union" / TEDB'


@dataclass(frozen=True)
class MemberStateRates:
    standard: Decimal
    books: Decimal


def _rates(standard, books):
    return MemberStateRates(Decimal(standard), Decimal(books))


RATES = {
    "AT": _rates("0.20", "0.10"),
    "BE": _rates("0.21", "0.06"),
    "BG": _rates("0.20", "0.09"),
    "CY": _rates("0.19", "0.05"),
    "CZ": _rates("0.21", "0.00"),  # books zero-rated since 2024-01-01
    "DK": _rates("0.25", "0.25"),  # no reduced rate for books
    "EE": _rates("0.24", "0.09"),
    "ES": _rates("0.21", "0.04"),
    "FI": _rates("0.255", "0.135"),
    "FR": _rates("0.20", "0.055"),
    "GR": _rates("0.24", "0.06"),
    "HR": _rates("0.25", "0.05"),
    "HU": _rates("0.27", "0.05"),
    "IE": _rates("0.23", "0.00"),
    "IT": _rates("0.22", "0.04"),
    "LT": _rates("0.21", "0.05"),
    "LU": _rates("0.17", "0.03"),
    "LV": _rates("0.21", "0.05"),
    "MT": _rates("0.18", "0.05"),
    "NL": _rates("0.21", "0.09"),
    "PL": _rates("0.23", "0.05"),
    "PT": _rates("0.23", "0.06"),
    "RO": _rates("0.21", "0.11"),
    "SE": _rates("0.25", "0.06"),
    "SI": _rates("0.22", "0.05"),
    "SK": _rates("0.23", "0.05"),
}

# The shop's tax classes (Product.tax_class) and the column of the table each one takes.
TAX_CLASS_COLUMNS = {"standard": "standard", "reduced": "books"}


def rate(country, tax_class):
    """The destination country's rate for a product of `tax_class`; KeyError for a country outside the table."""
    return getattr(RATES[country], TAX_CLASS_COLUMNS.get(tax_class, "standard"))
