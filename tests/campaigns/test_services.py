"""Campaign status from the dates, in Berlin's local date, and the index filters as plain functions."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from campaigns.models import CampaignPage
from campaigns.services import PAST, RUNNING, UPCOMING, campaign_status, filter_campaigns, local_today

TODAY = date(2026, 5, 20)


def test_a_campaign_that_ended_yesterday_is_past():
    assert campaign_status(TODAY - timedelta(days=10), TODAY - timedelta(days=1), TODAY) == PAST


def test_a_campaign_that_starts_tomorrow_is_upcoming():
    assert campaign_status(TODAY + timedelta(days=1), TODAY + timedelta(days=9), TODAY) == UPCOMING


@pytest.mark.parametrize(("start", "end"), [(0, 0), (-1, 0), (0, 5), (-3, 3)])
def test_a_campaign_is_running_on_its_first_and_last_day(start, end):
    assert campaign_status(TODAY + timedelta(days=start), TODAY + timedelta(days=end), TODAY) == RUNNING


def test_today_is_the_local_date_in_berlin(settings):
    # 23:30 UTC on 31 December is already New Year's Day in Aachen.
    settings.TIME_ZONE = "Europe/Berlin"
    late = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    with timezone.override("Europe/Berlin"):
        assert timezone.localdate(late) == date(2027, 1, 1)
    assert local_today() == timezone.localdate()


@pytest.mark.django_db
def test_filters_combine(make_campaign, district):
    nord, ost = district("aachen-nord"), district("aachen-ost")
    running_nord = make_campaign(start=-2, end=2, districts=[nord])
    past_nord = make_campaign(start=-20, end=-1, districts=[nord])
    running_ost = make_campaign(start=-2, end=2, districts=[ost])
    queryset = CampaignPage.objects.filter(pk__in=[running_nord.pk, past_nord.pk, running_ost.pk])

    assert set(filter_campaigns(queryset, district=nord)) == {running_nord, past_nord}
    assert set(filter_campaigns(queryset, status=RUNNING)) == {running_nord, running_ost}
    assert set(filter_campaigns(queryset, district=nord, status=RUNNING)) == {running_nord}
    assert set(filter_campaigns(queryset, district=nord, status=UPCOMING)) == set()


@pytest.mark.django_db
def test_year_filter_finds_campaigns_running_during_the_year(make_campaign):
    across = make_campaign(start=date(2025, 11, 1), end=date(2026, 2, 1))
    only_2024 = make_campaign(start=date(2024, 3, 1), end=date(2024, 4, 1))
    queryset = CampaignPage.objects.filter(pk__in=[across.pk, only_2024.pk])
    assert set(filter_campaigns(queryset, year=2025)) == {across}
    assert set(filter_campaigns(queryset, year=2026)) == {across}
    assert set(filter_campaigns(queryset, year=2024)) == {only_2024}
