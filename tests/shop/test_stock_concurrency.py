"""The last unit is never sold twice: real concurrent buyers on PostgreSQL, each with its own connection.

Orders are placed through Oscar's OrderCreator, the same path as the checkout, with one basket per buyer.
"""


import pytest
from django.db import connection
from oscar.apps.partner.exceptions import InvalidStockAdjustment
from oscar.core.loading import get_class, get_model

from shop.partner import services
from tests import concurrency
from tests.factories import OutletFactory, ProductFactory

pytestmark = [
    pytest.mark.postgres,
    # serialized_rollback: the flush after each test skips post_migrate and the migrated rows (Site, ...) come back.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises all writers, so it cannot show row-lock races",
    ),
]

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
EventHandler = get_class("order.processing", "EventHandler")
Free = get_class("shipping.methods", "Free")
Selector = get_class("partner.strategy", "Selector")

BUYERS = 20


@pytest.fixture(scope="module", autouse=True)
def empty_database(django_db_setup, django_db_blocker):
    """Start from the migrated database, as the browser tests do (tests/e2e/conftest.py explains why).

    The demo loaded for the other tests replaced Wagtail's site; restoring the migrated rows on top of it
    would collide. With every content type cached, the restore never creates one anew.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock():
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)
        call_command("flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0)


@pytest.fixture(autouse=True)
def shop_basics():
    """The rows the tests build on; an earlier transactional test may have flushed the demo content."""
    ProductClass = get_model("catalogue", "ProductClass")
    ProductClass.objects.get_or_create(slug="label-produkt", defaults={"name": "Label-Produkt", "track_stock": True})
    Partner.objects.get_or_create(name="Sozialwerkstatt im Depot", defaults={"kind": "workshop"})


def last_unit_product():
    product = ProductFactory()
    record = product.stockrecords.get()
    services.stocktake(record, 1, reason="Test: nur noch ein Stück")
    return product, record


def basket_with(product):
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(product, 1)
    return basket


def place_order(basket):
    basket = Basket.objects.get(pk=basket.pk)  # this thread's own connection
    basket.strategy = Selector().strategy()
    method = Free()
    charge = method.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, charge)
    return OrderCreator().place_order(basket=basket, total=total, shipping_method=method, shipping_charge=charge,
                                      guest_email="kunde@example.org")


def run_together(*tasks):
    return concurrency.run_together(*tasks, refusal=(InvalidStockAdjustment, "sold out"), timeout=60)


def assert_ledger_balances(record):
    assert [d for d in services.ledger_differences() if d[0].pk == record.pk] == []


def test_twenty_buyers_of_the_last_unit_get_exactly_one_order(skip_unless_postgres):
    product, record = last_unit_product()
    baskets = [basket_with(product) for _ in range(BUYERS)]
    results = run_together(*[lambda b=b: place_order(b) for b in baskets])

    outcomes = [outcome for outcome, _ in results]
    assert "error" not in outcomes, results
    assert outcomes.count("ok") == 1
    assert outcomes.count("sold out") == BUYERS - 1
    assert all("Only 0 unit(s)" in message for outcome, message in results if outcome == "sold out")
    assert Order.objects.filter(lines__product=product).count() == 1  # the other transactions rolled back

    # The order is handed over: the allocation is consumed, the unit leaves the stock as an online sale.
    order = Order.objects.get(lines__product=product)
    EventHandler().consume_stock_allocations(order)
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (0, 0)
    assert record.movements.filter(kind="online_sale").get().quantity == -1
    assert_ledger_balances(record)


@pytest.mark.parametrize("round_", range(3))
def test_a_transfer_racing_an_online_sale_leaves_one_winner(skip_unless_postgres, round_):
    product, record = last_unit_product()
    workshop = Partner.objects.get(name="Sozialwerkstatt im Depot")
    outlet = OutletFactory()
    basket = basket_with(product)
    results = run_together(lambda: place_order(basket), lambda: services.transfer(product, workshop, outlet, 1))

    outcomes = sorted(outcome for outcome, _ in results)
    assert outcomes == ["ok", "sold out"], results
    record.refresh_from_db()
    ordered = Order.objects.filter(lines__product=product).exists()
    moved = StockRecord.objects.filter(product=product, partner=outlet, num_in_stock=1).exists()
    assert ordered != moved
    if ordered:
        assert (record.num_in_stock, record.num_allocated) == (1, 1)
    else:
        assert (record.num_in_stock, record.num_allocated or 0) == (0, 0)
    assert services.ledger_differences() == []


def ten_units_product():
    product = ProductFactory()  # 10 units at the workshop
    return product, product.stockrecords.get()


@pytest.mark.parametrize("round_", range(3))
def test_a_stocktake_racing_a_transfer_applies_both_and_the_ledger_adds_up(skip_unless_postgres, round_):
    product, record = ten_units_product()
    workshop = Partner.objects.get(name="Sozialwerkstatt im Depot")
    outlet = OutletFactory()
    results = run_together(
        lambda: services.stocktake(StockRecord.objects.get(pk=record.pk), 7, reason="Zählung: 3 beschädigt"),
        lambda: services.transfer(product, workshop, outlet, 4),
    )
    assert [outcome for outcome, _ in results] == ["ok", "ok"], results
    record.refresh_from_db()
    # The count is set on the stock really there when it was taken (locked): before the transfer, 7 - 4 = 3
    # remain; after it, the count of 7 stands and the correction is +1.
    correction = record.movements.get(kind="stocktake").quantity
    assert (record.num_in_stock, correction) in ((3, -3), (7, 1))
    assert StockRecord.objects.get(product=product, partner=outlet).num_in_stock == 4
    assert_ledger_balances(record)


def test_product_form_saves_racing_transfers_never_undo_them(skip_unless_postgres):
    product, record = ten_units_product()
    workshop = Partner.objects.get(name="Sozialwerkstatt im Depot")
    outlets = [OutletFactory() for _ in range(4)]

    def save_price(price):
        stale = StockRecord.objects.get(pk=record.pk)  # as the product form loads it
        stale.low_stock_threshold = price
        stale.save()

    tasks = [lambda o=o: services.transfer(product, workshop, o, 2) for o in outlets]
    tasks += [lambda n=n: save_price(n) for n in range(4)]
    results = run_together(*tasks)
    assert all(outcome == "ok" for outcome, _ in results), results
    record.refresh_from_db()
    assert record.num_in_stock == 2  # every transfer stays
    assert_ledger_balances(record)
    assert services.ledger_differences() == []
