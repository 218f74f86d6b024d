"""Outlet sales CSV import: accepted as a whole or refused as a whole, with a per-row error list."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from oscar.core.loading import get_model

from shop.partner import services
from shop.partner.outlet_sales import ImportRefused, import_csv, record_sale
from shop.vat import net_from_gross, rate_for
from tests.factories import OutletFactory, ProductFactory, create_parent_with_variants, set_tax_class

pytestmark = pytest.mark.django_db
StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")
OutletSale = get_model("partner", "OutletSale")
OutletSalesImport = get_model("partner", "OutletSalesImport")
Partner = get_model("partner", "Partner")


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English (the site's default language is German)."""
    with translation.override("en"):
        yield


@pytest.fixture
def outlet():
    return OutletFactory(name="Museumsshop Test")


@pytest.fixture
def stocked(outlet):
    """Two products with 6 units each at the outlet (transferred from the workshop)."""
    workshop = Partner.objects.get(name="Sozialwerkstatt im Depot")
    products = [ProductFactory(), ProductFactory()]
    products[1].tax_class = "reduced"
    products[1].save()
    for product in products:
        services.transfer(product, workshop, outlet, 6)
    return [StockRecord.objects.get(product=p, partner=outlet) for p in products]


def yesterday():
    return (timezone.localdate() - timedelta(days=1)).isoformat()


def unchanged(stocked):
    assert not OutletSale.objects.filter(product__in=[r.product for r in stocked]).exists()
    assert not StockMovement.objects.filter(kind="outlet_sale", stockrecord__in=stocked).exists()
    assert [StockRecord.objects.get(pk=r.pk).num_in_stock for r in stocked] == [6, 6]


def test_good_file_decreases_stock_and_keeps_net_sales_lines(outlet, stocked):
    a, b = stocked
    data = (f"date,sku,quantity,gross_price\n{yesterday()},{a.partner_sku},2,11.90\n"
            f"{yesterday()},{b.partner_sku},1,10.70\n")
    result = import_csv(outlet, data.encode(), file_name="maerz.csv")
    assert result.status == "accepted" and result.rows_processed == 2
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.num_in_stock, b.num_in_stock) == (4, 5)
    lines = {line.product_id: line for line in OutletSale.objects.filter(partner=outlet)}
    assert lines[a.product_id].net_revenue == Decimal("20.00")  # 2 × 11.90 / 1.19
    assert lines[b.product_id].net_revenue == Decimal("10.00")  # 10.70 / 1.07 (reduced rate)
    assert lines[a.product_id].partner == outlet and lines[a.product_id].units == 2
    assert services.ledger_differences() == []


def test_german_spreadsheet_file_is_accepted(outlet, stocked):
    a, _b = stocked
    day = timezone.localdate() - timedelta(days=2)
    data = f"Datum;Artikelnummer;Menge;Bruttopreis\n{day:%d.%m.%Y};{a.partner_sku};3;1.234,50 €\n".encode("cp1252")
    import_csv(outlet, data)
    line = OutletSale.objects.get(partner=outlet)
    assert (line.date, line.units, line.gross_unit_price) == (day, 3, Decimal("1234.50"))


def test_each_kind_of_bad_row_is_listed_and_nothing_is_written(outlet, stocked):
    a, b = stocked
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    data = "\n".join([
        "date;sku;quantity;gross_price",
        f"{yesterday()};{a.partner_sku};1;11,90",  # good
        f"{future};{a.partner_sku};1;11,90",  # future date
        f"gestern;{a.partner_sku};1;11,90",  # not a date
        f"{yesterday()};NOPE-1;1;11,90",  # unknown SKU
        f"{yesterday()};{b.partner_sku};-2;11,90",  # negative quantity
        f"{yesterday()};{b.partner_sku};1;zehn",  # not a price
        f"{yesterday()};{a.partner_sku};1;11,90",  # duplicate of row 2
    ]).encode()
    with pytest.raises(ImportRefused) as refused:
        import_csv(outlet, data, file_name="bad.csv")
    rows = {row for row, _message in refused.value.errors}
    assert rows == {3, 4, 5, 6, 7, 8}
    messages = " | ".join(str(m) for _r, m in refused.value.errors)
    for expected in ("in the future", "is not a date", "Unknown SKU NOPE-1", "greater than zero",
                     "not an amount", "Duplicate of row 2"):
        assert expected in messages
    unchanged(stocked)
    assert OutletSalesImport.objects.get(file_name="bad.csv").status == "rejected"


def test_selling_more_than_the_outlet_has_is_refused(outlet, stocked):
    a, _b = stocked
    data = f"date,sku,quantity,gross_price\n{yesterday()},{a.partner_sku},7,11.90\n".encode()
    with pytest.raises(ImportRefused, match="has 6 in stock"):
        import_csv(outlet, data)
    unchanged(stocked)


