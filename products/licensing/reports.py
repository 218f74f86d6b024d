"""Finance's reports: the period export for the accountant and the yearly KSK sums. Aggregated in SQL.

Accountant export (``accountant_csv``): UTF-8, comma-separated, decimal point, dates ISO 8601, one row per
statement that is issued or paid (drafts are not accounting documents) and whose period lies within the
chosen month or quarter (a quarter's export includes monthly statements of its months). Columns:

- ``number``: the Gutschrift number (GS-000001)
- ``issued_on``: the day it was issued (Europe/Berlin)
- ``designer_legal_name``, ``tax_number``, ``vat_id``, ``vat_status``: the designer's data as frozen on the
  credit note (vat_status: copyright, regular or small_business)
- ``period``: the settled period (2026-Q3 or 2026-10)
- ``royalty_total_eur``: royalties and minimum-guarantee top-ups
- ``net_eur``: net amount of the credit note (after recoupment, adjustments, amounts carried in)
- ``vat_rate_percent``, ``vat_eur``, ``gross_eur``: the VAT shown on the credit note and net + VAT
- ``payout_eur``: what is transferred; ``carried_forward_eur``: net amount below the payout threshold
- ``status``: issued or paid; ``paid_on``, ``payout_reference``: the payout, once recorded

KSK report (``ksk_sums``): Künstlersozialabgabe is due on the fees paid to self-employed artists in a calendar
year. We sum, per designer with ``artists_social_insurance``, the ``net_total`` (the fee excluding VAT, which is
not part of the KSK basis) of statements marked paid with ``paid_on`` in that year and a positive payout.
Statements paid out with nothing (everything carried forward) are left out: their net amount is carried into
the next statement's net total and counted when that one is paid, so nothing is counted twice.
"""


import io
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from core import csv_safe

from .models import Statement
from .periods import Period

ACCOUNTANT_COLUMNS = [
    "number", "issued_on", "designer_legal_name", "tax_number", "vat_id", "vat_status", "period",
    "royalty_total_eur", "net_eur", "vat_rate_percent", "vat_eur", "gross_eur", "payout_eur", "carried_forward_eur",
    "status", "paid_on", "payout_reference",
]
KSK_COLUMNS = ["year", "designer_legal_name", "tax_number", "statements", "net_paid_eur"]
CENT = Decimal("0.01")
SETTLED = (Statement.Status.ISSUED, Statement.Status.PAID)


def _csv(header, rows):
    buffer = io.StringIO()
    writer = csv_safe.writer(buffer, lineterminator="\n")  # formula injection (issue 12)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def accountant_statements(period):
    """Issued and paid statements whose period lies within `period`, in number order."""
    return (
        Statement.objects.filter(status__in=SETTLED, period_start__gte=period.start, period_end__lte=period.end)
        .defer("pdf")
        .order_by("sequence")
    )


def accountant_row(statement):
    return [
        statement.number,
        timezone.localdate(statement.issued_at).isoformat() if statement.issued_at else "",
        statement.designer_name, statement.designer_tax_number, statement.designer_vat_id, statement.vat_status,
        Period(statement.period_start, statement.period_end).label,
        str(statement.royalty_total), str(statement.net_total), str(statement.vat_rate), str(statement.vat_amount),
        str(statement.gross_total), str(statement.payout_amount), str(statement.carried_forward), statement.status,
        statement.paid_on.isoformat() if statement.paid_on else "", statement.payout_reference,
    ]


def accountant_csv(period):
    return _csv(ACCOUNTANT_COLUMNS, (accountant_row(statement) for statement in accountant_statements(period)))


def ksk_sums(year):
    """Per KSK-insured designer: the net amount of the statements paid out in `year` (see the module docstring)."""
    rows = list(
        Statement.objects.filter(
            status=Statement.Status.PAID, paid_on__year=year, payout_amount__gt=0,
            designer__artists_social_insurance=True,
        )
        .values("designer_id", "designer__legal_name", "designer__tax_number")
        .annotate(statements=Count("pk"), net_paid=Sum("net_total"))
        .order_by("designer__legal_name", "designer_id")
    )
    for row in rows:  # SQLite sums decimals without their scale; the report shows cents everywhere
        row["net_paid"] = Decimal(row["net_paid"]).quantize(CENT)
    return rows


def ksk_csv(year):
    return _csv(KSK_COLUMNS, ([year, row["designer__legal_name"], row["designer__tax_number"], row["statements"],
                               str(row["net_paid"])] for row in ksk_sums(year)))


def payout_years():
    """Calendar years with recorded payouts, newest first (for the report's year select)."""
    return list(
        Statement.objects.filter(~Q(paid_on=None)).annotate(year=ExtractYear("paid_on"))
        .values_list("year", flat=True).distinct().order_by("-year")
    )
