"""Which stock record serves an online order: the social workshop's."""

from oscar.apps.partner.strategy import UseFirstStockRecord
from oscar.core.loading import get_model


class UseWorkshopStockRecord(UseFirstStockRecord):
    """Online orders are allocated and fulfilled from the workshop's record; outlet stock is for visitors.

    Works on prefetched `stockrecords`; with several records the workshop partners are looked up once per
    strategy (one query per request, not per product). Products that only an outlet has use its record.
    """

    def _workshop_ids(self):
        if not hasattr(self, "_workshops"):
            Partner = get_model("partner", "Partner")
            self._workshops = set(Partner.objects.filter(kind=Partner.Kind.WORKSHOP).values_list("pk", flat=True))
        return self._workshops

    def select_stockrecord(self, product):
        records = list(product.stockrecords.all())
        if len(records) <= 1:
            return records[0] if records else None
        workshops = self._workshop_ids()
        for record in records:
            if record.partner_id in workshops:
                return record
        return records[0]
