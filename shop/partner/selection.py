"""Which stock record serves an online order: the social workshop's."""

from django.core.cache import cache
from oscar.apps.partner.strategy import UseFirstStockRecord
from oscar.core.loading import get_model

WORKSHOPS_CACHE_KEY = "partner:workshop-ids"


def workshop_ids():
    """Primary keys of the workshop partners, from the shared cache (cleared when a partner changes)."""
    ids = cache.get(WORKSHOPS_CACHE_KEY)
    if ids is None:
        Partner = get_model("partner", "Partner")
        ids = list(Partner.objects.filter(kind=Partner.Kind.WORKSHOP).values_list("pk", flat=True))
        cache.set(WORKSHOPS_CACHE_KEY, ids, 60 * 60)
    return set(ids)


def forget_workshop_ids(**kwargs):
    cache.delete(WORKSHOPS_CACHE_KEY)


class UseWorkshopStockRecord(UseFirstStockRecord):
    """Online orders are allocated and fulfilled from the workshop's record; outlet stock is for visitors.

    Works on prefetched `stockrecords` without a query per product: the workshop partners' keys come from
    the cache. Products that only an outlet has use its record.
    """

    def select_stockrecord(self, product):
        records = list(product.stockrecords.all())
        if len(records) <= 1:
            return records[0] if records else None
        if not hasattr(self, "_workshops"):
            self._workshops = workshop_ids()
        for record in records:
            if record.partner_id in self._workshops:
                return record
        return records[0]
