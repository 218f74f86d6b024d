"""Stock changes with their ledger entries, each in one database transaction.

Every function that changes `num_in_stock` does it with a conditional UPDATE (the stock never goes below
what is allocated to orders) and writes the StockMovement in the same transaction.
"""

import uuid

from django.db import transaction
from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from .exceptions import InsufficientStock

StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")
Partner = get_model("partner", "Partner")


class StockError(ValueError):
    """Input a stock change cannot accept (message for the user)."""


def _change(stockrecord, quantity, kind, user=None, reason="", reference=""):
    """Add `quantity` (may be negative) to the record's stock and write the movement. Call inside atomic()."""
    records = StockRecord.objects.filter(pk=stockrecord.pk)
    if quantity < 0:
        # Stock may not drop below the units promised to online orders (nor below zero).
        records = records.filter(num_in_stock__gte=Coalesce(F("num_allocated"), 0) - quantity)
    if not records.update(num_in_stock=Coalesce(F("num_in_stock"), 0) + quantity):
        stockrecord.refresh_from_db(fields=["num_in_stock", "num_allocated"])
        raise InsufficientStock(stockrecord, -quantity, stockrecord.net_stock_level)
    movement = StockMovement.objects.create(
        stockrecord=stockrecord, kind=kind, quantity=quantity, created_by=user, reason=reason, reference=reference
    )
    stockrecord.refresh_from_db(fields=["num_in_stock", "num_allocated"])
    return movement


def _positive(quantity):
    if quantity is None or int(quantity) <= 0:
        raise StockError(_("The quantity must be a whole number greater than zero."))
    return int(quantity)


@transaction.atomic
def record_production(stockrecord, quantity, user=None, reason=""):
    """A production batch from the workshop arrives in stock."""
    return _change(stockrecord, _positive(quantity), StockMovement.Kind.PRODUCTION, user, reason)


@transaction.atomic
def record_return(stockrecord, quantity, user=None, reason="", reference=""):
    """Units sent back by a customer go back into stock."""
    return _change(stockrecord, _positive(quantity), StockMovement.Kind.RETURN, user, reason, reference)


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
    out = _change(origin, -quantity, StockMovement.Kind.TRANSFER_OUT, user, reason, reference)
    _change(target, quantity, StockMovement.Kind.TRANSFER_IN, user, reason, reference)
    return out


@transaction.atomic
def stocktake(stockrecord, counted, user=None, reason=""):
    """Set the stock to the counted number; the difference is a correction. Less than before needs a reason."""
    if counted is None or int(counted) < 0:
        raise StockError(_("The counted number must be zero or more."))
    counted = int(counted)
    reason = (reason or "").strip()
    # Lock the row: the difference must be computed from the stock that is really there now.
    locked = StockRecord.objects.select_for_update().get(pk=stockrecord.pk)
    difference = counted - (locked.num_in_stock or 0)
    if difference < 0 and not reason:
        raise StockError(_("A correction that lowers the stock needs a reason (e.g. damaged, lost, miscounted)."))
    if difference == 0:
        return None
    return _change(stockrecord, difference, StockMovement.Kind.STOCKTAKE, user, reason)


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
