"""What a designer sees in the portal: a real issued statement, its documents, the running period, licences."""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from pypdf import PdfReader

from products.licensing.models import RoyaltyAdjustment, Statement
from products.licensing.periods import previous_quarter, today
from products.licensing.royalty_run import run_royalties
from products.licensing.statement_documents import CSV_COLUMNS
from products.licensing.statements import issue_statement
from tests.factories import DesignerFactory, LicenceFactory, OutletFactory, ProductFactory

from .portal_helpers import designer_with_login
from .sales_helpers import outlet_sale

pytestmark = pytest.mark.django_db

User = get_user_model()


def plain(html):
    """Page text with tags and non-breaking spaces flattened, as a reader sees it."""
    text = re.sub(r"<[^>]+>", " ", html).replace("\xa0", " ").replace("&nbsp;", " ")
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def portal():
    """A designer with one issued statement for the last quarter (two outlets, an adjustment) and a sale now."""
    designer = designer_with_login("portal-content@example.org", legal_name="Paula Portal")
    mug, lamp, poster = ProductFactory(title="Becher Depot"), ProductFactory(title="Leuchte Nord"), ProductFactory(
        title="Plakat Tram")
    licence = LicenceFactory(designer=designer, products=[mug, lamp, poster], contract_number="L-PORTAL-1",
                             royalty_percentage=Decimal("10.00"), advance=Decimal("0"),
                             minimum_guarantee=Decimal("0"))
    museum, kiosk = OutletFactory(name="Museumsshop Ludwig"), OutletFactory(name="Kiosk am Depot")
    last = previous_quarter()
    outlet_sale(museum, mug, last.start, 3, "1000.00")
    outlet_sale(museum, mug, last.start + datetime.timedelta(days=40), 2, "500.00")
    outlet_sale(kiosk, mug, last.start + datetime.timedelta(days=5), 1, "200.00")
    outlet_sale(kiosk, lamp, last.start + datetime.timedelta(days=6), 4, "800.00")
    outlet_sale(museum, poster, last.start + datetime.timedelta(days=7), 1, "90.00")  # last quarter only
    outlet_sale(kiosk, lamp, today(), 2, "300.00")  # the running quarter
    RoyaltyAdjustment.objects.create(designer=designer, amount=Decimal("5.00"), text="Nachmeldung Kiosk März")
    other = DesignerFactory(legal_name="Otto Other")
    LicenceFactory(designer=other, products=[ProductFactory(title="Fremdes Produkt")], contract_number="L-OTHER-9")
    run_royalties(last)
    draft = Statement.objects.get(designer=designer, period_start=last.start)
    statement = issue_statement(draft.pk)
    return {"designer": designer, "statement": statement, "licence": licence}


@pytest.fixture
def designer_client(client, portal):
    client.force_login(User.objects.get(email="portal-content@example.org"))
    return client


def test_the_issued_statement_has_what_the_sales_say(portal):
    statement = portal["statement"]
    # 10 % of 2590 € net = 259 €, plus the 5 € adjustment = 264 €; 7 % VAT = 18.48 €.
    assert statement.net_total == Decimal("264.00")
    assert statement.payout_amount == Decimal("282.48")


