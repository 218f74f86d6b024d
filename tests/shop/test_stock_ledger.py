"""Every change of stock is a ledger movement; the balance check finds records that do not match."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from oscar.apps.partner.exceptions import InvalidStockAdjustment
from oscar.core.loading import get_model

from shop.partner import services
from shop.partner.exceptions import InsufficientStock
from tests.factories import OutletFactory, ProductFactory

pytestmark = pytest.mark.django_db
StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")
Partner = get_model("partner", "Partner")
Kind = StockMovement.Kind


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English (the site's default language is German)."""
    with translation.override("en"):
        yield


@pytest.fixture
def workshop():
    return Partner.objects.get(name="Sozialwerkstatt im Depot")


@pytest.fixture
def record(workshop):
    return ProductFactory().stockrecords.get(partner=workshop)


def ledger_sum(record):
    return sum(record.movements.values_list("quantity", flat=True))


def test_a_new_record_opens_its_ledger_with_its_stock(record):
    assert record.num_in_stock == 10
    assert list(record.movements.values_list("kind", "quantity")) == [(Kind.OPENING, 10)]


def test_production_batch_adds_stock_with_who_did_it(record, demo_user):
    user = demo_user("shop@example.org")
    movement = services.record_production(record, 5, user=user, reason="Charge 12")
    record.refresh_from_db()
    assert record.num_in_stock == 15
    assert (movement.kind, movement.quantity, movement.created_by) == (Kind.PRODUCTION, 5, user)
    assert ledger_sum(record) == 15


def test_transfer_moves_units_to_the_outlet_with_two_movements(record, workshop):
    outlet = OutletFactory()
    services.transfer(record.product, workshop, outlet, 4)
    record.refresh_from_db()
    target = StockRecord.objects.get(product=record.product, partner=outlet)
    assert (record.num_in_stock, target.num_in_stock) == (6, 4)
    out, into = record.movements.get(kind=Kind.TRANSFER_OUT), target.movements.get(kind=Kind.TRANSFER_IN)
    assert (out.quantity, into.quantity) == (-4, 4)
    assert out.reference == into.reference
    # And back.
    services.transfer(record.product, outlet, workshop, 1)
    record.refresh_from_db()
    assert record.num_in_stock == 7
    assert services.ledger_differences() == []


def test_transfer_of_more_than_in_stock_is_refused_and_changes_nothing(record, workshop):
    outlet = OutletFactory()
    with pytest.raises(InsufficientStock, match="Only 10 unit"):
        services.transfer(record.product, workshop, outlet, 11)
    record.refresh_from_db()
    assert record.num_in_stock == 10
    assert not StockRecord.objects.filter(partner=outlet).exists()
    assert record.movements.count() == 1


def test_transfer_cannot_take_units_allocated_to_online_orders(record, workshop):
    record.allocate(8)
    with pytest.raises(InsufficientStock):
        services.transfer(record.product, workshop, OutletFactory(), 3)
    services.transfer(record.product, workshop, OutletFactory(), 2)
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (8, 8)


def test_online_sale_is_written_when_the_allocation_is_consumed(record):
    record.allocate(3)
    record.consume_allocation(2)
    record.cancel_allocation(1)
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (8, 0)
    assert record.movements.get(kind=Kind.ONLINE_SALE).quantity == -2
    assert ledger_sum(record) == 8


def test_allocating_more_than_available_raises_oscars_stock_exception(record):
    record.allocate(9)
    with pytest.raises(InvalidStockAdjustment) as caught:
        record.allocate(2)
    assert isinstance(caught.value, InsufficientStock)
    assert "Only 1 unit" in str(caught.value)
    record.refresh_from_db()
    assert record.num_allocated == 9


def test_return_adds_stock(record):
    services.record_return(record, 2, reason="Kunde: falsche Größe", reference="100023")
    record.refresh_from_db()
    assert record.num_in_stock == 12
    assert record.movements.get(kind=Kind.RETURN).reference == "100023"


def test_stocktake_correction_down_needs_a_reason(record):
    with pytest.raises(services.StockError, match="needs a reason"):
        services.stocktake(record, 7)
    record.refresh_from_db()
    assert record.num_in_stock == 10
    services.stocktake(record, 7, reason="2 beschädigt, 1 verloren")
    services.stocktake(record, 9)  # found two more: no reason needed upwards
    record.refresh_from_db()
    assert record.num_in_stock == 9
    assert list(record.movements.filter(kind=Kind.STOCKTAKE).order_by("pk").values_list("quantity", flat=True)) == [
        -3, 2]


@pytest.mark.parametrize("quantity", [0, -1])
def test_quantities_must_be_positive(record, quantity):
    with pytest.raises(services.StockError):
        services.record_production(record, quantity)


def test_editing_the_stock_in_the_product_form_is_a_correction(record):
    record = StockRecord.objects.get(pk=record.pk)
    record.num_in_stock = 4
    record.save()
    assert record.movements.get(kind=Kind.STOCKTAKE).quantity == -6
    assert services.ledger_differences() == []


def test_balance_check_finds_a_tampered_record(record):
    call_command("check_stock_ledger", stdout=open("/dev/null", "w"))  # noqa: SIM115
    StockRecord.objects.filter(pk=record.pk).update(num_in_stock=13)  # bypasses the ledger
    with pytest.raises(CommandError, match="1 stock record"):
        call_command("check_stock_ledger", stdout=open("/dev/null", "w"))  # noqa: SIM115
    [(found, stock, ledger)] = services.ledger_differences()
    assert (found.pk, stock, ledger) == (record.pk, 13, 10)


def test_bench_command_measures_and_leaves_no_data(record):
    from io import StringIO

    out = StringIO()
    before = StockRecord.objects.count()
    call_command("bench_stock", products=30, rows=100, requests=2, stdout=out)
    assert "CSV import: 100 rows" in out.getvalue() and "Stock overview" in out.getvalue()
    assert StockRecord.objects.count() == before
