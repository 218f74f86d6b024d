"""Every public page of the demo answers in German and English, in the site's look."""

import pytest
from django.utils.html import escape
from wagtail.models import Page

pytestmark = pytest.mark.django_db

LEGAL_PATHS = {
    "de": ["/de/impressum/", "/de/datenschutz/", "/de/agb/", "/de/widerrufsbelehrung/"],
    "en": ["/en/legal-notice/", "/en/privacy/", "/en/terms/", "/en/right-of-withdrawal/"],
}


def live_page_urls(language_code):
    pages = Page.objects.live().public().filter(locale__language_code=language_code).exclude(depth=1)
    return [page.url for page in pages.specific()]


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_live_page_answers_200(client, language):
    urls = live_page_urls(language)
    assert len(urls) >= 7, "the demo has a home page, About, shipping and four legal pages"
    for url in urls:
        assert url.startswith(f"/{language}/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.parametrize("language", ["de", "en"])
def test_legal_pages_exist_and_are_linked_in_the_footer(client, language):
    home = client.get(f"/{language}/").content.decode()
    for path in LEGAL_PATHS[language]:
        assert client.get(path).status_code == 200, path
        assert f'href="{path}"' in home, f"footer links {path}"


@pytest.mark.parametrize(
    "path",
    ["/de/shop/catalogue/", "/en/shop/catalogue/", "/de/search/?q=Depot", "/en/search/?q=shirt", "/de/shop/basket/"],
)
def test_shop_and_search_pages_answer_200(client, path):
    assert client.get(path).status_code == 200


def test_every_demo_product_page_answers_200_with_its_image(client):
    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    products = list(Product.objects.browsable())
    assert len(products) >= 20
    for product in products:
        for language in ("de", "en"):
            response = client.get(f"/{language}/shop/catalogue/{product.slug}_{product.pk}/")
            assert response.status_code == 200
            html = response.content.decode()
            assert escape(product.translated("title", language)) in html
            assert "/media/" in html, "product pages show the product image"


def test_root_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/de/"


def test_root_follows_the_browser_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/en/"


def test_english_home_is_the_translation(client):
    html = client.get("/en/").content.decode()
    assert "Design from Aachen-Nord, made in the old tram depot" in html
    assert "Design aus Aachen-Nord" not in html


def test_sitemap_lists_pages_of_every_language_and_products(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "/de/ueber-uns/" in xml and "/en/about-us/" in xml
    assert "/de/shop/catalogue/" in xml


def test_robots_txt_points_to_the_sitemap_and_hides_private_areas(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text
