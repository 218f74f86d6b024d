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


def test_saving_a_stock_record_never_writes_its_stock(record):
    """Only the stock service changes num_in_stock: a save with a changed stock is refused, nothing is written."""
    stale = StockRecord.objects.get(pk=record.pk)
    stale.num_in_stock = 4
    with pytest.raises(services.StockError, match="changed only on the stock pages"):
        stale.save()
    record.refresh_from_db()
    assert record.num_in_stock == 10
    assert record.movements.count() == 1


def test_a_stale_record_saved_after_a_transfer_keeps_the_transfer(record, workshop):
    stale = StockRecord.objects.get(pk=record.pk)  # loaded before the transfer, e.g. by a form
    services.transfer(record.product, workshop, OutletFactory(), 4)
    stale.low_stock_threshold = 2
    stale.save()
    record.refresh_from_db()
    assert (record.num_in_stock, record.low_stock_threshold) == (6, 2)
    assert services.ledger_differences() == []


ALLOCATED = "8 unit(s) are allocated to online orders"


def _stocktake(record):
    services.stocktake(record, 5, reason="Zählung")


def _transfer(record):
    services.transfer(record.product, record.partner, OutletFactory(), 5)


def _save(record):
    stale = StockRecord.objects.get(pk=record.pk)
    stale.num_in_stock = 5
    stale.save()


def _service(record):
    services.apply_changes([services.Change(record, -5, Kind.STOCKTAKE, reason="Zählung")])


def _outlet_sale(record):
    from shop.partner.outlet_sales import import_csv

    import_csv(record.partner, f"date;sku;quantity;gross_price\n2026-01-05;{record.partner_sku};5;11,90\n".encode())


@pytest.mark.parametrize(("change", "error", "message"), [
    (_stocktake, services.StockError, "cannot go down to 5: " + ALLOCATED),
    (_transfer, InsufficientStock, "Only 2 unit(s)"),
    (_save, services.StockError, "changed only on the stock pages"),
    (_service, InsufficientStock, "Only 2 unit(s)"),
])
def test_stock_below_the_allocated_units_is_refused_and_nothing_is_written(record, change, error, message):
    record.allocate(8)
    with pytest.raises(error) as refused:
        change(record)
    assert message in str(refused.value)
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (10, 8)
    assert list(record.movements.values_list("kind", flat=True)) == [Kind.OPENING]


def test_an_outlet_sale_below_the_allocated_units_is_refused_and_nothing_is_written(workshop):
    from shop.partner.outlet_sales import ImportRefused

    outlet = OutletFactory()
    product = ProductFactory()
    services.transfer(product, workshop, outlet, 6)
    record = StockRecord.objects.get(product=product, partner=outlet)
    record.allocate(4)
    with pytest.raises(ImportRefused, match="but .* has 2 in stock"):
        _outlet_sale(record)
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (6, 4)
    assert list(record.movements.values_list("kind", flat=True)) == [Kind.TRANSFER_IN]


def test_consuming_more_than_is_allocated_is_refused_and_nothing_is_written(record):
    """Checked on the locked row: an online sale takes only units that were allocated to it."""
    record.allocate(3)
    with pytest.raises(InsufficientStock, match="consumption"):
        services.apply_changes([services.Change(record, -4, Kind.ONLINE_SALE, allocation=-4)])
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated, record.movements.count()) == (10, 3, 1)


def test_every_way_of_changing_stock_writes_exactly_its_movement(client, demo_user, workshop):
    """One writer, shown by behaviour: after each path the ledger sum equals the stock, for every record."""
    from django.test import Client
    from django.urls import reverse
    from oscar.core.loading import get_class

    from shop.partner.outlet_sales import import_csv
    from tests.products.test_dashboard_translations import form_errors, form_values
    from tests.shop.checkout_helpers import add, checkout_with_delivery, place, shopper_orders

    move = get_class("order.processing", "EventHandler")().handle_order_status_change
    from tests.shop.test_stock_dashboard import editable_product

    item = editable_product()
    record = item.stockrecords.get()
    outlet = OutletFactory()
    seen = []

    def step(expected_stock, expected_kind):
        record.refresh_from_db()
        assert record.num_in_stock == expected_stock
        assert ledger_sum(record) == expected_stock
        assert services.ledger_differences() == []
        if expected_kind:
            seen.append(StockMovement.objects.order_by("-pk").values_list("kind", flat=True)[0])
            assert seen[-1] == expected_kind

    step(10, Kind.OPENING)
    services.record_production(record, 5, reason="Charge 7")
    step(15, Kind.PRODUCTION)
    services.transfer(item, workshop, outlet, 4)
    step(11, Kind.TRANSFER_IN)
    services.stocktake(record, 10, reason="1 beschädigt")
    step(10, Kind.STOCKTAKE)
    outlet_record = StockRecord.objects.get(product=item, partner=outlet)
    import_csv(outlet, f"date;sku;quantity;gross_price\n2026-01-05;{outlet_record.partner_sku};1;11,90\n".encode())
    step(10, Kind.OUTLET_SALE)

    add(client, item, 2)  # online sale: allocated at the order, consumed when shipped
    checkout_with_delivery(client)
    place(client)
    order = shopper_orders().get()
    step(10, None)
    for status in ("Paid", "In fulfilment", "Shipped"):
        move(order, status)
    step(8, Kind.ONLINE_SALE)
    services.record_return(record, 1, reason="Widerruf", reference=order.number)
    step(9, Kind.RETURN)

    staff = Client()
    staff.force_login(demo_user("shop@example.org"))
    edit = reverse("dashboard:catalogue-product", kwargs={"pk": item.pk})
    data = form_values(staff.get(edit).content.decode())
    sku_field = next(key for key in data if key.endswith("-partner_sku"))
    data[sku_field.replace("-partner_sku", "-num_in_stock")] = ["50"]  # a hand-made post: ignored
    data[sku_field.replace("-partner_sku", "-low_stock_threshold")] = ["3"]
    response = staff.post(edit, data)
    assert response.status_code == 302, form_errors(response)
    step(9, None)
    assert record.low_stock_threshold == 3
    assert set(seen) | {Kind.TRANSFER_OUT} == set(Kind.values)


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
