"""The royalty run as Finance relies on it: amounts, licence years, advances, carry-overs, VAT, idempotence."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from products.licensing import periods
from products.licensing.models import RoyaltyRun, Statement, StatementLine
from products.licensing.royalty_run import run_royalties
from products.licensing.statements import issue_statement
from tests.factories import LicenceFactory, OutletFactory, ProductFactory

from .sales_helpers import online_sale, outlet_sale, refund

pytestmark = pytest.mark.usefixtures("no_statements", "english")

Q1, Q2, Q3, Q4 = (periods.quarter(2024, number) for number in (1, 2, 3, 4))
Kind = StatementLine.Kind


def statement_of(designer, period):
    return Statement.objects.get(designer=designer, period_start=period.start)


def settle(period, designer):
    """Run the period and issue the designer's draft, as Finance does every quarter."""
    run_royalties(period)
    return issue_statement(statement_of(designer, period).pk)


def test_percentage_royalty_is_a_share_of_net_revenue_per_product_and_channel():
    product = ProductFactory(title="Poster Depot")
    licence = LicenceFactory(products=[product], royalty_percentage=Decimal("10.00"))
    outlet = OutletFactory(name="Museumsshop Test")
    online_sale(product, 3, "45.00", datetime.date(2024, 2, 10))
    online_sale(product, 1, "15.00", datetime.date(2024, 2, 20))
    outlet_sale(outlet, product, datetime.date(2024, 3, 5), 4, "50.00")

    run_royalties(Q1)

    lines = statement_of(licence.designer, Q1).lines.filter(kind=Kind.ROYALTY)
    by_channel = {line.channel_name: line for line in lines}
    assert set(by_channel) == {"Online-Shop", "Museumsshop Test"}
    assert (by_channel["Online-Shop"].units, by_channel["Online-Shop"].net_revenue) == (4, Decimal("60.00"))
    assert by_channel["Online-Shop"].amount == Decimal("6.00")
    assert (by_channel["Museumsshop Test"].units, by_channel["Museumsshop Test"].amount) == (4, Decimal("5.00"))
    assert by_channel["Museumsshop Test"].product_title == "Poster Depot"


def test_per_unit_royalty_counts_units_whatever_the_price():
    product = ProductFactory()
    licence = LicenceFactory(products=[product], royalty_percentage=None, royalty_per_unit=Decimal("2.50"))
    online_sale(product, 7, "10.00", datetime.date(2024, 1, 15))

    run_royalties(Q1)

    line = statement_of(licence.designer, Q1).lines.get(kind=Kind.ROYALTY)
    assert (line.units, line.amount, line.royalty_per_unit) == (7, Decimal("17.50"), Decimal("2.50"))


def test_a_variant_sale_counts_for_its_parents_licence():
    from tests.factories import create_parent_with_variants

    parent = create_parent_with_variants(2, title="Shirt Gleis")
    licence = LicenceFactory(products=[parent], royalty_percentage=Decimal("10.00"))
    for variant in parent.children.all():
        online_sale(variant, 1, "20.00", datetime.date(2024, 3, 1))

    run_royalties(Q1)

    line = statement_of(licence.designer, Q1).lines.get(kind=Kind.ROYALTY)
    assert (line.product_title, line.units, line.amount) == ("Shirt Gleis", 2, Decimal("4.00"))


def test_an_unpaid_order_earns_nothing_until_it_is_paid():
    product = ProductFactory()
    licence = LicenceFactory(products=[product])
    online_sale(product, 1, "100.00", None)

    run_royalties(Q1)

    assert not Statement.objects.filter(designer=licence.designer).exists()


def test_a_return_in_a_later_quarter_is_a_negative_line_there():
    product = ProductFactory()
    licence = LicenceFactory(products=[product], royalty_percentage=Decimal("10.00"))
    line = online_sale(product, 4, "80.00", datetime.date(2024, 3, 28))
    settle(Q1, licence.designer)
    refund(line, 1, datetime.date(2024, 4, 3))

    run_royalties(Q2)

    returned = statement_of(licence.designer, Q2).lines.get(kind=Kind.ROYALTY)
    assert (returned.units, returned.net_revenue, returned.amount) == (-1, Decimal("-20.00"), Decimal("-2.00"))
    assert statement_of(licence.designer, Q1).lines.get(kind=Kind.ROYALTY).units == 4


