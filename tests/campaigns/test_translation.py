"""English translations of campaigns are served under /en/ with hreflang back to the German page."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation

from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db


def test_english_translation_is_served_with_hreflang_to_german(client):
    response = client.get("/en/campaigns/creative-quarter-depot/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert 'hreflang="de" href="http://testserver/de/kampagnen/kreativquartier-depot/"' in html
    german = client.get("/de/kampagnen/kreativquartier-depot/").content.decode()
    assert 'hreflang="en" href="http://testserver/en/campaigns/creative-quarter-depot/"' in german


def test_the_translation_follows_changes_of_the_source(client, django_capture_on_commit_callbacks):
    source = CampaignPage.objects.get(slug="kreativquartier-depot", locale__language_code="de")
    source.end_date = source.end_date.replace(year=source.end_date.year + 1)
    source.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=Locale.objects.get(language_code="en")
    )
    translation.source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    english = source.get_translation(Locale.objects.get(language_code="en"))
    assert english.end_date == source.end_date
    assert english.title == "The creative quarter around the Depot"
