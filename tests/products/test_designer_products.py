"""The products on a designer's profile come from the designer's licences."""

import datetime

import pytest
from oscar.core.loading import get_model

from products.designers.models import Designer, DesignerPage
from products.designers.services import products_of
from tests.factories import DesignerFactory, LicenceFactory, ProductFactory

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")


def profile_html(client, key="tom", language="de"):
    page = DesignerPage.objects.get(slug=key, locale__language_code=language)
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_profile_lists_the_products_of_the_designers_licences(client):
    html = profile_html(client, "tom")
    for upc in ("MIAN-H-001", "MIAN-H-004", "MIAN-H-008"):
        assert Product.objects.get(upc=upc).get_absolute_url() in html


def test_product_whose_licence_ended_shows_until_it_is_off_sale(client):
    product = Product.objects.get(upc="MIAN-H-005")
    licence = product.licences.get()
    assert licence.end_date < datetime.date.today()
    assert product.get_absolute_url() in profile_html(client, "tom")

    product.is_public = False
    product.save()
    assert product.get_absolute_url() not in profile_html(client, "tom")


def test_product_of_another_designer_never_shows(client):
    other = ProductFactory(title="Fremdes Produkt")
    LicenceFactory(products=[other])
    html = profile_html(client, "tom")
    assert other.get_absolute_url() not in html
    assert "Fremdes Produkt" not in html
    assert other not in products_of(Designer.objects.get(legal_name="Thomas Wiesner").pk)


def test_product_licensed_twice_to_the_designer_shows_once():
    designer = DesignerFactory()
    product = ProductFactory()
    LicenceFactory(designer=designer, products=[product], end_date=datetime.date(2024, 12, 31))
    LicenceFactory(designer=designer, products=[product], start_date=datetime.date(2025, 1, 1))
    assert list(products_of(designer.pk)) == [product]


def test_deleted_product_leaves_licence_and_profile_intact(client):
    product = Product.objects.get(upc="MIAN-H-004")
    licence = product.licences.get()
    # Outlet sales protect a sold product (they are the royalty basis); this one is deleted before it sold.
    product.outlet_sales.all().delete()
    product.delete()
    licence.refresh_from_db()
    assert licence.products.count() == 2
    assert "Wandregal" not in profile_html(client, "tom")


def test_profile_without_a_linked_designer_shows_no_products(client):
    page = DesignerPage.objects.get(slug="tom", locale__language_code="de")
    page.designer = None
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Hocker" not in html
    assert page.title in html


def test_designer_without_user_account_is_valid_and_kept_private():
    designer = DesignerFactory(user=None)
    designer.full_clean()
    assert designer.user is None


def test_product_page_links_to_the_designer_profile_in_the_visitors_language(client):
    product = Product.objects.get(upc="MIAN-T-001")
    path = f"shop/catalogue/{product.slug}_{product.pk}/"
    assert 'href="/en/designers/dana/"' in client.get(f"/en/{path}").content.decode()
    assert 'href="/de/designerinnen/dana/"' in client.get(f"/de/{path}").content.decode()