def test_advance_is_recouped_across_three_statements_and_the_rest_is_paid():
    product = ProductFactory()
    licence = LicenceFactory(products=[product], royalty_percentage=Decimal("10.00"), advance=Decimal("150.00"),
                             designer__vat_status="small_business")
    for period in (Q1, Q2, Q3):
        online_sale(product, 10, "600.00", period.start + datetime.timedelta(days=20))

    recouped, payouts = [], []
    for period in (Q1, Q2, Q3):
        statement = settle(period, licence.designer)
        recouped.append(-sum(line.amount for line in statement.lines.filter(kind=Kind.RECOUPMENT)))
        payouts.append(statement.payout_amount)

    assert recouped == [Decimal("60.00"), Decimal("60.00"), Decimal("30.00")]
    assert payouts == [Decimal("0.00"), Decimal("0.00"), Decimal("30.00")]
    last = statement_of(licence.designer, Q3).lines.get(kind=Kind.RECOUPMENT)
    assert "offen danach 0,00 €" in last.text


def test_minimum_guarantee_is_topped_up_at_the_end_of_the_licence_year():
    product = ProductFactory()
    licence = LicenceFactory(products=[product], royalty_percentage=Decimal("10.00"),
                             minimum_guarantee=Decimal("300.00"), start_date=datetime.date(2024, 1, 1))
    for period in (Q1, Q2, Q3, Q4):
        online_sale(product, 5, "500.00", period.start + datetime.timedelta(days=3))

    tops = []
    for period in (Q1, Q2, Q3, Q4):
        statement = settle(period, licence.designer)
        tops.append(sum(line.amount for line in statement.lines.filter(kind=Kind.GUARANTEE)))

    assert tops == [0, 0, 0, Decimal("100.00")]
    top_up = statement_of(licence.designer, Q4).lines.get(kind=Kind.GUARANTEE)
    assert top_up.licence_year == 1 and "erzielt 200,00 €" in top_up.text


def test_no_top_up_when_the_licence_year_earned_more_than_the_guarantee():
    product = ProductFactory()
    licence = LicenceFactory(products=[product], royalty_percentage=Decimal("10.00"),
                             minimum_guarantee=Decimal("100.00"), start_date=datetime.date(2023, 4, 1))
    online_sale(product, 5, "2000.00", datetime.date(2024, 2, 1))

    run_royalties(Q1)  # licence year 1 ends on 31 March 2024

    assert not statement_of(licence.designer, Q1).lines.filter(kind=Kind.GUARANTEE).exists()


def test_below_the_payout_threshold_the_amount_carries_to_the_next_statement(settings):
    settings.ROYALTY_PAYOUT_THRESHOLD = "25.00"
    product = ProductFactory()
    licence = LicenceFactory(products=[product], royalty_percentage=Decimal("10.00"),
                             designer__vat_status="small_business")
    online_sale(product, 1, "100.00", datetime.date(2024, 2, 1))
    online_sale(product, 2, "200.00", datetime.date(2024, 5, 1))

    first = settle(Q1, licence.designer)
    second = settle(Q2, licence.designer)

    assert (first.payout_amount, first.carried_forward) == (Decimal("0.00"), Decimal("10.00"))
    carried = second.lines.get(kind=Kind.CARRIED_IN)
    assert carried.amount == Decimal("10.00") and first.number in carried.text
    assert (second.payout_amount, second.carried_forward) == (Decimal("30.00"), Decimal("0.00"))


@pytest.mark.parametrize(
    ("status", "rate", "vat", "payout"),
    [("copyright", "7.00", "7.00", "107.00"), ("regular", "19.00", "19.00", "119.00"),
     ("small_business", "0.00", "0.00", "100.00")],
)
def test_vat_on_the_royalty_follows_the_designers_status(status, rate, vat, payout):
    product = ProductFactory()
    licence = LicenceFactory(products=[product], royalty_percentage=Decimal("10.00"), designer__vat_status=status)
    online_sale(product, 10, "1000.00", datetime.date(2024, 2, 1))

    run_royalties(Q1)

    statement = statement_of(licence.designer, Q1)
    assert statement.vat_rate == Decimal(rate)
    assert (statement.vat_amount, statement.payout_amount) == (Decimal(vat), Decimal(payout))


