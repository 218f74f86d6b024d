"""Checks Finance needs on licences, computed in SQL."""

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, Sum
from django.db.models.functions import TruncDate
from oscar.core.loading import get_model

from .models import Licence


def sales_outside_licences():
    """Order lines sold on a day no licence covered their product (or, for a variant, its parent).

    One row per product with the units and the first and last such sale, for Finance's warning list.
    Lines whose product was deleted are counted under product None: they cannot be checked any more.
    """
    Line = get_model("order", "Line")
    sale_day = OuterRef("sale_day")
    covered = Licence.objects.filter(
        Q(products=OuterRef("product_id")) | Q(products=OuterRef("product__parent_id")),
        start_date__lte=sale_day,
        end_date__gte=sale_day,
    )
    return (
        Line.objects.annotate(sale_day=TruncDate("order__date_placed"))
        .annotate(covered=Exists(covered))
        .filter(covered=False)
        .values("product_id")
        .annotate(
            title=Max("title"),
            upc=Max("upc"),
            parent_id=F("product__parent_id"),
            lines=Count("pk"),
            units=Sum("quantity"),
            first_sold=Min("order__date_placed"),
            last_sold=Max("order__date_placed"),
        )
        .order_by("-last_sold")
    )
