"""A password-protected campaign is not listed in the campaign index, its feed, the sitemap or the site search."""

import pytest
from wagtail.models import PageViewRestriction

from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Kreativquartier rund ums Depot"


@pytest.fixture
def protected_campaign():
    page = CampaignPage.objects.get(title=SECRET_TITLE, locale__language_code="de")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    return page


def test_the_index_does_not_list_it(client, protected_campaign):
    html = client.get("/de/kampagnen/").content.decode()
    assert protected_campaign.url not in html
    assert SECRET_TITLE not in html
    assert "Grüne Inseln in Aachen-Nord" in html  # the others still are


def test_the_feed_does_not_list_it(client, protected_campaign):
    xml = client.get("/de/kampagnen/feed/").content.decode()
    assert SECRET_TITLE not in xml
    assert "Grüne Inseln in Aachen-Nord" in xml


def test_the_sitemap_does_not_list_it(client, protected_campaign):
    xml = client.get("/sitemap.xml").content.decode()
    assert protected_campaign.slug not in xml


def test_the_site_search_does_not_find_it(client, protected_campaign):
    html = client.get("/de/search/", {"q": "Kreativquartier"}).content.decode()
    assert protected_campaign.url not in html


def test_the_page_itself_still_asks_for_the_password(client, protected_campaign):
    response = client.get(protected_campaign.url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
