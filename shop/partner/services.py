"""The one way to change stock: every change of `num_in_stock` goes through `apply_changes`.

`apply_changes` locks the stock records (`select_for_update`, in primary-key order so that two writers never
deadlock), refuses any result below the units allocated to online orders (or below zero), updates the rows and
writes the ledger movements, all in one transaction. Production, transfers, stocktakes, outlet sales, online
orders (allocation at placement, consumption on shipping, cancellation), returns, opening balances and the demo
all call it; nothing else writes `StockMovement` rows, `num_in_stock` or `num_allocated` (the stock record's
`save()` leaves both out and refuses a changed stock).
"""

import uuid
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
    """One change of a stock record: `quantity` units in (negative: out), a ledger movement when not zero.

    `allocation` changes the units allocated to online orders: positive when an order is placed, negative when
    its units leave the shelf (with a negative `quantity`: consumed) or when it is cancelled (quantity 0).
    """

    stockrecord: object
    quantity: int
    kind: str = ""
    reason: str = ""
    reference: str = ""
    user: object = None
    created_at: datetime | None = None
    allocation: int = 0


def below_allocation(record, stock, allocated, field=None):
    return StockError(
        _("The stock of %(product)s at %(partner)s cannot go down to %(stock)s: %(allocated)s unit(s) are "
          "allocated to online orders.") % {
            "product": record.product.get_title(), "partner": record.partner.display_name,
            "stock": stock, "allocated": allocated}, field=field)


def _step(change, stock, allocated):
    """(stock, allocated) after one change, or the refusal. Oscar's InvalidStockAdjustment (InsufficientStock)
    is what the checkout and the order pipeline catch."""
    quantity, allocation = change.quantity, change.allocation
    if allocation < 0 and quantity == 0:
        return stock, allocated - min(allocated, -allocation)  # a cancellation releases at most what is allocated
    if allocation < 0 and (-allocation > allocated or stock + quantity < 0):
        raise InsufficientStock(message=_("Invalid stock consumption request"))
    new_stock, new_allocated = stock + quantity, allocated + allocation
    if new_stock < new_allocated or new_stock < 0:
        if allocation > 0 or quantity < 0:
            raise InsufficientStock(change.stockrecord, allocation or -quantity, stock - allocated)
        raise below_allocation(change.stockrecord, new_stock, new_allocated)
    return new_stock, new_allocated


@transaction.atomic
def apply_changes(changes):
    """Apply the changes in order (all or none); return the movements written.

    The only writer of `num_in_stock`, `num_allocated` and the stock ledger.
    """
    changes = [change for change in changes if change.quantity or change.allocation]
    if not changes:
        return []
    pks = sorted({change.stockrecord.pk for change in changes})
    state = {
        pk: (stock or 0, allocated or 0)
        for pk, stock, allocated in StockRecord.objects.select_for_update().filter(pk__in=pks).order_by("pk")
        .values_list("pk", "num_in_stock", "num_allocated")
    }
    before = dict(state)
    for change in changes:
        state[change.stockrecord.pk] = _step(change, *state[change.stockrecord.pk])
    for pk in pks:
        (stock, allocated), (old_stock, old_allocated) = state[pk], before[pk]
        updates = {}
        if stock != old_stock:
            updates["num_in_stock"] = Coalesce(F("num_in_stock"), 0) + (stock - old_stock)
        if allocated != old_allocated:
            updates["num_allocated"] = Coalesce(F("num_allocated"), 0) + (allocated - old_allocated)
        if updates:
            StockRecord.objects.filter(pk=pk).update(**updates)
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
        change.stockrecord.num_in_stock, change.stockrecord.num_allocated = state[change.stockrecord.pk]
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


def allocate(stockrecord, quantity):
    """An online order is placed: its units are promised (allocated), on the locked row, so never twice."""
    apply_changes([Change(stockrecord, 0, allocation=int(quantity))])


def cancel_allocation(stockrecord, quantity):
    """An order is cancelled: its allocated units are free again (never more than are allocated)."""
    apply_changes([Change(stockrecord, 0, allocation=-int(quantity))])


def consume_allocation(stockrecord, quantity, user=None, reference=""):
    """An online order is shipped or handed over: its allocated units leave the stock as an online sale."""
    return apply_changes([Change(stockrecord, -int(quantity), StockMovement.Kind.ONLINE_SALE, user=user,
                                 reference=reference, allocation=-int(quantity))])[0]


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
