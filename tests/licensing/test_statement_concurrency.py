"""Gap-free Gutschrift numbers under real concurrency on PostgreSQL: runs and issues racing each other."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from products.licensing import periods
from products.licensing.models import Statement
from products.licensing.royalty_run import run_royalties
from products.licensing.statements import issue_statement
from tests.concurrency import run_together
from tests.factories import LicenceFactory, ProductFactory
from tests.licensing.sales_helpers import online_sale
from tests.shop.test_stock_concurrency import empty_database, shop_basics  # noqa: F401  (module fixtures)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises all writers, so it cannot show row-lock races",
    ),
]

Q1 = periods.quarter(2024, 1)


def together(*tasks):
    return run_together(*tasks, refusal=(ValidationError, "refused"))


def designers_with_sales(count):
    licences = []
    for index in range(count):
        product = ProductFactory()
        licences.append(LicenceFactory(products=[product], royalty_percentage=Decimal("10.00")))
        online_sale(product, 1 + index, f"{300 + index}.00", datetime.date(2024, 2, 1 + index))
    return licences


def test_two_runs_of_the_same_period_racing_make_one_draft_per_designer():
    licences = designers_with_sales(3)

    results = together(lambda: run_royalties(Q1), lambda: run_royalties(Q1))

    assert [outcome for outcome, _ in results] == ["ok", "ok"], results
    for licence in licences:
        assert Statement.objects.filter(designer=licence.designer, period_start=Q1.start).count() == 1


def test_issues_racing_each_other_take_consecutive_numbers_and_a_double_click_takes_none():
    designers_with_sales(6)
    run_royalties(Q1)
    drafts = list(Statement.objects.filter(period_start=Q1.start).order_by("pk").values_list("pk", flat=True))

    # Six drafts issued at once, and the first one clicked a second time in the same moment.
    results = together(*[lambda pk=pk: issue_statement(pk).number for pk in drafts],
                       lambda: issue_statement(drafts[0]).number)

    outcomes = [outcome for outcome, _ in results]
    assert "error" not in outcomes, results
    assert outcomes.count("ok") == 6 and outcomes.count("refused") == 1
    assert any("already issued" in message for outcome, message in results if outcome == "refused")
    sequences = sorted(Statement.objects.filter(period_start=Q1.start).values_list("sequence", flat=True))
    assert sequences == list(range(sequences[0], sequences[0] + 6))
    assert len(set(Statement.objects.values_list("number", flat=True))) == 6