def test_rounding_is_half_up_per_line_and_the_totals_are_the_sum_of_the_lines(settings):
    settings.ROYALTY_PAYOUT_THRESHOLD = "0.01"
    product_a, product_b = ProductFactory(), ProductFactory()
    outlet = OutletFactory()
    licence = LicenceFactory(products=[product_a, product_b], royalty_percentage=Decimal("10.00"),
                             designer__vat_status="copyright")
    online_sale(product_a, 1, "10.05", datetime.date(2024, 1, 10))  # 1.005 → 1.01 (banker's rounding: 1.00)
    outlet_sale(outlet, product_a, datetime.date(2024, 1, 11), 1, "10.05")
    online_sale(product_b, 1, "0.25", datetime.date(2024, 1, 12))  # 0.025 → 0.03

    run_royalties(Q1)

    statement = statement_of(licence.designer, Q1)
    amounts = sorted(line.amount for line in statement.lines.all())
    assert amounts == [Decimal("0.03"), Decimal("1.01"), Decimal("1.01")]
    assert statement.net_total == sum(amounts) == Decimal("2.05")
    assert statement.vat_amount == Decimal("0.14")  # 7 % of 2.05 = 0.1435


def test_a_period_is_split_where_a_licence_year_and_a_month_change():
    product = ProductFactory()
    licence = LicenceFactory(products=[product], royalty_percentage=Decimal("10.00"),
                             start_date=datetime.date(2023, 2, 15))
    online_sale(product, 1, "10.00", datetime.date(2024, 2, 14))
    online_sale(product, 1, "20.00", datetime.date(2024, 2, 15))
    online_sale(product, 1, "40.00", datetime.date(2024, 3, 1))

    run_royalties(Q1)

    lines = statement_of(licence.designer, Q1).lines.filter(kind=Kind.ROYALTY)
    assert sorted((line.sales_month.month, line.licence_year, line.net_revenue) for line in lines) == [
        (2, 1, Decimal("10.00")), (2, 2, Decimal("20.00")), (3, 2, Decimal("40.00"))]


def test_running_the_same_period_twice_changes_nothing():
    product = ProductFactory()
    licence = LicenceFactory(products=[product])
    online_sale(product, 2, "40.00", datetime.date(2024, 2, 1))
    run_royalties(Q1)
    statement = statement_of(licence.designer, Q1)
    before = (statement.updated_at, statement.content_hash, list(statement.lines.values_list("pk", "amount")))

    second = run_royalties(Q1)

    statement.refresh_from_db()
    assert (statement.updated_at, statement.content_hash, list(statement.lines.values_list("pk", "amount"))) == before
    assert second.run.created == 0 and second.run.updated == 0
    assert Statement.objects.filter(designer=licence.designer).count() == 1


def test_a_late_sale_updates_the_draft_but_never_an_issued_statement():
    product = ProductFactory()
    licence = LicenceFactory(products=[product])
    online_sale(product, 2, "40.00", datetime.date(2024, 2, 1))
    run_royalties(Q1)
    online_sale(product, 1, "20.00", datetime.date(2024, 2, 2))

    assert run_royalties(Q1).run.updated >= 1
    assert statement_of(licence.designer, Q1).net_total == Decimal("6.00")
    issued = issue_statement(statement_of(licence.designer, Q1).pk)
    online_sale(product, 1, "20.00", datetime.date(2024, 2, 3))
    run_royalties(Q1)
    issued.refresh_from_db()
    assert issued.net_total == Decimal("6.00") and issued.status == Statement.Status.ISSUED


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (datetime.date(2024, 3, 31), datetime.date(2024, 1, 1), "ends before it starts"),
        (datetime.date(2024, 1, 1), datetime.date(2024, 2, 15), "calendar month or quarter"),
    ],
)
def test_a_reversed_or_odd_period_is_refused_and_nothing_is_written(start, end, message):
    runs = RoyaltyRun.objects.count()
    with pytest.raises(ValidationError, match=message):
        run_royalties(periods.Period(start, end))
    assert RoyaltyRun.objects.count() == runs and not Statement.objects.exists()


