"""Which outlets are open, and which of them have a product in stock."""

from django.db.models import Q
from django.utils import timezone
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")


def open_partner(prefix=""):
    """Condition for a partner that is open today: active, and a pop-up store only until its last day."""
    today = timezone.localdate()
    return Q(**{f"{prefix}is_active": True}) & (
        Q(**{f"{prefix}active_until__isnull": True}) | Q(**{f"{prefix}active_until__gte": today})
    )


def open_outlets():
    """Active outlets (not the workshop; a pop-up store only until its last day), with their addresses."""
    return (
        Partner.objects.filter(open_partner()).exclude(kind=Partner.Kind.WORKSHOP)
        .prefetch_related("addresses").order_by("kind", "name")
    )


def outlets_with_stock(product):
    """Open outlets that have at least one unit of the product: one query, whatever the number of outlets."""
    records = (
        StockRecord.objects.filter(product=product, num_in_stock__gt=0)
        .filter(open_partner("partner__"))
        .exclude(partner__kind=Partner.Kind.WORKSHOP)
        .select_related("partner")
        .order_by("partner__name")
    )
    return [record.partner for record in records]
