"""The shop speaks in the site's look: one base template, gross prices, basket count in the header."""

import re

import pytest
from oscar.core.loading import get_model

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")


def basket_count(html):
    return int(re.search(r'data-testid="basket-count">(\d+)<', html).group(1))


@pytest.mark.parametrize(
    "path", ["/de/shop/catalogue/", "/de/shop/basket/", "/de/search/?q=Hocker", "/en/shop/accounts/login/"]
)
def test_shop_pages_use_the_sites_base_template(client, path):
    html = client.get(path).content.decode()
    assert 'class="skip-link" href="#main"' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert "ajax.googleapis.com" not in html, "no CDN: everything is served from the site"


def test_catalogue_shows_gross_prices_with_vat_note(client):
    product = Product.objects.get(upc="MIAN-T-001")  # 24.37 net
    html = client.get("/de/shop/catalogue/").content.decode()
    assert product.title in html
    assert "29,00\xa0€" in html  # 24.37 × 1.19 = 29.0003 → 29.00 gross
    assert "inkl. MwSt." in html


def test_adding_to_the_basket_updates_the_header_count(client):
    product = Product.objects.get(upc="MIAN-P-002")
    assert basket_count(client.get("/de/").content.decode()) == 0
    response = client.post(f"/de/shop/basket/add/{product.pk}/", {"quantity": 2}, follow=True)
    assert response.status_code == 200
    assert basket_count(client.get("/de/").content.decode()) == 2


def test_site_search_finds_pages_and_products(client):
    html = client.get("/de/search/?q=Depot").content.decode()
    assert "Shirt „Depot“" in html
    html = client.get("/en/search/?q=withdrawal").content.decode()
    assert 'href="/en/right-of-withdrawal/"' in html


def test_empty_search_shows_the_form_only(client):
    html = client.get("/de/search/?q=").content.decode()
    assert 'name="q"' in html
    assert "Keine Produkte" not in html


def test_search_never_lists_unpublished_products(client):
    product = Product.objects.get(upc="MIAN-H-001")
    product.is_public = False
    product.save()
    assert product.title not in client.get("/de/search/?q=Hocker").content.decode()
    assert client.get(product.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("language", "note", "shipping_path"),
    [
        ("de", "inkl. MwSt.", "/de/versand-und-zahlung/"),
        ("en", "incl. VAT", "/en/shipping-and-payment/"),
        ("nl", "incl. btw", "/de/versand-und-zahlung/"),  # not translated into Dutch: the German page
    ],
)
def test_product_page_shows_gross_price_with_vat_and_shipping_link(client, language, note, shipping_path):
    product = Product.objects.get(upc="MIAN-H-001")  # 125.21 net → 149.00 gross
    html = client.get(f"/{language}/shop/catalogue/{product.slug}_{product.pk}/").content.decode()
    price_block = html.split('class="price_color"', 1)[1].split("</p>", 1)[0]
    assert "149,00" in price_block or "149.00" in price_block
    assert note in price_block
    assert f'href="{shipping_path}"' in price_block


@pytest.mark.parametrize("language", ["de", "en"])
def test_shop_breadcrumbs_lead_to_the_site_home_page(client, language):
    product = Product.objects.get(upc="MIAN-T-001")
    html = client.get(f"/{language}/shop/catalogue/{product.slug}_{product.pk}/").content.decode()
    breadcrumb = html.split('class="breadcrumb"', 1)[1].split("</ol>", 1)[0]
    assert f'href="/{language}/"' in breadcrumb
