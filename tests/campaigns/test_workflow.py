"""Marketing editors submit campaigns for moderation, Marketing approvers publish; publishing can be scheduled."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from accounts.roles import CAMPAIGN_WORKFLOW_NAME, MARKETING_APPROVERS, ensure_campaign_workflow
from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db


def add_url(index_page):
    return f"/admin/pages/add/campaigns/campaignpage/{index_page.pk}/"


def campaign_form(district, **overrides):
    data = {
        "title": "Neue Kampagne",
        "slug": "neue-kampagne",
        "teaser": "Ein Teaser für die neue Kampagne.",
        "start_date": (date.today() + timedelta(days=1)).isoformat(),
        "end_date": (date.today() + timedelta(days=30)).isoformat(),
        "districts": [district.pk],
        "tags": "",
        "hero_alt": "",
        "body": streamfield([("heading", {"text": "Hallo", "level": "h2"})]),
    }
    data.update(overrides)
    form = nested_form_data({k: v for k, v in data.items() if k != "districts"})
    form["districts"] = data["districts"]
    return form


def test_the_campaign_index_is_moderated_by_the_approvers(index_page):
    workflow = index_page.get_workflow()
    assert workflow.name == CAMPAIGN_WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MARKETING_APPROVERS]
    for translation in index_page.get_translations():
        assert translation.get_workflow() == workflow


def test_setting_up_the_workflow_again_changes_nothing():
    counts = (Workflow.objects.count(), Workflow.objects.get(name=CAMPAIGN_WORKFLOW_NAME).tasks.count())
    ensure_campaign_workflow()
    assert (Workflow.objects.count(), Workflow.objects.get(name=CAMPAIGN_WORKFLOW_NAME).tasks.count()) == counts


def test_editor_cannot_publish_but_submits_and_the_approver_publishes(client, demo_user, index_page, district):
    editor, approver = demo_user("marketing@example.org"), demo_user("approver@example.org")
    client.force_login(editor)
    response = client.post(add_url(index_page), {**campaign_form(district("aachen-nord")), "action-publish": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    page = CampaignPage.objects.get(slug="neue-kampagne")
    assert not page.live, "an editor's publish is saved as a draft"

    response = client.post(
        f"/admin/pages/{page.pk}/edit/", {**campaign_form(district("aachen-nord")), "action-submit": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task = state.current_task_state.task.specific
    assert task.get_actions(page, editor) == []
    assert "approve" in [action[0] for action in task.get_actions(page, approver)]

    client.force_login(approver)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {**campaign_form(district("aachen-nord")), "action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


def test_end_date_before_start_date_is_refused_and_nothing_is_saved(client, demo_user, index_page, district):
    client.force_login(demo_user("approver@example.org"))
    before = Page.objects.count()
    form = campaign_form(
        district("aachen-nord"), start_date="2026-06-10", end_date="2026-06-01", slug="falsche-daten"
    )
    response = client.post(add_url(index_page), {**form, "action-publish": "1"})
    assert response.status_code == 200
    assert "Das Enddatum darf nicht vor dem Startdatum liegen." in response.content.decode()
    assert Page.objects.count() == before


def test_image_block_without_alt_text_is_refused_in_the_admin(client, demo_user, index_page, district):
    from wagtail.images.models import Image

    client.force_login(demo_user("approver@example.org"))
    image = Image.objects.order_by("pk").first()
    form = campaign_form(
        district("aachen-nord"), slug="ohne-alt",
        body=streamfield([("image", {"image": image.pk, "alt_text": "", "caption": "", "credit": ""})]),
    )
    before = Page.objects.count()
    response = client.post(add_url(index_page), {**form, "action-publish": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Describe the image, or mark it as decorative." in html or "als dekorativ" in html
    assert Page.objects.count() == before


def test_a_page_scheduled_for_tomorrow_is_not_public_today(client, make_campaign):
    page = make_campaign(slug="ab-morgen", publish=False)
    page.go_live_at = timezone.now() + timedelta(days=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at is not None
    assert client.get("/de/kampagnen/ab-morgen/").status_code == 404
    assert f">{page.title}</a>" not in client.get("/de/kampagnen/").content.decode()


def test_an_expired_page_is_no_longer_public(client, make_campaign):
    from django.core.management import call_command

    page = make_campaign(slug="abgelaufen")
    page.expire_at = timezone.now() - timedelta(minutes=1)
    page.save()
    call_command("publish_scheduled")
    assert client.get("/de/kampagnen/abgelaufen/").status_code == 404