def test_statement_page_groups_lines_per_product_and_channel_and_shows_totals(designer_client, portal):
    statement = portal["statement"]
    response = designer_client.get(f"/de/portal/statements/{statement.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    text = plain(html)
    groups = html.split('data-testid="royalty-groups"')[1].split("</table>")[0]
    rows = [plain(row) for row in groups.split("<tbody>")[1].split("</tbody>")[0].split("</tr>")[:-1]]
    # Museum mug sales of two months are one row: 5 units, 1500 € net, 150 € royalty.
    assert any("Becher Depot" in row and "Museumsshop Ludwig" in row and " 5 " in row and "1.500,00 €" in row
               and "150,00 €" in row for row in rows), rows
    assert any("Becher Depot" in row and "Kiosk am Depot" in row and "20,00 €" in row for row in rows), rows
    assert any("Leuchte Nord" in row and "Kiosk am Depot" in row and "80,00 €" in row for row in rows), rows
    assert len(rows) == 4
    assert "Nachmeldung Kiosk März" in text
    assert statement.number in text
    assert "264,00 €" in text  # net
    assert "18,48 €" in text and "7 %" in text  # VAT with its rate label
    assert "282,48 €" in text  # payout
    assert f'href="{reverse("portal:statement_pdf", args=[statement.pk])}"' in html
    assert f'href="{reverse("portal:statement_csv", args=[statement.pk])}"' in html


def test_english_statement_page_names_its_downloads(designer_client, portal):
    number = portal["statement"].number
    html = designer_client.get(f"/en/portal/statements/{portal['statement'].pk}/").content.decode()
    assert f"Download PDF of {number}</a>" in html
    assert f"Download CSV of {number}" in html


def test_pdf_download_is_the_issued_gutschrift(designer_client, portal):
    statement = portal["statement"]
    response = designer_client.get(reverse("portal:statement_pdf", args=[statement.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="Gutschrift-{statement.number}.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert response.content == bytes(statement.pdf)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert statement.number in text
    assert "282,48" in text


def test_csv_download_has_one_row_per_line_with_decimal_points(designer_client, portal):
    statement = portal["statement"]
    response = designer_client.get(reverse("portal:statement_csv", args=[statement.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="Gutschrift-{statement.number}.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0] == CSV_COLUMNS
    body = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert len(body) == statement.lines.count() == 6  # 5 product × channel × month lines + the adjustment
    assert {row["statement_number"] for row in body} == {statement.number}
    amounts = [Decimal(row["amount_eur"]) for row in body]
    assert sum(amounts) == statement.net_total
    assert all("," not in row["amount_eur"] and "." in row["amount_eur"] for row in body)


def test_running_period_shows_this_quarters_sales_only(designer_client, portal):
    html = designer_client.get("/de/portal/").content.decode()
    running = plain(html.split('data-testid="running-period"')[1].split("</section>")[0])
    assert "Leuchte Nord" in running and "Kiosk am Depot" in running
    assert "300,00 €" in running and "30,00 €" in running  # net revenue and 10 % royalty so far
    assert "Plakat Tram" not in running and "Becher Depot" not in running  # settled last quarter


def test_overview_lists_the_statement_and_own_licences_only(designer_client, portal):
    statement = portal["statement"]
    html = designer_client.get("/de/portal/").content.decode()
    statements = plain(html.split('data-testid="statements"')[1].split("</table>")[0])
    assert statement.number in statements and "282,48 €" in statements
    licences = plain(html.split('data-testid="licences"')[1].split("</table>")[0])
    assert "L-PORTAL-1" in licences and "10 %" in licences and "Becher Depot" in licences
    assert "L-OTHER-9" not in html and "Fremdes Produkt" not in html


def test_paid_statement_shows_its_payment_date(designer_client, portal):
    statement = portal["statement"]
    Statement.objects.filter(pk=statement.pk).update(status=Statement.Status.PAID, paid_on=today())
    html = plain(designer_client.get("/de/portal/").content.decode())
    assert f"Bezahlt am {today():%d.%m.%Y}" in html or f"Paid on {today():%d.%m.%Y}" in html


def test_the_header_links_designers_to_the_portal(client, portal, django_assert_max_num_queries):
    client.force_login(User.objects.get(email="portal-content@example.org"))
    assert 'href="/de/portal/"' in client.get("/de/").content.decode()
    client.logout()
    assert 'href="/de/portal/"' not in client.get("/de/").content.decode()
    client.force_login(User.objects.get(email="marketing@example.org"))
    assert 'href="/de/portal/"' not in client.get("/de/").content.decode()
