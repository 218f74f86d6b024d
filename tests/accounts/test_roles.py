"""What each staff role reaches: Marketing edits pages, Shop staff runs the shop, neither gets the other's tools."""

import pytest
from django.contrib.auth.models import Group
from django.http import HttpRequest
from wagtail.models import Page

from accounts.roles import ROLE_NAMES, sync_role_groups

pytestmark = pytest.mark.django_db

DASHBOARD = "/de/shop/dashboard/"
DASHBOARD_ORDERS = "/de/shop/dashboard/orders/"


def about_page():
    return Page.objects.get(slug="ueber-uns", locale__language_code="de")


def test_the_role_groups_exist():
    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLE_NAMES)


def test_user_model_logs_in_with_email(client, django_user_model):
    user = django_user_model.objects.create_user(email="new@example.org", password="a-long-pass-phrase")
    assert django_user_model.USERNAME_FIELD == "email"
    # django-axes needs the request it throttles by; any request object will do here.
    assert client.login(request=HttpRequest(), email="new@example.org", password="a-long-pass-phrase")
    assert user.get_username() == "new@example.org"


def about_page_form(title):
    return {"title": title, "slug": "ueber-uns", "introduction": "Neu", "body-count": "0"}


def test_marketing_edits_pages_in_wagtail_but_cannot_publish(client, demo_user):
    client.force_login(demo_user("marketing@example.org"))
    page = about_page()
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", {**about_page_form("Über uns (neu)"), "action-publish": "publish"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get(pk=page.pk)
    assert page.title != "Über uns (neu)", "the live page is unchanged"
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Über uns (neu)"


def test_marketing_approvers_publish_pages(client, demo_user):
    client.force_login(demo_user("approver@example.org"))
    page = about_page()
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", {**about_page_form("Über uns (freigegeben)"), "action-publish": "publish"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Page.objects.get(pk=page.pk).title == "Über uns (freigegeben)"


def test_an_editors_submission_of_a_content_page_reaches_the_approvers(client, demo_user):
    """Pages outside the campaigns follow Wagtail's default workflow; its task is the approvers' too."""
    client.force_login(demo_user("marketing@example.org"))
    page = about_page()
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", {**about_page_form("Über uns (zur Freigabe)"), "action-submit": "submit"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    state = Page.objects.get(pk=page.pk).current_workflow_task_state
    assert state is not None, "the page waits in a workflow"
    actions = [action[0] for action in state.task.specific.get_actions(page, demo_user("approver@example.org"))]
    assert "approve" in actions


@pytest.mark.parametrize("path", [DASHBOARD, DASHBOARD_ORDERS])
def test_marketing_gets_403_on_the_oscar_dashboard(client, demo_user, path):
    client.force_login(demo_user("marketing@example.org"))
    assert client.get(path).status_code == 403


@pytest.mark.parametrize("path", [DASHBOARD, DASHBOARD_ORDERS])
def test_shop_staff_uses_the_oscar_dashboard(client, demo_user, path):
    client.force_login(demo_user("shop@example.org"))
    assert client.get(path).status_code == 200


def test_shop_staff_cannot_edit_pages(client, demo_user):
    client.force_login(demo_user("shop@example.org"))
    response = client.get(f"/admin/pages/{about_page().pk}/edit/")
    # Wagtail refuses users without admin access by sending them to its login with a message.
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("email", ["finance@example.org", "designer@example.org"])
def test_finance_and_designers_do_not_reach_the_oscar_dashboard(client, demo_user, email):
    client.force_login(demo_user(email))
    assert client.get(DASHBOARD).status_code == 403


def test_designers_do_not_reach_the_wagtail_admin(client, demo_user):
    client.force_login(demo_user("designer@example.org"))
    assert client.get("/admin/").status_code == 302


def test_finance_reaches_the_wagtail_admin_but_cannot_edit_pages(client, demo_user):
    client.force_login(demo_user("finance@example.org"))
    assert client.get("/admin/").status_code == 200
    response = client.get(f"/admin/pages/{about_page().pk}/edit/")
    assert response.status_code in (302, 403)


def test_anonymous_is_sent_to_a_login(client):
    assert client.get(DASHBOARD)["Location"].startswith("/de/shop/dashboard/login/")
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_syncing_roles_again_restores_a_removed_permission():
    group = Group.objects.get(name="Marketing")
    group.permissions.clear()
    sync_role_groups()
    assert group.permissions.filter(codename="access_admin").exists()
