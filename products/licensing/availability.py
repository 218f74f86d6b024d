"""The off-sale rule: a licensed label product is sold only while one of its licences allows it.

A licence allows sales from its start date to its end date, or to the end of its sell-off period. A variant
follows its parent's licences. A label product that never had a licence (an in-house design) is not limited
here; Finance's "Sales outside licences" list still shows its sales.

Listing querysets prefetch `licences` (see products.catalogue.queries), so the check costs no query per product.
"""

from collections import defaultdict

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Licence


def _licensed_product(product):
    return product.parent if product.is_child and product.parent_id else product


def licence_allows_sale(product, day=None):
    """False when the product's licences (or its parent's) have all ended, sell-off included, or not yet begun."""
    holder = _licensed_product(product)
    if holder.pk is None or not holder.is_label_product:
        return True
    licences = holder.licences.all()
    if not licences:
        return True
    day = day or timezone.localdate()
    return any(licence.allows_sale_on(day) for licence in licences)


def sales_after_licence_notes(sales):
    """Notes for an outlet import's result page: sales dated after the product's licences ended.

    Finance sees them in "Sales outside licences"; the note tells the uploader at once. One query.
    """
    if not sales:
        return []
    holders = {sale.product_id: sale.product.parent_id or sale.product_id for sale in sales}
    Through = Licence.products.through
    licences = defaultdict(list)
    for product_id, start, end, sell_off in Through.objects.filter(product_id__in=set(holders.values())).values_list(
        "product_id", "licence__start_date", "licence__end_date", "licence__sell_off_until"
    ):
        licences[product_id].append((start, sell_off or end))
    flagged = defaultdict(list)
    for sale in sales:
        periods = licences.get(holders[sale.product_id])
        if not periods or any(start <= sale.date <= until for start, until in periods):
            continue
        last = max(until for _start, until in periods)
        if sale.date > last:
            flagged[(sale.product, last)].append(sale.date)
    notes = []
    for (product, last), days in flagged.items():
        notes.append({"message": _(
            "%(product)s was sold on %(days)s, after its licence ended (sales were allowed until %(last)s). "
            "Finance has been flagged (“Sales outside licences”)."
        ) % {
            "product": product.get_title(),
            "days": ", ".join(date_format(day, "SHORT_DATE_FORMAT") for day in sorted(set(days))),
            "last": date_format(last, "SHORT_DATE_FORMAT"),
        }})
    return notes
