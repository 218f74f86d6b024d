"""A '"' in the site search (SQLite) and ?sort=checkbox on Oscar's dashboard lists answered 500."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ['"', 'Depot"', '"Kreativquartier', '""'])
def test_site_search_with_quotes_answers_200(client, query):
    response = client.get("/de/search/", {"q": query})
    assert response.status_code == 200


def test_a_quoted_word_still_finds_the_page(client):
    html = client.get("/de/search/", {"q": '"Kreativquartier"'}).content.decode()
    assert "/de/kampagnen/kreativquartier-depot/" in html


@pytest.mark.parametrize(
    ("url", "sort"),
    [
        ("/de/shop/dashboard/catalogue/", "checkbox"),
        ("/de/shop/dashboard/catalogue/", "-checkbox"),
        ("/de/shop/dashboard/catalogue/", "actions"),
        ("/de/shop/dashboard/catalogue/categories/", "checkbox"),
        ("/de/shop/dashboard/users/", "check"),
    ],
)
def test_dashboard_lists_ignore_an_unsortable_column(client, demo_user, url, sort):
    client.force_login(demo_user("admin@example.org"))
    response = client.get(url, {"sort": sort})
    assert response.status_code == 200


def test_dashboard_product_list_still_sorts_by_title(client, demo_user):
    client.force_login(demo_user("admin@example.org"))
    response = client.get("/de/shop/dashboard/catalogue/", {"sort": "title"})
    assert response.status_code == 200
    assert response.context["products"].order_by == ("title",)
