"""Every page names its other-language versions and the switcher keeps the visitor on the same page."""

import re

import pytest

pytestmark = pytest.mark.django_db


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def switcher_links(html):
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return dict(re.findall(r'href="([^"]+)" lang="(\w+)"', nav))


def test_page_lists_its_translations_as_hreflang(client):
    links = hreflangs(client.get("/de/ueber-uns/").content.decode())
    assert links["de"] == "http://testserver/de/ueber-uns/"
    assert links["en"] == "http://testserver/en/about-us/"
    assert links["nl"] == "http://testserver/nl/over-ons/"
    assert links["x-default"] == "http://testserver/de/ueber-uns/"


def test_untranslated_language_is_not_an_alternate(client):
    links = hreflangs(client.get("/de/impressum/").content.decode())
    assert set(links) == {"de", "en", "x-default"}


def test_switcher_leads_to_the_translated_page_or_that_languages_home(client):
    html = client.get("/en/legal-notice/").content.decode()
    links = {lang: url for url, lang in switcher_links(html).items()}
    assert links["de"] == "/de/impressum/"
    assert links["nl"] == "/nl/"
    assert "en" not in links, "the current language is shown, not linked"


def test_switcher_on_shop_pages_keeps_the_path(client):
    html = client.get("/de/shop/catalogue/?page=1").content.decode()
    links = {lang: url for url, lang in switcher_links(html).items()}
    assert links["en"] == "/en/shop/catalogue/?page=1"
    assert hreflangs(html)["fr"] == "http://testserver/fr/shop/catalogue/?page=1"


def test_lang_attribute_follows_the_language(client):
    assert '<html lang="fr"' in client.get("/fr/").content.decode()
    assert '<html lang="nl"' in client.get("/nl/shop/catalogue/").content.decode()


def test_main_menu_is_in_the_visitors_language(client):
    html = client.get("/en/").content.decode()
    assert 'href="/en/about-us/"' in html
    assert "Über uns" not in html.split("<main", 1)[0]
