"""Gap-free document numbers: one counter row per series, locked while a number is taken.

    with transaction.atomic():
        sequence = next_number("invoice")      # 1, 2, 3, … per series
        Invoice.objects.create(sequence=sequence, ...)

A number belongs to the transaction that took it: if that transaction rolls back, so does the counter, and
the next document gets the number (§ 14 (4) Nr. 4 UStG wants a unique, continuous series). Concurrent issuers
queue on the row lock until the first one commits. The lock is the counter's own, separate from any run lock
(core.locks), and held only by the transaction that issues a document.
"""

from django.db import connection, transaction

from .models import NumberCounter


def next_number(series):
    """Take the next number of `series` (e.g. "invoice", "cancellation"); call it inside transaction.atomic()."""
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError(
            f"A {series!r} number is taken inside the transaction that issues the document."
        )
    # Insert-if-missing first, so that two first issuers never race on creating the row.
    NumberCounter.objects.bulk_create([NumberCounter(series=series)], ignore_conflicts=True)
    counter = NumberCounter.objects.select_for_update().get(series=series)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def last_number(series):
    """The last number issued in `series` (0 before the first)."""
    return NumberCounter.objects.filter(series=series).values_list("last_number", flat=True).first() or 0
