"""Stock pages of the dashboard: Shop staff only, forms with clear errors, query counts that do not grow."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model

from tests.factories import OutletFactory, ProductFactory

pytestmark = pytest.mark.django_db
StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")
Partner = get_model("partner", "Partner")
OutletSalesImport = get_model("partner", "OutletSalesImport")


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English (the site's default language is German)."""
    with translation.override("en"):
        yield


PAGES = ["stock-overview", "stock-movements", "stock-alerts", "stock-transfer", "stock-stocktake",
         "stock-sales-imports", "stock-sales-upload", "stock-sales-entry"]


def url(name, **kwargs):
    return reverse(f"dashboard:{name}", kwargs=kwargs)


@pytest.fixture
def staff_client(client, demo_user):
    client.force_login(demo_user("shop@example.org"))
    return client


@pytest.fixture
def workshop():
    return Partner.objects.get(name="Sozialwerkstatt im Depot")


@pytest.mark.parametrize("name", PAGES)
def test_shop_staff_see_every_stock_page(staff_client, name):
    assert staff_client.get(url(name)).status_code == 200


@pytest.mark.parametrize("email", ["marketing@example.org", "finance@example.org", "designer@example.org"])
@pytest.mark.parametrize("name", ["stock-overview", "stock-transfer", "stock-sales-upload"])
def test_other_roles_are_refused(client, demo_user, email, name):
    client.force_login(demo_user(email))
    response = client.get(url(name))
    assert response.status_code in (302, 403)
    assert "stock" not in response.get("Location", "").split("?")[0]


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(url("stock-overview"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_stock_is_in_the_dashboard_navigation(staff_client):
    assert url("stock-overview") in staff_client.get(reverse("dashboard:index")).content.decode()


def test_transfer_form_moves_stock(staff_client, workshop, demo_user):
    product = ProductFactory()
    outlet = OutletFactory()
    response = staff_client.post(url("stock-transfer"), {
        "product": product.pk, "source": workshop.pk, "destination": outlet.pk, "quantity": 5, "reason": ""})
    assert response.status_code == 302
    assert StockRecord.objects.get(product=product, partner=outlet).num_in_stock == 5
    assert StockRecord.objects.get(product=product, partner=workshop).num_in_stock == 5
    movement = StockMovement.objects.get(stockrecord__partner=outlet, stockrecord__product=product)
    assert movement.created_by == demo_user("shop@example.org")


def test_transfer_of_more_than_in_stock_shows_an_error(staff_client, workshop):
    product = ProductFactory()
    outlet = OutletFactory()
    response = staff_client.post(url("stock-transfer"), {
        "product": product.pk, "source": workshop.pk, "destination": outlet.pk, "quantity": 50})
    assert response.status_code == 200
    assert "Only 10 unit(s)" in response.content.decode()
    assert not StockRecord.objects.filter(partner=outlet).exists()


def test_stocktake_form_refuses_a_lower_count_without_reason(staff_client, workshop):
    record = ProductFactory().stockrecords.get()
    response = staff_client.post(url("stock-stocktake"), {"stockrecord": record.pk, "counted": 8, "reason": ""})
    assert response.status_code == 200 and "needs a reason" in response.content.decode()
    record.refresh_from_db()
    assert record.num_in_stock == 10
    staff_client.post(url("stock-stocktake"), {"stockrecord": record.pk, "counted": 8, "reason": "Bruch"})
    record.refresh_from_db()
    assert record.num_in_stock == 8


def test_upload_shows_the_result_and_the_errors_of_a_refused_file(staff_client, workshop):
    from shop.partner import services

    product = ProductFactory()
    outlet = OutletFactory()
    services.transfer(product, workshop, outlet, 3)
    today = timezone.localdate().isoformat()
    good = SimpleUploadedFile("good.csv", f"date;sku;quantity;gross_price\n{today};{product.upc};2;11,90\n".encode())
    response = staff_client.post(url("stock-sales-upload"), {"partner": outlet.pk, "file": good}, follow=True)
    assert "Accepted" in response.content.decode() or "Angenommen" in response.content.decode()
    assert StockRecord.objects.get(product=product, partner=outlet).num_in_stock == 1
    bad = SimpleUploadedFile("bad.csv", f"date;sku;quantity;gross_price\n{today};NOPE;2;11,90\n".encode())
    response = staff_client.post(url("stock-sales-upload"), {"partner": outlet.pk, "file": bad}, follow=True)
    assert "NOPE" in response.content.decode()
    assert OutletSalesImport.objects.get(file_name="bad.csv").status == "rejected"


def test_low_stock_alerts_use_the_threshold_of_each_record(staff_client):
    record = ProductFactory().stockrecords.get()
    StockRecord.objects.filter(pk=record.pk).update(low_stock_threshold=11)
    assert record.product.title in staff_client.get(url("stock-alerts")).content.decode()
    StockRecord.objects.filter(pk=record.pk).update(low_stock_threshold=10)
    assert record.product.title not in staff_client.get(url("stock-alerts")).content.decode()


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["stock-overview", "stock-movements", "stock-alerts", "stock-sales-imports"])
def test_stock_pages_queries_do_not_grow_with_the_data(staff_client, name, django_assert_max_num_queries):
    outlet = OutletFactory()
    ProductFactory.create_batch(3)
    small = count_queries(staff_client, url(name))
    for product in ProductFactory.create_batch(20):
        StockRecord.objects.create(product=product, partner=outlet, partner_sku=product.upc, num_in_stock=1,
                                   low_stock_threshold=5)
    OutletFactory.create_batch(3)
    assert count_queries(staff_client, url(name)) == small
    with django_assert_max_num_queries(25):
        staff_client.get(url(name))


def editable_product():
    """A factory product the dashboard's product form accepts (Oscar wants a category)."""
    product = ProductFactory()
    category = get_model("catalogue", "Category").objects.order_by("pk").first()
    get_model("catalogue", "ProductCategory").objects.create(product=product, category=category)
    return product


def test_a_product_form_opened_before_a_transfer_does_not_undo_it(staff_client, workshop):
    from shop.partner import services
    from tests.products.test_dashboard_translations import form_errors, form_values

    product = editable_product()
    record = product.stockrecords.get()
    edit = reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    data = form_values(staff_client.get(edit).content.decode())  # the form is opened with 10 in stock
    sku_field = next(key for key in data if key.endswith("-partner_sku"))
    # What the old form submitted (and a hand-made post still may): the stock as it was when opened.
    data[sku_field.replace("-partner_sku", "-num_in_stock")] = ["10"]
    services.transfer(product, workshop, OutletFactory(), 4)  # meanwhile, on the stock pages
    data["title"] = ["Umbenannt"]
    response = staff_client.post(edit, data)
    assert response.status_code == 302, form_errors(response)
    record.refresh_from_db()
    assert record.num_in_stock == 6  # the transfer stays
    assert record.product.title == "Umbenannt"
    assert not record.movements.filter(kind="stocktake").exists()
    from shop.partner.services import ledger_differences

    assert ledger_differences() == []


def test_the_product_form_shows_stock_read_only_with_links_to_the_stock_pages(staff_client):
    product = ProductFactory()
    record = product.stockrecords.get()
    response = staff_client.get(reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}))
    html = response.content.decode()
    assert 'name="stockrecords-0-num_in_stock"' not in html
    assert f'{url("stock-stocktake")}?stockrecord={record.pk}' in html
    stocktake = staff_client.get(f'{url("stock-stocktake")}?stockrecord={record.pk}')
    assert stocktake.context["form"].initial["stockrecord"] == str(record.pk)


