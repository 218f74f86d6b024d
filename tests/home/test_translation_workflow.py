"""Marketing staff translate a page from the Wagtail admin with wagtail-localize."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

pytestmark = pytest.mark.django_db


def privacy_page():
    return Page.objects.get(slug="datenschutz", locale__language_code="de")


def test_marketing_submits_a_page_for_translation_and_translates_its_title(
    client, demo_user, django_capture_on_commit_callbacks
):
    client.force_login(demo_user("marketing@example.org"))
    source = privacy_page()
    dutch = Locale.objects.get(language_code="nl")
    url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])

    assert client.get(url).status_code == 200
    # wagtail-localize publishes translations when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [dutch.pk]})
    assert response.status_code == 302

    translated = source.get_translation(dutch)
    assert translated.live, "a synced translation of a live page goes live"
    # Until strings are translated the page falls back to the German text, under the Dutch URL.
    assert client.get(translated.url).status_code == 200

    translation = Translation.objects.get(source__object_id=source.translation_key, target_locale=dutch)
    title_segment = StringSegment.objects.get(source=translation.source, string__data=source.title)
    edit_url = reverse(
        "wagtail_localize:edit_string_translation", args=[translation.pk, title_segment.pk]
    )
    response = client.put(edit_url, "value=Privacyverklaring", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 201, response.content  # a new string translation
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    translated.refresh_from_db()
    assert translated.title == "Privacyverklaring"
    assert "Privacyverklaring" in client.get(translated.url).content.decode()


def test_shop_staff_cannot_submit_translations(client, demo_user):
    client.force_login(demo_user("shop@example.org"))
    url = reverse("wagtail_localize:submit_page_translation", args=[privacy_page().pk])
    assert client.post(url, {"locales": [Locale.objects.get(language_code="nl").pk]}).status_code == 302
    assert not privacy_page().get_translations().filter(locale__language_code="nl").exists()
