"""Two declarations of the same withdrawal at the same moment (double click, two tabs) on PostgreSQL: one record,
one status change, one acknowledgement."""

import pytest
from django.db import connection
from oscar.core.loading import get_model

from core.models import OutgoingEmail
from shop.order import statuses
from shop.order.withdrawal import withdraw
from tests import concurrency
from tests.factories import ProductFactory
from tests.shop.test_stock_concurrency import basket_with, empty_database, place_order, shop_basics  # noqa: F401

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises all writers, so it cannot show row-lock races",
    ),
]

Order = get_model("order", "Order")
Withdrawal = get_model("order", "Withdrawal")


def test_two_simultaneous_declarations_record_one_withdrawal_and_one_mail():
    order = place_order(basket_with(ProductFactory()))

    def declare():
        return withdraw(Order.objects.get(pk=order.pk), "Erika Beispiel", "kunde@example.org")[1]

    results = concurrency.run_together(declare, declare, declare, timeout=60)

    assert sorted(results) == [("ok", False), ("ok", False), ("ok", True)], results
    assert Withdrawal.objects.filter(order=order).count() == 1
    assert Order.objects.get(pk=order.pk).status == statuses.WITHDRAWAL_DECLARED
    assert order.status_changes.count() == 1
    assert len([m for m in OutgoingEmail.objects.all() if m.to == ["kunde@example.org"]]) == 1  # one acknowledgement