def test_the_product_form_cannot_set_stock_below_the_allocated_units(staff_client):
    from tests.products.test_dashboard_translations import form_errors, form_values

    product = editable_product()
    record = product.stockrecords.get()
    record.allocate(3)
    edit = reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    data = form_values(staff_client.get(edit).content.decode())
    sku_field = next(key for key in data if key.endswith("-partner_sku"))
    data[sku_field.replace("-partner_sku", "-num_in_stock")] = ["1"]
    response = staff_client.post(edit, data)
    assert response.status_code == 302, form_errors(response)
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (10, 3)
    assert list(record.movements.values_list("kind", flat=True)) == ["opening"]


def test_stocktake_refusals_are_shown_on_their_field_in_german(staff_client):
    record = ProductFactory().stockrecords.get()
    record.allocate(6)
    with translation.override("de"):
        stocktake = url("stock-stocktake")
        no_reason = staff_client.post(stocktake, {"stockrecord": record.pk, "counted": 8, "reason": ""})
        below = staff_client.post(stocktake, {"stockrecord": record.pk, "counted": 5, "reason": "Bruch"})
    assert stocktake.startswith("/de/")
    assert list(no_reason.context["form"].errors) == ["reason"]
    assert list(below.context["form"].errors) == ["counted"]
    record.refresh_from_db()
    assert (record.num_in_stock, record.movements.count()) == (10, 1)
