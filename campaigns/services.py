"""Campaign rules as plain functions: status from the dates, index filters, products for product blocks."""

from datetime import date

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

UPCOMING = "upcoming"
RUNNING = "running"
PAST = "past"
STATUS_CHOICES = [(UPCOMING, _("Upcoming")), (RUNNING, _("Running")), (PAST, _("Past"))]


def local_today():
    """Today in the site's time zone (Europe/Berlin): a campaign ends at local midnight, not UTC midnight."""
    return timezone.localdate()


def campaign_status(start_date, end_date, today=None):
    today = today or local_today()
    if start_date > today:
        return UPCOMING
    if end_date < today:
        return PAST
    return RUNNING


def status_q(status, today=None):
    today = today or local_today()
    if status == UPCOMING:
        return Q(start_date__gt=today)
    if status == PAST:
        return Q(end_date__lt=today)
    if status == RUNNING:
        return Q(start_date__lte=today, end_date__gte=today)
    return Q()


def year_q(year):
    """Campaigns that run during any part of `year`."""
    return Q(start_date__lte=date(year, 12, 31), end_date__gte=date(year, 1, 1))


def filter_campaigns(queryset, district=None, status=None, year=None, today=None):
    """Apply the index filters; `district` is a District of any locale (matched by its translation key)."""
    if district is not None:
        queryset = queryset.filter(districts__translation_key=district.translation_key)
    if status:
        queryset = queryset.filter(status_q(status, today))
    if year:
        queryset = queryset.filter(year_q(year))
    return queryset.distinct() if district is not None else queryset


def product_block_values(stream_value):
    """Yield the (block type, value) of every product block in a stream (product blocks sit at its top level)."""
    for block in stream_value:
        if block.block_type in ("product_teaser", "product_list"):
            yield block.block_type, block.value


def load_products_for_stream(stream_value):
    """Load every product the stream's product blocks show, in two queries however many blocks or products.

    Returns {"by_id": {pk: product}, "by_category": {category pk: [products, newest first]}}.
    Products deleted or hidden after being chosen are simply missing.
    """
    from oscar.core.loading import get_model

    from products.catalogue.queries import product_cards

    Product = get_model("catalogue", "Product")
    ids, categories = set(), {}
    for block_type, value in product_block_values(stream_value):
        if block_type == "product_teaser":
            if value.get("product") is not None:
                ids.add(value["product"].pk)
        elif value.get("source") == "category":
            if value.get("category") is not None:
                categories[value["category"].pk] = value["category"]
        else:
            ids.update(p.pk for p in value.get("products") or [] if p is not None)
    by_id, by_category = {}, {pk: [] for pk in categories}
    if not ids and not categories:
        return {"by_id": by_id, "by_category": by_category}
    wanted = Q(pk__in=ids)
    for category in categories.values():
        wanted |= Q(categories__path__startswith=category.path)
    # One row per product and category: the category path tells which list a product belongs in.
    rows = product_cards(
        Product.objects.browsable().filter(wanted).annotate(category_path=F("categories__path"))
    ).order_by("-date_created", "-pk")
    for product in rows:
        if product.pk in ids:
            by_id.setdefault(product.pk, product)
        for pk, category in categories.items():
            path = product.category_path or ""
            if path.startswith(category.path) and product not in by_category[pk]:
                by_category[pk].append(product)
    return {"by_id": by_id, "by_category": by_category}


def products_for_list(value, loaded):
    """The products a product list block shows, in order, at most its max count."""
    limit = value.get("max_count") or 4
    if value.get("source") == "category":
        category = value.get("category")
        products = loaded["by_category"].get(category.pk, []) if category is not None else []
    else:
        products = [loaded["by_id"].get(p.pk) for p in value.get("products") or [] if p is not None]
    return [p for p in products if p is not None][:limit]
