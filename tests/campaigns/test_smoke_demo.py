"""The demo campaigns render for visitors in German and English, and the index is in the main menu."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/de/kampagnen/",
        "/de/kampagnen/kreativquartier-depot/",
        "/de/kampagnen/gruene-inseln-aachen-nord/",
        "/de/kampagnen/label-im-museumsshop/",
        "/en/campaigns/",
        "/en/campaigns/creative-quarter-depot/",
    ],
)
def test_demo_campaign_pages_render(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:3000]


def test_campaign_index_is_in_the_main_menu(client):
    html = client.get("/de/").content.decode()
    assert 'href="/de/kampagnen/"' in html


def test_demo_campaign_shows_products_funders_and_sharing_meta(client):
    html = client.get("/de/kampagnen/kreativquartier-depot/").content.decode()
    assert "product-card" in html
    assert "inkl. MwSt." in html or "incl. VAT" in html
    assert "Gefördert durch das fiktive Programm" in html
    assert 'property="og:image"' in html and 'name="twitter:card" content="summary_large_image"' in html
    assert "<picture>" in html and 'type="image/avif"' in html and 'type="image/webp"' in html


def test_english_campaign_shows_english_texts(client):
    html = client.get("/en/campaigns/creative-quarter-depot/").content.decode()
    assert "The creative quarter around the Depot" in html
    assert "Funded by the fictional state programme" in html
    assert "Aachen-Nord" in html