def test_a_period_that_has_not_ended_is_refused():
    running = periods.current_quarter()
    with pytest.raises(ValidationError, match="has not ended yet"):
        run_royalties(running)
    with pytest.raises(ValidationError, match="has not ended yet"):
        run_royalties(periods.quarter(running.start.year + 1, 1))
    assert not Statement.objects.exists()


def test_a_licence_without_terms_stops_the_run_before_anything_is_written():
    from products.licensing.models import Licence

    product = ProductFactory()
    licence = LicenceFactory(products=[product])
    online_sale(product, 1, "10.00", datetime.date(2024, 2, 1))
    Licence.objects.filter(pk=licence.pk).update(royalty_percentage=None, royalty_per_unit=None)

    with pytest.raises(ValidationError, match=licence.contract_number):
        run_royalties(Q1)
    assert not Statement.objects.exists() and not RoyaltyRun.objects.filter(period_start=Q1.start).exists()


def test_a_sale_outside_any_licence_is_reported_to_finance_not_dropped():
    product = ProductFactory(title="Tasse ohne Lizenz")
    LicenceFactory(products=[product], start_date=datetime.date(2024, 3, 1))
    online_sale(product, 2, "30.00", datetime.date(2024, 2, 10))  # before the licence began

    result = run_royalties(Q1)

    report = RoyaltyRun.objects.get(pk=result.run.pk).unlicensed
    assert {"title": "Tasse ohne Lizenz", "units": 2, "net_revenue": "30.00"}.items() <= report[0].items()


def test_settling_months_and_quarters_side_by_side_is_refused():
    product = ProductFactory()
    LicenceFactory(products=[product])
    online_sale(product, 1, "10.00", datetime.date(2024, 1, 5))
    run_royalties(periods.month(2024, 1))

    with pytest.raises(ValidationError, match="overlapping period"):
        run_royalties(Q1)


def test_an_adjustment_goes_into_the_next_statement_with_its_reason():
    from products.licensing.models import RoyaltyAdjustment

    product = ProductFactory()
    licence = LicenceFactory(products=[product])
    online_sale(product, 1, "100.00", datetime.date(2024, 2, 1))
    RoyaltyAdjustment.objects.create(designer=licence.designer, amount=Decimal("25.00"),
                                     text="Korrektur Q4/2023: Museumsshop-Meldung nachgereicht")

    run_royalties(Q1)

    statement = statement_of(licence.designer, Q1)
    adjustment = statement.lines.get(kind=Kind.ADJUSTMENT)
    assert adjustment.amount == Decimal("25.00")
    assert adjustment.text == "Korrektur Q4/2023: Museumsshop-Meldung nachgereicht"
    assert statement.net_total == Decimal("35.00")


def test_sales_in_the_sell_off_period_earn_royalties_and_later_ones_are_unlicensed():
    product = ProductFactory(title="Brett Abverkauf")
    licence = LicenceFactory(products=[product], start_date=datetime.date(2023, 1, 1),
                             end_date=datetime.date(2024, 1, 31), sell_off_until=datetime.date(2024, 2, 29),
                             royalty_percentage=Decimal("10.00"))
    online_sale(product, 1, "20.00", datetime.date(2024, 1, 15))  # licence term
    online_sale(product, 2, "40.00", datetime.date(2024, 2, 20))  # sell-off period: royalty owed
    online_sale(product, 3, "60.00", datetime.date(2024, 3, 10))  # after it: no licence

    result = run_royalties(Q1)

    lines = statement_of(licence.designer, Q1).lines.filter(kind=Kind.ROYALTY)
    assert sum(line.units for line in lines) == 3
    assert sum(line.amount for line in lines) == Decimal("6.00")
    report = RoyaltyRun.objects.get(pk=result.run.pk).unlicensed
    assert [(row["title"], row["units"]) for row in report] == [("Brett Abverkauf", 3)]
