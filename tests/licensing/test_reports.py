"""The accountant's period export and the yearly KSK sums, and outlet sales outside licences."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from products.licensing import periods, reports
from products.licensing.models import Statement
from products.licensing.services import outlet_sales_outside_licences
from tests.factories import DesignerFactory, LicenceFactory, ProductFactory
from tests.licensing.test_finance_admin import outlet_sale

pytestmark = pytest.mark.django_db

_sequence = iter(range(900000, 999999))


def statement(designer, period, status="paid", paid_on=None, net="100.00", payout=None):
    number = next(_sequence)
    settled = status != "draft"
    return Statement.objects.create(
        designer=designer, period_start=period.start, period_end=period.end, status=status,
        sequence=number if settled else None, number=f"GS-{number:06d}" if settled else None,
        issued_at=timezone.now() if settled else None, designer_name=designer.legal_name if settled else "",
        designer_tax_number=designer.tax_number if settled else "", vat_status=designer.vat_status,
        vat_rate=Decimal("7.00"), royalty_total=Decimal(net), net_total=Decimal(net),
        vat_amount=(Decimal(net) * Decimal("0.07")).quantize(Decimal("0.01")),
        gross_total=(Decimal(net) * Decimal("1.07")).quantize(Decimal("0.01")),
        payout_amount=Decimal(payout if payout is not None else net) * Decimal("1.07"),
        paid_on=paid_on, payout_reference="SEPA-1" if paid_on else "",
    )


def parse(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def test_export_has_the_issued_and_paid_statements_of_the_period_and_no_drafts():
    quarter = periods.quarter(2025, 2)
    issued = statement(DesignerFactory(legal_name="Ärger & Söhne"), quarter, status="issued")
    paid = statement(DesignerFactory(), periods.month(2025, 5), paid_on=datetime.date(2025, 7, 3))
    statement(DesignerFactory(), quarter, status="draft")
    statement(DesignerFactory(), periods.quarter(2025, 3), status="issued")

    rows = parse(reports.accountant_csv(quarter))

    assert [row["number"] for row in rows] == [issued.number, paid.number]
    assert list(rows[0]) == reports.ACCOUNTANT_COLUMNS
    assert rows[0]["designer_legal_name"] == "Ärger & Söhne" and rows[0]["period"] == "2025-Q2"
    assert rows[0]["net_eur"] == "100.00" and rows[0]["vat_eur"] == "7.00" and rows[0]["status"] == "issued"
    assert rows[1]["period"] == "2025-05" and rows[1]["paid_on"] == "2025-07-03"
    assert rows[1]["payout_reference"] == "SEPA-1"


def test_finance_downloads_the_export(client, demo_user):
    quarter = periods.quarter(2025, 2)
    issued = statement(DesignerFactory(), quarter, status="issued")
    client.force_login(demo_user("finance@example.org"))
    response = client.get(reverse("licensing_accountant_export"), {"text": "2025-Q2", "download": "1"})
    assert response["Content-Type"].startswith("text/csv")
    assert [row["number"] for row in parse(response.content)] == [issued.number]
    page = client.get(reverse("licensing_accountant_export"), {"text": "2025-Q2"}).content.decode()
    assert issued.number in page


def test_ksk_sums_only_members_and_only_payouts_of_that_year():
    member = DesignerFactory(legal_name="KSK Mitglied", artists_social_insurance=True)
    outsider = DesignerFactory(artists_social_insurance=False)
    statement(member, periods.quarter(2025, 1), paid_on=datetime.date(2025, 4, 20), net="100.00")
    statement(member, periods.quarter(2025, 2), paid_on=datetime.date(2025, 7, 20), net="50.00")
    statement(member, periods.quarter(2024, 4), paid_on=datetime.date(2024, 12, 30), net="999.00")
    statement(member, periods.quarter(2025, 3), status="issued", net="333.00")
    # Carried forward, paid out with nothing: its net amount counts with the next statement.
    statement(member, periods.quarter(2025, 4), paid_on=datetime.date(2025, 12, 31), net="10.00", payout="0")
    statement(outsider, periods.quarter(2025, 1), paid_on=datetime.date(2025, 4, 20), net="700.00")

    rows = [row for row in reports.ksk_sums(2025) if row["designer_id"] in (member.pk, outsider.pk)]

    assert rows == [{"designer_id": member.pk, "designer__legal_name": "KSK Mitglied",
                     "designer__tax_number": member.tax_number, "statements": 2, "net_paid": Decimal("150.00")}]


def test_ksk_report_downloads_as_csv(client, demo_user, django_assert_max_num_queries):
    member = DesignerFactory(legal_name="KSK Mitglied", artists_social_insurance=True)
    statement(member, periods.quarter(2025, 1), paid_on=datetime.date(2025, 4, 20), net="100.00")
    client.force_login(demo_user("finance@example.org"))
    with django_assert_max_num_queries(15):
        page = client.get(reverse("licensing_ksk_report"), {"year": "2025"}).content.decode()
    assert "KSK Mitglied" in page
    response = client.get(reverse("licensing_ksk_report"), {"year": "2025", "download": "1"})
    rows = [row for row in parse(response.content) if row["designer_legal_name"] == "KSK Mitglied"]
    assert rows == [{"year": "2025", "designer_legal_name": "KSK Mitglied", "tax_number": member.tax_number,
                     "statements": "1", "net_paid_eur": "100.00"}]


def test_outlet_sales_outside_licences_are_reported():
    licensed = ProductFactory(title="Mit Lizenz")
    LicenceFactory(products=[licensed], start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2025, 6, 30))
    outlet_sale(licensed, datetime.date(2025, 3, 1))
    outlet_sale(licensed, datetime.date(2025, 7, 1), units=4)  # the day after the licence ended
    rows = [row for row in outlet_sales_outside_licences() if row["product_id"] == licensed.pk]
    assert len(rows) == 1 and rows[0]["units"] == 4 and rows[0]["last_sold"] == datetime.date(2025, 7, 1)


def test_the_warning_list_shows_outlet_sales(client, demo_user):
    product = ProductFactory(title="Nur im Museum")
    outlet_sale(product, datetime.date(2025, 3, 1))
    client.force_login(demo_user("finance@example.org"))
    assert "Nur im Museum" in client.get(reverse("licensing_sales_outside_licences")).content.decode()