def test_the_same_file_twice_is_refused(outlet, stocked):
    a, _b = stocked
    data = f"date,sku,quantity,gross_price\n{yesterday()},{a.partner_sku},1,11.90\n".encode()
    import_csv(outlet, data)
    with pytest.raises(ImportRefused, match="already uploaded"):
        import_csv(outlet, data)
    assert OutletSale.objects.filter(partner=outlet).count() == 1
    assert StockRecord.objects.get(pk=a.pk).num_in_stock == 5


def test_a_partner_importing_another_partners_stock_is_refused(outlet, stocked):
    other = OutletFactory(name="Popup Test")
    a, _b = stocked
    data = f"date,sku,quantity,gross_price\n{yesterday()},{a.partner_sku},1,11.90\n".encode()
    # The SKU is stocked by the workshop and the museum shop: both are named, the same on every database.
    owners = "Museumsshop Test, Sozialwerkstatt im Depot"
    with pytest.raises(ImportRefused, match=f"is stock of {owners}, not of Popup Test"):
        import_csv(other, data)
    unchanged(stocked)


def test_binary_file_is_refused_with_a_clear_message(outlet, stocked):
    with pytest.raises(ImportRefused, match="not a CSV text file"):
        import_csv(outlet, "date,sku\n".encode("utf-16"))
    unchanged(stocked)


def test_missing_columns_are_named(outlet, stocked):
    with pytest.raises(ImportRefused, match="missing: quantity, gross_price"):
        import_csv(outlet, b"date,sku\n2026-01-01,X\n")


def test_form_entry_uses_the_same_rules(outlet, stocked):
    a, _b = stocked
    record_sale(outlet, a, timezone.localdate(), 2, Decimal("11.90"))
    assert OutletSale.objects.get(partner=outlet).units == 2
    with pytest.raises(ImportRefused, match="in the future"):
        record_sale(outlet, a, timezone.localdate() + timedelta(days=1), 1, Decimal("11.90"))


def test_vat_rates_by_tax_class_and_a_variant_follows_its_parent():
    print_ = set_tax_class(create_parent_with_variants(1, title="Testdruck"), "reduced")
    assert rate_for(print_.children.get()) == Decimal("0.07")
    assert rate_for(ProductFactory()) == Decimal("0.19")
    assert net_from_gross(Decimal("0.05"), Decimal("0.19")) == Decimal("0.04")  # 0.042 → half-up to cents


# --- Size limit, failures while writing, sales in settled royalty periods (issue 12) ---

def test_a_file_over_the_size_limit_is_refused_before_it_is_read(client, demo_user, outlet, stocked):
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.template.defaultfilters import filesizeformat
    from django.urls import reverse

    limit = settings.OUTLET_SALES_MAX_UPLOAD_BYTES
    assert limit == 5 * 1024 * 1024
    a, _b = stocked
    row = f"{yesterday()};{a.partner_sku};1;11,90\n"
    data = ("date;sku;quantity;gross_price\n" + row).encode()
    data += b" " * (limit + 1 - len(data))  # a valid file, one byte too large
    client.force_login(demo_user("shop@example.org"))
    upload = reverse("dashboard:stock-sales-upload")
    assert filesizeformat(limit) in client.get(upload).content.decode()  # the form states the limit
    response = client.post(upload, {"partner": outlet.pk, "file": SimpleUploadedFile("big.csv", data)})
    assert response.status_code == 200
    assert "larger than 5.0" in str(response.context["form"].errors["file"])
    with pytest.raises(ImportRefused, match="larger than"):
        import_csv(outlet, data)  # the service refuses it too
    assert not OutletSalesImport.objects.filter(partner=outlet).exists()
    unchanged(stocked)


def test_an_amount_too_large_for_the_sales_line_is_a_row_error(outlet, stocked):
    a, _b = stocked
    data = f"date;sku;quantity;gross_price\n{yesterday()};{a.partner_sku};2;9.999.999.999,99\n".encode()
    with pytest.raises(ImportRefused, match="more than a sales line can hold") as refused:
        import_csv(outlet, data)
    assert refused.value.errors[0][0] == 2
    unchanged(stocked)


