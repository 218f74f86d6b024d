"""The royalty rules as plain functions: amounts per line, licence years, VAT on royalties, payout."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from shop.vat import cents

from .periods import add_years

ZERO = Decimal("0.00")

# VAT on royalties by the designer's status (products.designers.models.Designer.VatStatus values).
VAT_RATES = {"copyright": Decimal("7.00"), "regular": Decimal("19.00"), "small_business": Decimal("0.00")}

# Printed on the credit note: why this rate (or none) applies. German, as the document is.
VAT_NOTES = {
    "copyright": "Steuersatz 7 % gemäß § 12 Abs. 2 Nr. 7 Buchst. c UStG (Einräumung und Übertragung von Rechten "
    "nach dem Urheberrechtsgesetz).",
    "regular": "Steuersatz 19 % gemäß § 12 Abs. 1 UStG.",
    "small_business": "Kein Ausweis von Umsatzsteuer: Die Designerin oder der Designer ist Kleinunternehmer "
    "gemäß § 19 Abs. 1 UStG.",
}
CREDIT_NOTE_NOTE = (
    "Gutschrift im Sinne des § 14 Abs. 2 Satz 2 UStG: Wir rechnen über Ihre Leistung (Einräumung von "
    "Nutzungsrechten an Ihren Entwürfen) ab. Bitte widersprechen Sie innerhalb von 30 Tagen, wenn Sie mit der "
    "Abrechnung nicht einverstanden sind."
)

VAT_LABELS = {
    "copyright": _("7 % VAT (granting rights under copyright law)"),
    "regular": _("19 % VAT"),
    "small_business": _("No VAT (small business, § 19 UStG)"),
}


def payout_threshold():
    return Decimal(str(getattr(settings, "ROYALTY_PAYOUT_THRESHOLD", "25.00")))


def royalty_amount(units, net_revenue, percentage=None, per_unit=None):
    """The royalty of one line, rounded half-up to the cent: a share of net revenue or an amount per unit."""
    if per_unit is not None:
        return cents(Decimal(units) * per_unit)
    if percentage is not None:
        return cents(net_revenue * percentage / Decimal("100"))
    raise ValueError("A licence without royalty terms cannot earn royalties.")


@dataclass(frozen=True)
class LicenceYear:
    number: int  # 1 for the year starting on the licence's start date
    start: datetime.date
    end: datetime.date


def licence_year(licence, day):
    """The licence year `day` falls in (the last one ends with the licence, even when that is short)."""
    number = 1
    start = licence.start_date
    while add_years(licence.start_date, number) <= day:
        start = add_years(licence.start_date, number)
        number += 1
    end = min(add_years(licence.start_date, number) - datetime.timedelta(days=1), licence.end_date)
    return LicenceYear(number, start, end)


def licence_year_ends(licence, start, end):
    """Licence years that end between `start` and `end`: the ones whose minimum guarantee falls due."""
    years, day = [], max(licence.start_date, start)
    while day <= min(end, licence.end_date):
        year = licence_year(licence, day)
        if start <= year.end <= end:
            years.append(year)
        day = year.end + datetime.timedelta(days=1)
    return years


def cut_days(licences, start, end):
    """Days inside [start, end] on which some licence or licence year begins or a licence has ended, plus the
    first of every month: between two cuts every product keeps one licence, one licence year and one month."""
    days = set()
    day = start.replace(day=1)
    while day <= end:
        days.add(day)
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    for licence in licences:
        days.add(licence.start_date)
        days.add(licence.end_date + datetime.timedelta(days=1))
        days.add(licence.sales_until + datetime.timedelta(days=1))  # the end of a sell-off period
        anniversary, years = licence.start_date, 1
        while anniversary <= end:
            anniversary = add_years(licence.start_date, years)
            days.add(anniversary)
            years += 1
    return sorted(day for day in days if start < day <= end)


def sub_periods(licences, start, end):
    """[start, end] split at the cut days into (first, last) day pairs."""
    bounds = [start, *cut_days(licences, start, end)]
    return [
        (first, (bounds[index + 1] - datetime.timedelta(days=1)) if index + 1 < len(bounds) else end)
        for index, first in enumerate(bounds)
    ]


@dataclass(frozen=True)
class Totals:
    net_total: Decimal
    vat_rate: Decimal
    vat_amount: Decimal
    gross_total: Decimal
    payout_amount: Decimal
    carried_forward: Decimal


def settle(net_total, vat_status, threshold=None):
    """VAT and payout of a statement whose lines add up to `net_total`.

    Below the payout threshold (or at zero or less) nothing is paid: the net amount carries to the next
    statement, where it is taxed when it is paid out, so VAT is charged exactly once.
    """
    threshold = payout_threshold() if threshold is None else threshold
    rate = VAT_RATES[vat_status]
    vat_amount = cents(net_total * rate / Decimal("100"))
    gross = net_total + vat_amount
    if net_total <= ZERO or gross < threshold:
        return Totals(net_total, rate, ZERO, ZERO, ZERO, net_total)
    return Totals(net_total, rate, vat_amount, gross, gross, ZERO)
