"""When a distance sale to another member state is taxed in the destination country (§ 3c UStG since 2021-07-01).

The EU-wide threshold is € 10,000 net of B2C distance sales of goods to other member states (all of them together),
per calendar year. German VAT applies as long as neither the previous nor the current calendar year exceeded it.
Once the current year's total exceeds it, the destination country's VAT applies from (and including) the sale that
crosses it, for the rest of that year, and (the previous year having exceeded it) for the whole next year.
`settings.SHOP_OSS_OPT_IN` is the seller's option (§ 3c (4) S. 2 UStG) to tax at the destination from the first
sale; it binds for two calendar years, so switch it on only after telling the Finanzamt (BZSt, OSS registration).

The shop sells to consumers only, so every order delivered to another member state counts. The date of a sale is
the day the order was placed, in the label's time zone. Cancelled orders do not count; partial returns are not
deducted (the threshold is reached no later than the law says, never later).
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.db.models import Q, Sum
from django.utils import timezone
from oscar.core.loading import get_model

from shop.order import statuses
from shop.shipping.repository import EU_COUNTRIES

THRESHOLD = Decimal("10000.00")


def year_bounds(year):
    """[1 January 00:00, next 1 January 00:00) in the label's time zone."""
    zone = timezone.get_current_timezone()
    return (datetime.datetime(year, 1, 1, tzinfo=zone), datetime.datetime(year + 1, 1, 1, tzinfo=zone))


def distance_sales_orders():
    """Orders delivered to another member state (pick-up orders have no shipping address), not cancelled."""
    Order = get_model("order", "Order")
    return Order.objects.filter(shipping_address__country_id__in=EU_COUNTRIES).exclude(status=statuses.CANCELLED)


def distance_sales_net(year):
    """(previous year, `year` so far): net totals (goods and shipping, excl. VAT) in one aggregate query."""
    previous_start, year_start = year_bounds(year - 1)[0], year_bounds(year)[0]
    year_end = year_bounds(year)[1]
    totals = distance_sales_orders().filter(date_placed__gte=previous_start, date_placed__lt=year_end).aggregate(
        previous=Sum("total_excl_tax", filter=Q(date_placed__lt=year_start)),
        current=Sum("total_excl_tax", filter=Q(date_placed__gte=year_start)),
    )
    return totals["previous"] or Decimal("0.00"), totals["current"] or Decimal("0.00")


def oss_applies(on_date=None, sale_net=Decimal("0.00")):
    """Whether a distance sale on `on_date` of `sale_net` (the order being placed, net) is taxed at the destination."""
    if getattr(settings, "SHOP_OSS_OPT_IN", False):
        return True
    on_date = on_date or timezone.localdate()
    previous, current = distance_sales_net(on_date.year)
    return previous > THRESHOLD or current + Decimal(sale_net) > THRESHOLD


def destination_country(country_code, on_date=None, sale_net=Decimal("0.00")):
    """The member state whose VAT a sale delivered to `country_code` carries, or None for German VAT."""
    if country_code not in EU_COUNTRIES:
        return None
    return country_code if oss_applies(on_date, sale_net) else None
