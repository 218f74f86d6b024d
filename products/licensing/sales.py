"""The sales basis of royalties: units and net revenue (excl. VAT, after discounts) per product and channel.

Channel "online" is the shop: order lines count on the day their order was paid (Order.paid_at), and a
"Refunded" payment event (a return, or a paid order cancelled) counts its line quantities negatively on the
day it happened. Each outlet is a channel of its own, from the imported outlet sales lines. Everything is
aggregated in the database; Python only adds up the three small grouped results.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, ExpressionWrapper, F, Q, Sum
from django.utils import timezone
from oscar.core.loading import get_model

ONLINE = "online"
REFUNDED = "Refunded"


def outlet_channel(partner_id):
    return f"outlet:{partner_id}"


def partner_of(channel):
    """The outlet's partner id of a channel key, None for the online shop."""
    return int(channel.split(":", 1)[1]) if channel.startswith("outlet:") else None


@dataclass(frozen=True)
class SalesRow:
    product_id: int | None
    channel: str
    units: int
    net_revenue: Decimal


def day_bounds(start, end):
    """[start 00:00, day after end 00:00) in the label's time zone, for datetime columns."""
    zone = timezone.get_current_timezone()
    lower = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    upper = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return lower, upper


def _of_products(queryset, product_ids, prefix=""):
    """Only these products and their variants (None: all products)."""
    if product_ids is None:
        return queryset
    return queryset.filter(Q(**{f"{prefix}product_id__in": product_ids})
                           | Q(**{f"{prefix}product__parent_id__in": product_ids}))


def _online_sales(lower, upper, product_ids=None):
    Line = get_model("order", "Line")
    return (
        _of_products(Line.objects.all(), product_ids)
        .filter(order__paid_at__gte=lower, order__paid_at__lt=upper)
        .values("product_id")
        .annotate(units=Sum("quantity"), net=Sum("line_price_excl_tax"))
        .order_by()
    )


def _online_refunds(lower, upper, product_ids=None):
    """Refunded quantities, valued at their share of the line's net price (discounts included)."""
    PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
    share = ExpressionWrapper(
        F("line__line_price_excl_tax") * F("quantity") / F("line__quantity"),
        output_field=DecimalField(max_digits=14, decimal_places=4),
    )
    return (
        _of_products(PaymentEventQuantity.objects.all(), product_ids, "line__")
        .filter(
            event__event_type__name=REFUNDED,
            event__date_created__gte=lower,
            event__date_created__lt=upper,
            line__order__paid_at__isnull=False,
        )
        .values(product_id=F("line__product_id"))
        .annotate(units=Sum("quantity"), net=Sum(share))
        .order_by()
    )


def _outlet_sales(start, end, product_ids=None):
    OutletSale = get_model("partner", "OutletSale")
    return (
        _of_products(OutletSale.objects.all(), product_ids)
        .filter(date__gte=start, date__lte=end, royalty_as_adjustment=False)  # late ones: see late_sales.py
        .values("product_id", "partner_id")
        .annotate(units=Sum("units"), net=Sum("net_revenue"))
        .order_by()
    )


def sales_basis(start, end, product_ids=None):
    """SalesRows for the days from `start` to `end` (inclusive), one per product and channel.

    `product_ids` limits them to those products and their variants (a designer's licensed products).
    """
    lower, upper = day_bounds(start, end)
    totals = defaultdict(lambda: [0, Decimal("0")])
    for row in _online_sales(lower, upper, product_ids):
        total = totals[(row["product_id"], ONLINE)]
        total[0] += row["units"] or 0
        total[1] += Decimal(row["net"] or 0)
    for row in _online_refunds(lower, upper, product_ids):
        total = totals[(row["product_id"], ONLINE)]
        total[0] -= row["units"] or 0
        total[1] -= Decimal(row["net"] or 0)
    for row in _outlet_sales(start, end, product_ids):
        total = totals[(row["product_id"], outlet_channel(row["partner_id"]))]
        total[0] += row["units"] or 0
        total[1] += Decimal(row["net"] or 0)
    # Not rounded here: a refunded share of a discounted line may hold fractions of a cent, and the royalty
    # run adds up several sub-periods before it rounds each statement line.
    ordered = sorted(totals.items(), key=lambda item: (item[0][0] or 0, item[0][1]))
    return [SalesRow(product_id, channel, units, net) for (product_id, channel), (units, net) in ordered
            if units or net]
