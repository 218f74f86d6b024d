"""Checks Finance needs on licences, computed in SQL."""

import datetime

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from oscar.core.loading import get_model

from .models import Licence, Statement


def _covering_licences(day):
    """Licences covering the outer row's product (or, for a variant, its parent) on `day`, for Exists().

    A licence's sell-off period counts: the contract allows those sales, so they are not flagged.
    """
    return Licence.objects.filter(
        Q(products=OuterRef("product_id")) | Q(products=OuterRef("product__parent_id")),
        Q(sell_off_until__gte=day) | Q(sell_off_until__isnull=True, end_date__gte=day),
        start_date__lte=day,
    )


def _last_licensed_day():
    """The last day any licence of the outer row's product (or its parent) allowed sales, or None if it never had one.

    Finance's list tells "sold after the licence (and its sell-off period) ended" apart from "never licensed".
    """
    return Subquery(
        Licence.objects.filter(Q(products=OuterRef("product_id")) | Q(products=OuterRef("product__parent_id")))
        .annotate(until=Coalesce("sell_off_until", "end_date"))
        .order_by("-until")
        .values("until")[:1]
    )


def sales_outside_licences():
    """Order lines sold on a day no licence covered their product (or, for a variant, its parent).

    One row per product with the units and the first and last such sale, for Finance's warning list.
    Lines whose product was deleted are counted under product None: they cannot be checked any more.
    """
    Line = get_model("order", "Line")
    return (
        Line.objects.annotate(sale_day=TruncDate("order__date_placed"))
        .annotate(covered=Exists(_covering_licences(OuterRef("sale_day"))))
        .filter(covered=False)
        .values("product_id")
        .annotate(
            title=Max("title"),
            upc=Max("upc"),
            parent_id=F("product__parent_id"),
            licensed_until=Max(_last_licensed_day()),
            lines=Count("pk"),
            units=Sum("quantity"),
            first_sold=Min("order__date_placed"),
            last_sold=Max("order__date_placed"),
        )
        .order_by("-last_sold")
    )


def outlet_sales_outside_licences():
    """Outlet sales (partner.OutletSale) dated on a day no licence covered their product (or its parent).

    One row per product and outlet with the units and the first and last such day.
    """
    OutletSale = get_model("partner", "OutletSale")
    return (
        OutletSale.objects.annotate(covered=Exists(_covering_licences(OuterRef("date"))))
        .filter(covered=False)
        .values("product_id", "partner_id")
        .annotate(
            title=Max("product__title"),
            upc=Max("product__upc"),
            outlet=Max("partner__name"),
            licensed_until=Max(_last_licensed_day()),
            lines=Count("pk"),
            units=Sum("units"),
            first_sold=Min("date"),
            last_sold=Max("date"),
        )
        .order_by("-last_sold", "product_id")
    )


def adjustment_is_settled(adjustment):
    """An adjustment on an issued or paid statement is part of a Gutschrift: it can no longer change."""
    return adjustment.statement_id is not None and adjustment.statement.status != Statement.Status.DRAFT


def with_licence_flags(rows):
    """The rows of the warning lists, each with `after_licence`: sold after the last licence (and its sell-off
    period) ended, as opposed to never licensed or sold before a licence started."""
    rows = list(rows)
    for row in rows:
        last = row["last_sold"]
        last_day = timezone.localdate(last) if isinstance(last, datetime.datetime) else last
        row["after_licence"] = row["licensed_until"] is not None and last_day > row["licensed_until"]
    return rows
