"""Two-click video in the browser: no iframe until the button is clicked, then the provider's iframe appears.

The iframe points at YouTube, which does not load offline; only the element is checked."""

import pytest
from playwright.sync_api import expect

from tests.campaigns.video_helpers import page_with_video

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_video_iframe_appears_only_after_the_click(page):
    video_page = page_with_video()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(video_page.url)
    expect(page.locator("figure.block-video")).to_be_visible()
    assert page.locator("iframe").count() == 0
    assert not [url for url in requests if "youtube" in url]
    button = page.locator("[data-video-load]")
    expect(button).to_be_visible()
    expect(button).to_contain_text("YouTube")
    button.click()
    iframe = page.locator("figure.block-video iframe")
    expect(iframe).to_have_count(1)
    assert "youtube-nocookie.com/embed/depot-film" in iframe.get_attribute("src")
