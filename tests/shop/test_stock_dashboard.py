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
