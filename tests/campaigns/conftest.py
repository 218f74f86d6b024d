from datetime import date, timedelta

import pytest
from wagtail.models import Locale

from campaigns.models import CampaignIndexPage, CampaignPage, District


@pytest.fixture
def index_page():
    return CampaignIndexPage.objects.get(locale__language_code="de", slug="kampagnen")


@pytest.fixture
def district():
    def get(slug):
        return District.objects.get(slug=slug, locale=Locale.objects.get(language_code="de"))

    return get


@pytest.fixture
def make_campaign(index_page):
    counter = {"n": 0}

    def make(start=-1, end=1, districts=(), body=(), publish=True, parent=None, **fields):
        counter["n"] += 1
        today = date.today()
        page = CampaignPage(
            title=fields.pop("title", f"Testkampagne {counter['n']}"),
            slug=fields.pop("slug", f"testkampagne-{counter['n']}"),
            teaser=fields.pop("teaser", "Ein Teaser."),
            start_date=today + timedelta(days=start) if isinstance(start, int) else start,
            end_date=today + timedelta(days=end) if isinstance(end, int) else end,
            body=list(body),
            **fields,
        )
        page.districts = list(districts)
        page.live = publish
        (parent or index_page).add_child(instance=page)
        if publish:
            page.save_revision().publish()
        return page

    return make
