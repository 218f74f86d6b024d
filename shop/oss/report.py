"""The quarterly OSS report: per destination country and rate, the net amount and the VAT of distance sales
taxed at the destination (what Finance declares in the BZSt's One-Stop-Shop return).

Sales count in the quarter their order was placed, with the amounts of their invoices (shop/vat.order_breakdown:
VAT per rate on the rate's total, shipping split over the rates by the goods). Orders cancelled before they were
paid never became sales and do not count. Money paid back ("Refunded" payment events: a paid order cancelled, or a
return) is deducted in the quarter it was paid back, split over the refunded lines' rates like shipping.
Orders taxed in Germany (below the threshold) belong to the German VAT return, not here.
"""

import csv
import datetime
import io
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from oscar.core.loading import get_model

from core.csv_safe import writer
from shop import vat
from shop.order import statuses
from shop.shipping.repository import EU_COUNTRIES

REFUNDED = "Refunded"
QUARTERS = (1, 2, 3, 4)


@dataclass
class ReportRow:
    country: str
    rate: Decimal
    net: Decimal = Decimal("0.00")
    tax: Decimal = Decimal("0.00")

    @property
    def percent(self):
        return vat.percent(self.rate)

    @property
    def country_name(self):
        return country_name(self.country)


def country_name(code, language=None):
    """The member state's name in `language` (the current one by default), from the CLDR data Babel ships."""
    try:
        locale = Locale.parse((language or get_language() or "de").replace("-", "_"))
    except (ValueError, LookupError):
        locale = Locale("de")
    return locale.territories.get(code, code)


def quarter_bounds(year, quarter):
    """[first day 00:00, first day of the next quarter 00:00) in the label's time zone."""
    zone = timezone.get_current_timezone()
    start = datetime.datetime(year, 3 * quarter - 2, 1, tzinfo=zone)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=zone) if quarter == 4 else datetime.datetime(
        year, 3 * quarter + 1, 1, tzinfo=zone)
    return start, end


def _sales(lower, upper):
    Order = get_model("order", "Order")
    return (
        Order.objects.filter(date_placed__gte=lower, date_placed__lt=upper,
                             shipping_address__country_id__in=EU_COUNTRIES)
        .exclude(Q(status=statuses.CANCELLED) & Q(paid_at=None))
        .prefetch_related("lines")
    )


def _refunds(lower, upper):
    PaymentEvent = get_model("order", "PaymentEvent")
    return (
        PaymentEvent.objects.filter(event_type__name=REFUNDED, date_created__gte=lower, date_created__lt=upper,
                                    order__shipping_address__country_id__in=EU_COUNTRIES)
        .select_related("order")
        .prefetch_related("line_quantities__line", "order__lines")
    )


def _refund_totals(event):
    """The refunded amount per rate (RateTotals) and the country whose VAT it corrects (None: German VAT)."""
    quantities = list(event.line_quantities.all())
    if quantities:
        refunded = [(q.line, q.line.line_price_incl_tax * q.quantity / q.line.quantity) for q in quantities]
    else:
        refunded = [(line, line.line_price_incl_tax) for line in event.order.lines.all()]
    country = vat.destination_country([line.tax_code for line, _gross in refunded])
    shares = defaultdict(Decimal)
    for line, gross in refunded:
        shares[vat.rate_from_code(line.tax_code)] += gross
    parts = vat.split_gross_by_shares(event.amount, dict(shares))
    return country, vat.rate_totals([(rate, part) for rate, part, _net, _tax in parts])


def oss_report(year, quarter):
    """ReportRows of the quarter, by country and rate (highest first), sales minus refunds."""
    lower, upper = quarter_bounds(year, quarter)
    rows = {}

    def add(country, total, sign):
        row = rows.setdefault((country, total.rate), ReportRow(country, total.rate))
        row.net += sign * total.net
        row.tax += sign * total.tax

    for order in _sales(lower, upper):
        for total in vat.order_breakdown(order):
            if total.country:
                add(total.country, total, 1)
    for event in _refunds(lower, upper):
        country, totals = _refund_totals(event)
        if country:
            for total in totals:
                add(country, total, -1)
    return sorted(rows.values(), key=lambda row: (row.country, -row.rate))


def report_csv(year, quarter):
    """The report as CSV (semicolon, decimal point), every cell formula-safe (core/csv_safe.py)."""
    from django.utils.translation import gettext as _

    buffer = io.StringIO()
    out = writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    out.writerow([_("Quarter"), _("Country"), _("Country name"), _("VAT rate (%)"), _("Net amount (EUR)"),
                  _("VAT (EUR)")])
    for row in oss_report(year, quarter):
        out.writerow([f"{year}-Q{quarter}", row.country, row.country_name, str(row.percent), str(row.net),
                      str(row.tax)])
    return buffer.getvalue()
