"""Gap-free Gutschrift numbers under real concurrency on PostgreSQL: runs and issues racing each other."""

import datetime
import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from products.licensing import periods
from products.licensing.models import Statement, StatementCounter
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


def waiting_for_locks():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND wait_event_type = 'Lock'")
        return cursor.fetchone()[0]


def wait_until(condition, what, timeout=60):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def in_thread(task, results, name):
    def work():
        try:
            results[name] = ("ok", task())
        except Exception as error:  # noqa: BLE001  (reported by the assertions)
            results[name] = ("error", repr(error))
        finally:
            connections.close_all()

    thread = threading.Thread(target=work)
    thread.start()
    return thread


def test_a_run_racing_an_issue_never_turns_the_gutschrift_back_into_a_draft_nor_leaves_a_gap():
    [licence] = designers_with_sales(1)
    product = licence.products.get()
    run_royalties(Q1)
    draft = Statement.objects.get(designer=licence.designer, period_start=Q1.start)
    StatementCounter.objects.get_or_create(key="gutschrift")
    results, held, release = {}, threading.Event(), threading.Event()

    def hold_the_number_counter():
        with transaction.atomic():
            StatementCounter.objects.select_for_update().get(key="gutschrift")
            held.set()
            release.wait(60)

    # The issue checks the draft and then waits for its number; meanwhile a sale of the period arrives and a
    # run starts: it finds the period's draft out of date and would rewrite it.
    threads = [in_thread(hold_the_number_counter, results, "holder")]
    assert held.wait(30)
    threads.append(in_thread(lambda: issue_statement(draft.pk).number, results, "issue"))
    wait_until(lambda: waiting_for_locks() >= 1, "the issue to wait for its number")
    online_sale(product, 1, "100.00", datetime.date(2024, 3, 1))
    threads.append(in_thread(lambda: run_royalties(Q1).run.pk, results, "run"))
    wait_until(lambda: waiting_for_locks() >= 2, "the run to wait")
    release.set()
    for thread in threads:
        thread.join(120)

    assert results["issue"][0] == "ok" and results["run"][0] == "ok", results
    statement = Statement.objects.get(pk=draft.pk)
    assert statement.status == Statement.Status.ISSUED and statement.number == results["issue"][1]
    assert statement.lines.exists() and statement.pdf
    counter = StatementCounter.objects.get(key="gutschrift")
    assert statement.sequence == counter.last_number  # the number taken is the number kept: no gap
