"""A designer logs in, finds her latest statement in the portal and downloads its PDF and CSV."""

import csv
import datetime
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from products.licensing.models import Statement
from products.licensing.periods import previous_quarter, today
from products.licensing.royalty_run import run_royalties
from products.licensing.statement_documents import CSV_COLUMNS
from products.licensing.statements import issue_statement
from tests.factories import LicenceFactory, OutletFactory, ProductFactory
from tests.licensing.portal_helpers import PASSWORD, designer_with_login
from tests.licensing.sales_helpers import outlet_sale

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def issued_statement_for_a_new_designer():
    """Committed before the browser looks: a designer with a login, a licence, last quarter's sales, issued."""
    designer = designer_with_login("journey-designer@example.org", legal_name="Jule Journey")
    vase = ProductFactory(title="Vase Nordpark")
    LicenceFactory(designer=designer, products=[vase], contract_number="L-JOURNEY-1",
                   royalty_percentage=Decimal("12.00"))
    outlet = OutletFactory(name="Laden am Kaiserplatz")
    last = previous_quarter()
    outlet_sale(outlet, vase, last.start + datetime.timedelta(days=3), 6, "900.00")
    outlet_sale(outlet, vase, today(), 1, "150.00")  # this quarter: the running period
    run_royalties(last)
    draft = Statement.objects.get(designer=designer, period_start=last.start)
    return issue_statement(draft.pk)


def test_designer_downloads_her_latest_statement(page, axe):
    statement = issued_statement_for_a_new_designer()
    payout = f"{statement.payout_amount:.2f}".replace(".", ",")  # 108,00 € + 7 % VAT = 115,56 €

    page.goto("/de/portal/")
    expect(page).to_have_url(re.compile(r"/de/shop/accounts/login/\?next=/de/portal/$"))
    page.fill("#id_login-username", "journey-designer@example.org")
    page.fill("#id_login-password", PASSWORD)
    page.locator("form#login_form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/de/portal/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    statements = page.get_by_test_id("statements")
    expect(statements).to_contain_text(statement.number)
    running = page.get_by_test_id("running-period")
    expect(running).to_contain_text("Vase Nordpark")
    expect(running).to_contain_text("150,00")
    expect(page.get_by_test_id("licences")).to_contain_text("L-JOURNEY-1")
    axe(page)

    statements.get_by_role("link", name=re.compile(statement.number)).click()
    expect(page).to_have_url(re.compile(rf"/de/portal/statements/{statement.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(statement.number)
    expect(page.get_by_test_id("royalty-groups")).to_contain_text("Laden am Kaiserplatz")
    expect(page.get_by_test_id("totals")).to_contain_text(payout)
    expect(page.get_by_role("img", name=re.compile("."))).to_be_visible()
    expect(page.get_by_test_id("chart-table")).to_contain_text("Laden am Kaiserplatz")
    axe(page)

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name=re.compile(rf"PDF.*{statement.number}")).click()
    download = pdf_download.value
    assert download.suggested_filename == f"Gutschrift-{statement.number}.pdf"
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF-")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert statement.number in text and payout in text

    with page.expect_download() as csv_download:
        page.get_by_role("link", name=re.compile(rf"CSV.*{statement.number}")).click()
    rows = list(csv.reader(io.StringIO(Path(csv_download.value.path()).read_text("utf-8"))))
    assert rows[0] == CSV_COLUMNS
    assert len(rows) == 1 + statement.lines.count()
