"""The portal's read functions: the chart's sums, the running period, and the statement page's query budget."""

import datetime
from collections import defaultdict
from decimal import Decimal

import pytest
from django.urls import reverse

from products.licensing.models import Statement, StatementLine
from products.licensing.periods import current_quarter, month_start, today
from products.licensing.portal import chart, queries
from tests.factories import LicenceFactory, OutletFactory, ProductFactory

from .portal_helpers import designer_with_login, quarters_back, royalty_line, statement
from .sales_helpers import outlet_sale

pytestmark = pytest.mark.django_db
Status = Statement.Status


def lines_for(period, count, outlet_id=7):
    """`count` royalty lines spread over the period's months and two channels, plus a guarantee line."""
    months = period.months()
    lines = []
    for n in range(count):
        on_outlet = n % 2
        lines.append(royalty_line(
            months[n % len(months)], channel=f"outlet:{outlet_id}" if on_outlet else "online",
            channel_name="Museumsshop" if on_outlet else "Online-Shop", amount=f"{n + 1}.25", title=f"Produkt {n}",
        ))
    lines.append({"kind": StatementLine.Kind.GUARANTEE, "amount": Decimal("100.00"), "text": "Mindestgarantie"})
    return lines


@pytest.fixture
def history():
    """Designer A: paid, issued and draft statements; designer B: an issued one in the same months."""
    latest, middle, oldest = quarters_back(3)
    a = designer_with_login("chart-a@example.org")
    b = designer_with_login("chart-b@example.org")
    statement(a, oldest, Status.PAID, lines_for(oldest, 6))
    statement(a, middle, Status.ISSUED, lines_for(middle, 9))
    statement(a, latest, Status.DRAFT, lines_for(latest, 4))
    statement(b, middle, Status.ISSUED, lines_for(middle, 5))
    return {"a": a, "b": b, "periods": (latest, middle, oldest)}


def test_chart_sums_equal_the_royalty_lines_per_month_and_channel(history, django_assert_num_queries):
    a = history["a"]
    latest = history["periods"][0]
    months = chart.months_back(month_start(latest.end), 24)
    with django_assert_num_queries(1):
        rows = queries.monthly_royalties(a, months[0], months[-1])
    data = chart.chart_data(rows, months)

    expected = defaultdict(Decimal)
    for line in StatementLine.objects.filter(statement__designer=a, kind="royalty"):
        if line.statement.status in (Status.ISSUED, Status.PAID):
            expected[(line.sales_month, line.channel)] += line.amount
    assert data.values == dict(expected)
    assert data.total == sum(expected.values())
    assert [channel.name for channel in data.channels] == ["Online-Shop", "Museumsshop"]
    assert len(data.rows) == 24 and data.rows[-1]["month"] == month_start(latest.end)
    # The draft's months show nothing: a designer never sees unissued figures.
    assert all(row["total"] == 0 for row in data.rows if row["month"] >= latest.start)


def test_chart_window_is_the_24_months_up_to_the_statement():
    months = chart.months_back(datetime.date(2026, 3, 1), 24)
    assert months[0] == datetime.date(2024, 4, 1) and months[-1] == datetime.date(2026, 3, 1) and len(months) == 24


def test_chart_layout_stacks_earnings_up_and_returns_down():
    months = [datetime.date(2026, 1, 1), datetime.date(2026, 2, 1)]
    rows = [
        {"sales_month": months[0], "channel": "online", "channel_name": "Online-Shop", "total": Decimal("30")},
        {"sales_month": months[0], "channel": "outlet:1", "channel_name": "Kiosk", "total": Decimal("10")},
        {"sales_month": months[1], "channel": "online", "channel_name": "Online-Shop", "total": Decimal("-10")},
    ]
    svg = chart.layout(chart.chart_data(rows, months))
    first, second = svg["bars"]
    baseline = float(svg["baseline"])
    online, kiosk = first["segments"]
    assert float(online["y"]) + float(online["height"]) == pytest.approx(baseline)  # online sits on the baseline
    assert float(kiosk["y"]) + float(kiosk["height"]) == pytest.approx(float(online["y"]))  # kiosk on top
    assert float(online["height"]) == pytest.approx(3 * float(kiosk["height"]))
    (refund,) = second["segments"]
    assert float(refund["y"]) == pytest.approx(baseline)  # the negative month hangs below the baseline
    assert float(refund["height"]) == pytest.approx(float(kiosk["height"]))
    assert [tick["value"] for tick in svg["ticks"]][0] < 0 < [tick["value"] for tick in svg["ticks"]][-1]


def test_running_sales_are_this_quarters_sales_summed_per_product_and_channel():
    designer = designer_with_login("running@example.org")
    mug, lamp = ProductFactory(title="Becher"), ProductFactory(title="Lampe")
    LicenceFactory(designer=designer, products=[mug, lamp], royalty_percentage=Decimal("10.00"))
    outlet = OutletFactory(name="Kiosk")
    now = today()
    outlet_sale(outlet, mug, now, 2, "40.00")
    outlet_sale(outlet, mug, now, 1, "20.00")
    outlet_sale(outlet, lamp, current_quarter(now).start - datetime.timedelta(days=1), 5, "500.00")
    rows, totals = queries.running_sales(designer, queries.running_period(now))
    assert rows == [{"product_title": "Becher", "product_upc": mug.upc, "channel_name": "Kiosk", "units": 3,
                     "net_revenue": Decimal("60.00"), "amount": Decimal("6.00")}]
    assert totals == {"units": 3, "net_revenue": Decimal("60.00"), "amount": Decimal("6.00")}


def test_designer_of_needs_group_and_record(django_user_model):
    designer = designer_with_login("who@example.org")
    assert queries.designer_of(designer.user) == designer
    designer.user.groups.clear()
    assert queries.designer_of(django_user_model.objects.get(pk=designer.user_id)) is None


@pytest.mark.parametrize("line_count", [5, 200])
def test_statement_page_query_budget(client, django_assert_max_num_queries, line_count):
    designer = designer_with_login(f"budget-{line_count}@example.org")
    latest, middle, oldest = quarters_back(3)
    statement(designer, oldest, Status.PAID, lines_for(oldest, line_count))
    shown = statement(designer, latest, Status.ISSUED, lines_for(latest, line_count, outlet_id=8))
    client.force_login(designer.user)
    # The first request does what a running site has long done: open the user's basket, fill the caches.
    assert client.get(reverse("portal:overview")).status_code == 200
    with django_assert_max_num_queries(15):
        response = client.get(reverse("portal:statement", args=[shown.pk]))
    assert response.status_code == 200
    assert response.content.decode().count('<th scope="row">Produkt ') == line_count
