"""Visitors filter the campaign index by district, status and year; filters survive pagination."""

import re
from datetime import date

import pytest

from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db

URL = "/de/kampagnen/"


def titles(response):
    assert response.status_code == 200
    return re.findall(r'class="campaign-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_index_lists_newest_first_with_dates_and_districts(client):
    html = client.get(URL).content.decode()
    assert titles(client.get(URL)) == [
        "Grüne Inseln in Aachen-Nord", "Kreativquartier rund ums Depot", "Das Label im Museumsshop",
    ]
    assert "Aachen-Nord, Aachen-Ost" in html
    assert "<time datetime=" in html
    assert 'loading="lazy"' in html and 'width="400"' in html


def test_filter_by_district(client):
    assert titles(client.get(URL, {"district": "stolberg-muehle"})) == ["Das Label im Museumsshop"]
    assert titles(client.get(URL, {"district": "aachen-ost"})) == ["Grüne Inseln in Aachen-Nord"]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("upcoming", ["Grüne Inseln in Aachen-Nord"]),
        ("running", ["Kreativquartier rund ums Depot"]),
        ("past", ["Das Label im Museumsshop"]),
    ],
)
def test_filter_by_status(client, status, expected):
    assert titles(client.get(URL, {"status": status})) == expected


def test_filter_by_year(client, make_campaign):
    make_campaign(title="Kampagne 2019", start=date(2019, 5, 1), end=date(2019, 6, 1))
    assert titles(client.get(URL, {"year": "2019"})) == ["Kampagne 2019"]


def test_filters_combine(client):
    assert titles(client.get(URL, {"district": "aachen-nord", "status": "past"})) == ["Das Label im Museumsshop"]
    empty = client.get(URL, {"district": "aachen-ost", "status": "past"})
    assert titles(empty) == []
    assert "Keine Kampagnen" in empty.content.decode()


def test_form_is_accessible_and_keeps_its_state(client):
    html = client.get(URL, {"district": "aachen-ost"}).content.decode()
    for name in ("district", "status", "year"):
        assert f'<label for="id_{name}">' in html
    assert '<button type="submit"' in html
    assert '<option value="aachen-ost" selected>' in html


@pytest.mark.parametrize(
    "params", [{"year": "zwanzig"}, {"district": "gibt-es-nicht"}, {"status": "x"}, {"page": "abc"}]
)
def test_bad_filter_values_show_the_form_error_not_a_500(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200


def test_pagination_keeps_the_filter(client, make_campaign, district, index_page):
    index_page.per_page = 2
    index_page.save_revision().publish()
    ost = district("aachen-ost")
    for number in range(4):
        make_campaign(title=f"Ost {number}", start=-number - 1, end=10, districts=[ost])
    first = client.get(URL, {"district": "aachen-ost"})
    assert len(titles(first)) == 2
    html = first.content.decode()
    assert 'href="?district=aachen-ost&amp;page=2"' in html
    second = titles(client.get(URL, {"district": "aachen-ost", "page": "2"}))
    third = titles(client.get(URL, {"district": "aachen-ost", "page": "3"}))
    assert len(second) == 2 and len(third) == 1
    assert set(titles(first)) | set(second) | set(third) == {
        "Ost 0", "Ost 1", "Ost 2", "Ost 3", "Grüne Inseln in Aachen-Nord"
    }
    # A page number past the end shows the last page.
    assert titles(client.get(URL, {"district": "aachen-ost", "page": "99"})) == third


def test_unpublished_campaigns_are_not_listed(client, make_campaign):
    make_campaign(title="Entwurf", publish=False)
    assert "Entwurf" not in titles(client.get(URL))


def test_english_index_filters_by_english_district_slugs(client):
    response = client.get("/en/campaigns/", {"district": "aachen-east"})
    assert titles(response) == ["Green spots in Aachen-Nord"]


def test_rss_feed_lists_published_campaigns_per_language(client, make_campaign):
    make_campaign(title="Entwurf im Feed", publish=False)
    response = client.get(URL + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "<title>Kreativquartier rund ums Depot</title>" in body
    assert "Entwurf im Feed" not in body
    assert "<language>de</language>" in body
    english = client.get("/en/campaigns/feed/").content.decode()
    assert "<title>The creative quarter around the Depot</title>" in english
    assert CampaignPage.objects.live().count() >= 6
