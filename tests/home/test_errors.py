"""Bad addresses get the site's own 404 page, never a traceback."""

import pytest

pytestmark = pytest.mark.django_db


def assert_site_404(response):
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-header"' in html, "the 404 page has the site's header"
    assert "Made in Aachen-Nord" in html
    return html


def test_unknown_page(client):
    html = assert_site_404(client.get("/de/gibt-es-nicht/"))
    assert "Seite nicht gefunden" in html


def test_unknown_page_in_english(client):
    html = assert_site_404(client.get("/en/does-not-exist/"))
    assert "Page not found" in html


def test_unknown_language_prefix(client):
    response = client.get("/xx/", follow=True)
    assert_site_404(response)


def test_product_that_does_not_exist(client):
    assert_site_404(client.get("/de/shop/catalogue/gibt-es-nicht_999999/"))


def test_category_that_does_not_exist(client):
    assert_site_404(client.get("/de/shop/catalogue/category/nichts_999999/"))


def test_catalogue_page_out_of_range_redirects_to_the_first_page(client):
    response = client.get("/de/shop/catalogue/?page=999")
    assert response.status_code == 302
    assert response["Location"] == "/de/shop/catalogue/"


def test_server_error_page_needs_no_context(client):
    from home.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Etwas ist schiefgegangen" in response.content.decode()
