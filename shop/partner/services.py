"""The one way to change stock: every change of `num_in_stock` goes through `apply_changes`.

`apply_changes` locks the stock records (`select_for_update`, in primary-key order so that two writers never
deadlock), refuses any result below the units allocated to online orders (or below zero), updates the rows and
writes the ledger movements, all in one transaction. Production, transfers, stocktakes, outlet sales, online
sales (consumed allocations), returns, opening balances and the demo all call it; nothing else writes
`StockMovement` rows or `num_in_stock` (the stock record's `save()` refuses to).
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from .exceptions import InsufficientStock, StockError

StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")
Partner = get_model("partner", "Partner")


@dataclass
class Change:
    """One ledger movement: `quantity` units (negative when they leave) of one stock record."""

    stockrecord: object
    quantity: int
    kind: str
    reason: str = ""
    reference: str = ""
    user: object = None
    created_at: datetime | None = None
    # Units of the record's allocation that this change consumes (an online order leaves the shelf).
    consumed: int = 0


def below_allocation(record, stock, allocated, field=None):
    return StockError(
        _("The stock of %(product)s at %(partner)s cannot go down to %(stock)s: %(allocated)s unit(s) are "
          "allocated to online orders.") % {
            "product": record.product.get_title(), "partner": record.partner.display_name,
            "stock": stock, "allocated": allocated}, field=field)


@transaction.atomic
def apply_changes(changes):
    """Apply the changes (all or none) and return their movements. The only writer of stock and ledger."""
    changes = [change for change in changes if change.quantity or change.consumed]
    if not changes:
        return []
    totals = defaultdict(lambda: [0, 0])
    for change in changes:
        totals[change.stockrecord.pk][0] += change.quantity
        totals[change.stockrecord.pk][1] += change.consumed
    locked = {
        record.pk: record
        for record in StockRecord.objects.select_for_update().filter(pk__in=sorted(totals)).order_by("pk")
        .only("pk", "num_in_stock", "num_allocated")
    }
    after = {}
    for pk, (quantity, consumed) in totals.items():
        record = locked[pk]
        stock, allocated = (record.num_in_stock or 0), (record.num_allocated or 0)
        if consumed > allocated:
            raise InsufficientStock(message=_("Invalid stock consumption request"))
        new_stock, new_allocated = stock + quantity, allocated - consumed
        if new_stock < new_allocated or new_stock < 0:
            given = next(change.stockrecord for change in changes if change.stockrecord.pk == pk)
            # Oscar's InvalidStockAdjustment (InsufficientStock): the checkout and the order pipeline catch it.
            if consumed:
                raise InsufficientStock(message=_("Invalid stock consumption request"))
            if quantity < 0:
                raise InsufficientStock(given, -quantity, stock - allocated)
            raise below_allocation(given, new_stock, new_allocated)
        updates = {"num_in_stock": Coalesce(F("num_in_stock"), 0) + quantity}
        if consumed:
            updates["num_allocated"] = Coalesce(F("num_allocated"), 0) - consumed
        StockRecord.objects.filter(pk=pk).update(**updates)
        after[pk] = (new_stock, new_allocated)
    now = timezone.now()
    movements = StockMovement.objects.bulk_create([
        StockMovement(
            stockrecord_id=change.stockrecord.pk, kind=change.kind, quantity=change.quantity,
            reason=(change.reason or "")[:255], reference=change.reference or "", created_by=change.user,
            created_at=change.created_at or now,
        ) for change in changes if change.quantity
    ], batch_size=2000)
    # The callers' instances show the new stock without a query each (and may be saved again safely).
    for change in changes:
        change.stockrecord.num_in_stock, change.stockrecord.num_allocated = after[change.stockrecord.pk]
        change.stockrecord._stock_at_load = change.stockrecord.num_in_stock
    return movements


def _positive(quantity):
    if quantity is None or int(quantity) <= 0:
        raise StockError(_("The quantity must be a whole number greater than zero."))
    return int(quantity)


def _single(stockrecord, quantity, kind, user=None, reason="", reference=""):
    return apply_changes([Change(stockrecord, quantity, kind, reason, reference, user)])[0]


@transaction.atomic
def record_production(stockrecord, quantity, user=None, reason=""):
    """A production batch from the workshop arrives in stock."""
    return _single(stockrecord, _positive(quantity), StockMovement.Kind.PRODUCTION, user, reason)


@transaction.atomic
def record_return(stockrecord, quantity, user=None, reason="", reference=""):
    """Units sent back by a customer go back into stock."""
    return _single(stockrecord, _positive(quantity), StockMovement.Kind.RETURN, user, reason, reference)


def record_opening(stockrecord, quantity, user=None):
    """The stock a new record starts with (the ledger's first entry)."""
    return _single(stockrecord, int(quantity), StockMovement.Kind.OPENING, user)


def consume_allocation(stockrecord, quantity, user=None, reference=""):
    """An online order is shipped or handed over: its allocated units leave the stock as an online sale."""
    return apply_changes([Change(stockrecord, -int(quantity), StockMovement.Kind.ONLINE_SALE, user=user,
                                 reference=reference, consumed=int(quantity))])[0]


def stockrecord_for(product, partner, create=True):
    """The partner's stock record for the product; created (empty, price copied) when missing."""
    record = StockRecord.objects.filter(product=product, partner=partner).first()
    if record is None and create:
        template = product.stockrecords.order_by("pk").first()
        record = StockRecord.objects.create(
            product=product,
            partner=partner,
            partner_sku=(template.partner_sku if template else product.upc) or f"P{product.pk}",
            price=template.price if template else None,
            price_currency=template.price_currency if template else "EUR",
            num_in_stock=0,
        )
    return record


@transaction.atomic
def transfer(product, source, destination, quantity, user=None, reason=""):
    """Move units between two partners (workshop → outlet, or back): two movements with one reference."""
    quantity = _positive(quantity)
    if source.pk == destination.pk:
        raise StockError(_("Source and destination must be different partners."))
    origin = StockRecord.objects.filter(product=product, partner=source).first()
    if origin is None:
        raise StockError(_("%(partner)s has no stock of %(product)s.") % {
            "partner": source.display_name, "product": product.get_title()})
    target = stockrecord_for(product, destination)
    reference = f"transfer:{uuid.uuid4().hex[:12]}"
    out, _into = apply_changes([
        Change(origin, -quantity, StockMovement.Kind.TRANSFER_OUT, reason, reference, user),
        Change(target, quantity, StockMovement.Kind.TRANSFER_IN, reason, reference, user),
    ])
    return out


@transaction.atomic
def stocktake(stockrecord, counted, user=None, reason=""):
    """Set the stock to the counted number; the difference is a correction. Less than before needs a reason.

    Raises StockError with `field` set to the form field it concerns ("counted" or "reason").
    """
    if counted is None or int(counted) < 0:
        raise StockError(_("The counted number must be zero or more."), field="counted")
    counted = int(counted)
    reason = (reason or "").strip()
    # Lock the row: the difference must be computed from the stock that is really there now.
    locked = StockRecord.objects.select_for_update().select_related("product", "partner").get(pk=stockrecord.pk)
    difference = counted - (locked.num_in_stock or 0)
    if difference < 0 and not reason:
        raise StockError(_("A correction that lowers the stock needs a reason (e.g. damaged, lost, miscounted)."),
                         field="reason")
    if difference == 0:
        return None
    if counted < (locked.num_allocated or 0):
        raise below_allocation(locked, counted, locked.num_allocated, field="counted")
    return _single(stockrecord, difference, StockMovement.Kind.STOCKTAKE, user, reason)


def ledger_differences():
    """Stock records whose `num_in_stock` differs from the sum of their movements: (record, stock, ledger sum)."""
    ledger = (
        StockMovement.objects.filter(stockrecord=OuterRef("pk"))
        .order_by()
        .values("stockrecord")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    records = (
        StockRecord.objects.annotate(ledger=Coalesce(Subquery(ledger), 0))
        .exclude(ledger=Coalesce(F("num_in_stock"), 0))
        .select_related("product", "partner")
        .order_by("pk")
    )
    return [(record, record.num_in_stock or 0, record.ledger) for record in records]
