"""The designer blocks on a content page (the same StreamField campaign pages use)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import ContentPage
from products.designers.models import DesignerPage

pytestmark = pytest.mark.django_db


def page_with_blocks(*blocks):
    page = ContentPage.objects.get(slug="ueber-uns", locale__language_code="de")
    page.body = [{"type": block_type, "value": value} for block_type, value in blocks]
    page.save_revision().publish()
    return page


def designer(slug):
    return DesignerPage.objects.get(slug=slug, locale__language_code="de")


def get(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_products_block_shows_the_designers_products_with_a_fixed_number_of_queries(client):
    dana = designer("dana")
    page = page_with_blocks(("designer_products", {"heading": "Von Dana", "designer_page": dana.pk, "limit": 4}))
    html = get(client, page)
    assert html.count('class="product-card"') == 4
    assert 'href="/de/designerinnen/dana/"' in html
    with CaptureQueriesContext(connection) as few:
        get(client, page)
    page = page_with_blocks(("designer_products", {"heading": "Von Dana", "designer_page": dana.pk, "limit": 5}))
    get(client, page)
    with CaptureQueriesContext(connection) as more:
        assert get(client, page).count('class="product-card"') == 5
    assert len(more) == len(few)


def test_teaser_block_links_to_the_profile(client):
    page = page_with_blocks(("designer_teaser", {"designer_page": designer("tom").pk, "text": ""}))
    html = get(client, page)
    assert 'href="/de/designerinnen/tom/"' in html
    assert "Tom baut Möbel" in html


def test_blocks_of_an_unpublished_or_deleted_profile_render_nothing(client):
    mira = designer("mira")
    page = page_with_blocks(
        ("designer_teaser", {"designer_page": mira.pk, "text": "Teasertext"}),
        ("designer_products", {"heading": "Von Mira", "designer_page": mira.pk, "limit": 4}),
    )
    mira.unpublish()
    html = get(client, page)
    assert "Teasertext" not in html and "Von Mira" not in html
    mira.delete()
    html = get(client, page)
    assert "Teasertext" not in html and "Von Mira" not in html
