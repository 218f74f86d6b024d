"""What the portal reads. Every function takes the designer: nothing here can return another designer's data."""

from decimal import Decimal
from types import SimpleNamespace

from django.db.models import Max, Sum

from accounts.roles import DESIGNERS

from ..models import Licence, Statement, StatementLine
from ..periods import Period, current_quarter, today
from ..royalty_run import collect_royalty_lines
from ..statement_documents import grouped_lines

# Drafts are Finance's working copies: a designer sees a statement once it is issued.
VISIBLE = (Statement.Status.ISSUED, Statement.Status.PAID)


def designer_of(user):
    """The Designer record of a logged-in member of the Designers group, or None (one query)."""
    from products.designers.models import Designer

    if not user.is_authenticated:
        return None
    return Designer.objects.filter(user=user, user__groups__name=DESIGNERS).first()


def visible_statements(designer):
    """The designer's issued and paid statements, newest first, without the stored PDF."""
    return Statement.objects.filter(designer=designer, status__in=VISIBLE).defer("pdf").order_by(
        "-period_end", "-pk"
    )


def statement_with_pdf(designer, pk):
    return Statement.objects.filter(designer=designer, status__in=VISIBLE, pk=pk).only(
        "pk", "number", "pdf", "designer_id", "status"
    ).first()


def designer_licences(designer):
    return Licence.objects.filter(designer=designer).prefetch_related("products").order_by("-start_date",
                                                                                          "contract_number")


def running_period(day=None):
    """From the start of the current quarter to today: sales that no statement has settled yet."""
    day = day or today()
    return Period(current_quarter(day).start, day)


RUNNING_COLUMNS = ("product_title", "product_upc", "channel_name", "units", "net_revenue", "amount")


def running_sales(designer, period):
    """The period's royalty lines so far, summed per product and channel (provisional: before guarantees,
    recoupment and adjustments, which only a run applies)."""
    lines_by_designer, _unlicensed, _rows, _licences = collect_royalty_lines(period, designer_id=designer.pk)
    # The same grouping as a statement's, over the not yet saved lines.
    groups, _others = grouped_lines([SimpleNamespace(**line) for line in lines_by_designer.get(designer.pk, ())])
    rows = [{key: group[key] for key in RUNNING_COLUMNS}
            for group in sorted(groups, key=lambda row: (row["product_title"], row["channel_name"]))]
    totals = {
        "units": sum(row["units"] for row in rows),
        "net_revenue": sum((row["net_revenue"] for row in rows), Decimal("0")),
        "amount": sum((row["amount"] for row in rows), Decimal("0")),
    }
    return rows, totals


def monthly_royalties(designer, first_month, last_month):
    """Royalties of the designer's issued and paid statements per month of sale and channel, in one query.

    Rows: {"sales_month", "channel", "channel_name", "total"}; the name is the latest one printed.
    """
    return list(
        StatementLine.objects.filter(
            statement__designer=designer, statement__status__in=VISIBLE, kind=StatementLine.Kind.ROYALTY,
            sales_month__gte=first_month, sales_month__lte=last_month,
        )
        .values("sales_month", "channel")
        .annotate(total=Sum("amount"), channel_name=Max("channel_name"))
        .order_by("sales_month", "channel")
    )