def test_an_import_failing_while_writing_leaves_nothing_and_the_file_can_be_sent_again(outlet, stocked, monkeypatch):
    from shop.partner import outlet_sales

    a, b = stocked
    data = (f"date;sku;quantity;gross_price\n{yesterday()};{a.partner_sku};2;11,90\n"
            f"{yesterday()};{b.partner_sku};1;10,70\n").encode()
    calls = []

    def fails_on_the_second_row(*args):
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("database went away")  # anything that breaks off the write midway
        return Decimal("1.00")

    monkeypatch.setattr(outlet_sales, "net_from_gross", fails_on_the_second_row)
    with pytest.raises(ImportRefused, match="failed while writing"):
        import_csv(outlet, data, file_name="kasse.csv")
    assert calls, "the write was reached"
    failed = OutletSalesImport.objects.get(file_name="kasse.csv")
    assert failed.status == OutletSalesImport.Status.REJECTED  # not stuck in "processing"
    unchanged(stocked)
    monkeypatch.undo()

    again = import_csv(outlet, data, file_name="kasse.csv")  # the same file, once the fault is gone
    assert again.status == OutletSalesImport.Status.ACCEPTED
    assert [StockRecord.objects.get(pk=r.pk).num_in_stock for r in stocked] == [4, 5]
    assert services.ledger_differences() == []


def test_sales_in_a_settled_royalty_period_become_an_adjustment_in_the_next_statement(outlet, stocked, demo_user,
                                                                                       client):
    """Accepted for stock; the royalty goes into the designer's next statement, with the period it belongs to."""
    from products.licensing import periods
    from products.licensing.models import RoyaltyAdjustment, RoyaltyRun, Statement, StatementLine
    from products.licensing.royalty_run import run_royalties
    from products.licensing.sales import sales_basis
    from tests.factories import LicenceFactory

    RoyaltyAdjustment.objects.all().delete()  # settle from scratch, as the licensing tests do
    Statement.objects.all().delete()
    RoyaltyRun.objects.all().delete()
    a, _b = stocked
    licence = LicenceFactory(products=[a.product], royalty_percentage=Decimal("10.00"))  # 2024 to 2030
    running = periods.previous_quarter()  # ended, not yet settled
    settled = periods.previous_quarter(running.start)
    Statement.objects.create(designer=licence.designer, period_start=settled.start, period_end=settled.end,
                             status=Statement.Status.ISSUED, sequence=9001, number="GS-009001")
    late_day, normal_day = settled.start + timedelta(days=10), running.start + timedelta(days=10)
    data = (f"date;sku;quantity;gross_price\n{late_day:%d.%m.%Y};{a.partner_sku};2;11,90\n"
            f"{normal_day:%d.%m.%Y};{a.partner_sku};1;11,90\n").encode()

    sales_import = import_csv(outlet, data, user=demo_user("shop@example.org"), file_name="spaet.csv")

    assert sales_import.status == OutletSalesImport.Status.ACCEPTED
    assert StockRecord.objects.get(pk=a.pk).num_in_stock == 3  # both sales left the shelf
    adjustment = RoyaltyAdjustment.objects.get(designer=licence.designer)
    assert (adjustment.amount, adjustment.licence, adjustment.statement) == (Decimal("2.00"), licence, None)
    assert settled.label in adjustment.text and "GS-009001" in adjustment.text
    assert [note["adjustment"] for note in sales_import.notes] == [adjustment.pk]
    client.force_login(demo_user("finance@example.org"))  # Finance sees it before the next run
    assert "GS-009001" in client.get("/admin/licensing/adjustments/").content.decode()
    # Never counted twice: the settled period's basis leaves the late sale out.
    assert not [row for row in sales_basis(settled.start, settled.end) if row.product_id == a.product_id]

    run_royalties(running)

    statement = Statement.objects.get(designer=licence.designer, period_start=running.start)
    by_kind = {line.kind: line for line in statement.lines.all()}
    assert by_kind[StatementLine.Kind.ADJUSTMENT].amount == Decimal("2.00")
    assert "GS-009001" in by_kind[StatementLine.Kind.ADJUSTMENT].text
    assert by_kind[StatementLine.Kind.ROYALTY].units == 1  # the sale in the open period, as usual
    adjustment.refresh_from_db()
    assert adjustment.statement == statement


def test_an_import_cut_off_while_processing_does_not_block_the_file_for_ever(outlet, stocked):
    import hashlib

    a, _b = stocked
    data = f"date;sku;quantity;gross_price\n{yesterday()};{a.partner_sku};1;11,90\n".encode()
    # What a worker killed in the middle of the upload leaves behind (its data transaction never committed).
    OutletSalesImport.objects.create(partner=outlet, file_name="kasse.csv",
                                     content_hash=hashlib.sha256(data).hexdigest(),
                                     created_at=timezone.now() - timedelta(hours=2))
    assert import_csv(outlet, data, file_name="kasse.csv").status == OutletSalesImport.Status.ACCEPTED
    assert set(OutletSalesImport.objects.filter(file_name="kasse.csv").values_list("status", flat=True)) == {
        "accepted", "rejected"}
