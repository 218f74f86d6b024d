"""The documents of a statement: the Gutschrift PDF (WeasyPrint) and the CSV of its lines.

CSV columns (UTF-8, comma-separated, decimal point, one row per statement line):
statement_number, period_start, period_end, line, kind, sales_month, product_upc, product_title, channel,
licence, licence_year, units, net_revenue_eur, royalty_percent, royalty_per_unit_eur, amount_eur, description
"""


import io
from collections import OrderedDict
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from core import csv_safe

from . import royalties

CSV_COLUMNS = [
    "statement_number", "period_start", "period_end", "line", "kind", "sales_month", "product_upc",
    "product_title", "channel", "licence", "licence_year", "units", "net_revenue_eur", "royalty_percent",
    "royalty_per_unit_eur", "amount_eur", "description",
]


def grouped_lines(lines):
    """Royalty lines summed per product and channel (the months stay in the CSV), other lines as they are."""
    groups = OrderedDict()
    others = []
    for line in lines:
        if line.kind != "royalty":
            others.append(line)
            continue
        key = (line.product_title, line.product_upc, line.channel_name, line.contract_number)
        group = groups.setdefault(key, {
            "product_title": line.product_title, "product_upc": line.product_upc, "channel_name": line.channel_name,
            "contract_number": line.contract_number, "royalty_percentage": line.royalty_percentage,
            "royalty_per_unit": line.royalty_per_unit, "units": 0, "net_revenue": Decimal("0"),
            "amount": Decimal("0"),
        })
        group["units"] += line.units
        group["net_revenue"] += line.net_revenue
        group["amount"] += line.amount
    return list(groups.values()), others


def statement_context(statement, lines=None):
    from home.models import SiteSettings

    lines = list(statement.lines.all()) if lines is None else lines
    groups, others = grouped_lines(lines)
    return {
        "statement": statement,
        "groups": groups,
        "other_lines": others,
        "label": SiteSettings.objects.first(),
        "vat_note": royalties.VAT_NOTES.get(statement.vat_status, ""),
        "credit_note_note": royalties.CREDIT_NOTE_NOTE,
        "threshold": royalties.payout_threshold(),
    }


def render_statement_pdf(statement):
    from core.pdf import render_pdf

    # The Gutschrift is a German tax document, whatever language Finance works in.
    with translation.override("de"):
        html = render_to_string("licensing/statement_pdf.html", statement_context(statement))
    return render_pdf(html)


def _plain(value):
    return "" if value is None else str(value)


def csv_rows(statement, lines):
    for line in lines:
        yield [
            statement.number or "", statement.period_start.isoformat(), statement.period_end.isoformat(),
            line.position, line.kind, line.sales_month.isoformat() if line.sales_month else "", line.product_upc,
            line.product_title, line.channel_name, line.contract_number, _plain(line.licence_year), line.units,
            _plain(line.net_revenue), _plain(line.royalty_percentage), _plain(line.royalty_per_unit),
            _plain(line.amount), line.text,
        ]


def statement_csv(statement, lines=None):
    lines = list(statement.lines.all()) if lines is None else lines
    buffer = io.StringIO()
    writer = csv_safe.writer(buffer, lineterminator="\n")  # formula injection (issue 12)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(statement, lines))
    return buffer.getvalue().encode("utf-8")
