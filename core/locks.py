"""Named locks held in the database: a row lock that every process and every host respects until the commit.

    with transaction.atomic():
        locks.hold("royalty-run")
        ...

Locks are taken in a fixed order by their users (see the callers) so that they never deadlock. A named lock is
separate from any counter: a number counter's own row lock is held only while a number is taken.
"""

from django.db import connection, transaction

from .models import NamedLock


def hold(name):
    """Lock `name` until the surrounding transaction ends; waits while another transaction holds it."""
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError(f"The lock {name!r} is held until the commit: take it "
                                                     "inside transaction.atomic().")
    # Insert-if-missing first, so that two first users never race on creating the row.
    NamedLock.objects.bulk_create([NamedLock(name=name)], ignore_conflicts=True)
    return NamedLock.objects.select_for_update().get(name=name)
