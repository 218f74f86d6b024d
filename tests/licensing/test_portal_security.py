"""Only a designer sees the portal, and only their own issued statements."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from products.licensing.models import Statement

from .portal_helpers import PASSWORD, designer_with_login, quarters_back, royalty_line, statement

pytestmark = pytest.mark.django_db

Status = Statement.Status
PORTAL_URLS = ("portal:statement", "portal:statement_pdf", "portal:statement_csv")

User = get_user_model()


@pytest.fixture
def two_designers():
    """Designers A and B, each with a draft, an issued and a paid statement; C with one issued statement."""
    latest, middle, oldest = quarters_back(3)
    result = {}
    for name in ("a", "b"):
        designer = designer_with_login(f"portal-{name}@example.org")
        result[name] = {
            "designer": designer,
            "draft": statement(designer, latest, Status.DRAFT, [royalty_line(latest.start)]),
            "issued": statement(designer, middle, Status.ISSUED, [royalty_line(middle.start)]),
            "paid": statement(designer, oldest, Status.PAID, [royalty_line(oldest.start)]),
        }
    designer_c = designer_with_login("portal-c@example.org")
    result["c"] = {"designer": designer_c, "issued": statement(designer_c, middle, Status.ISSUED)}
    return result


def login(client, email):
    client.force_login(User.objects.get(email=email))


def test_anonymous_visitors_are_sent_to_the_login_page_and_back(client):
    response = client.get("/de/portal/")
    assert response.status_code == 302
    assert response["Location"] == "/de/shop/accounts/login/?next=/de/portal/"
    login_page = client.get(response["Location"])
    assert login_page.status_code == 200
    assert 'value="/de/portal/"' in login_page.content.decode()  # the login form carries the way back


def test_anonymous_download_is_refused_too(client, two_designers):
    pk = two_designers["a"]["issued"].pk
    response = client.get(f"/en/portal/statements/{pk}/pdf/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/shop/accounts/login/?next=")


@pytest.mark.parametrize("email", ["marketing@example.org", "shop@example.org", "finance@example.org"])
def test_staff_who_are_not_designers_get_403(client, email, two_designers):
    client.force_login(User.objects.get(email=email))
    assert client.get("/de/portal/").status_code == 403
    assert client.get(f"/de/portal/statements/{two_designers['a']['issued'].pk}/").status_code == 403


def test_a_designer_record_without_the_designers_group_gets_403(client, two_designers, django_user_model):
    user = two_designers["a"]["designer"].user
    user.groups.clear()
    login(client, user.email)
    assert client.get("/de/portal/").status_code == 403


def test_a_designers_group_member_without_a_designer_record_gets_403(client, django_user_model):
    from accounts.roles import DESIGNERS, assign_role

    user = django_user_model.objects.create_user(email="lonely@example.org", password=PASSWORD)
    assign_role(user, DESIGNERS)
    login(client, user.email)
    assert client.get("/de/portal/").status_code == 403


def test_the_demo_designer_gets_in(client):
    client.force_login(User.objects.get(email="designer@example.org"))
    response = client.get("/de/portal/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store" or set(response["Cache-Control"].split(", ")) == {
        "private", "no-store"}


@pytest.mark.parametrize("url_name", PORTAL_URLS)
def test_another_designers_statement_is_not_found(client, two_designers, url_name):
    login(client, "portal-a@example.org")
    for kind in ("issued", "paid"):
        response = client.get(reverse(url_name, args=[two_designers["b"][kind].pk]))
        assert response.status_code == 404, (url_name, kind)


@pytest.mark.parametrize("url_name", PORTAL_URLS)
def test_an_own_draft_is_not_found(client, two_designers, url_name):
    login(client, "portal-a@example.org")
    assert client.get(reverse(url_name, args=[two_designers["a"]["draft"].pk])).status_code == 404


def test_sweep_over_every_statement_as_every_designer(client, two_designers):
    every_id = list(Statement.objects.values_list("pk", flat=True))
    assert len(every_id) >= 7
    for name, data in two_designers.items():
        own_visible = {data[kind].pk for kind in ("issued", "paid") if kind in data}
        client.logout()
        login(client, data["designer"].user.email)
        for pk in every_id:
            for url_name in PORTAL_URLS:
                status = client.get(reverse(url_name, args=[pk])).status_code
                expected = 200 if pk in own_visible else 404
                assert status == expected, f"designer {name}, statement {pk}, {url_name}: {status}"


def test_the_overview_lists_only_own_issued_statements(client, two_designers):
    login(client, "portal-a@example.org")
    page = client.get("/de/portal/").content.decode()
    a, b = two_designers["a"], two_designers["b"]
    assert a["issued"].number in page and a["paid"].number in page
    assert b["issued"].number not in page and b["paid"].number not in page
    assert reverse("portal:statement", args=[a["draft"].pk]) not in page


@pytest.mark.parametrize("url_name", ["portal:overview", "portal:statement", "portal:statement_pdf",
                                      "portal:statement_csv"])
def test_portal_responses_are_never_cached(client, two_designers, url_name):
    login(client, "portal-a@example.org")
    args = [] if url_name == "portal:overview" else [two_designers["a"]["issued"].pk]
    response = client.get(reverse(url_name, args=args))
    assert response.status_code == 200
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
