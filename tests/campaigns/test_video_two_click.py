"""Two-click video (issue 13): the provider's iframe is not a live element of the page until the visitor asks."""

import re

import pytest

from tests.campaigns.video_helpers import IFRAME, VIDEO_URL, page_with_video

pytestmark = pytest.mark.django_db


def test_video_page_has_no_live_iframe_only_a_button_a_notice_and_a_link(client):
    page = page_with_video()
    html = client.get(page.url).content.decode()
    templates = re.findall(r"<template data-video-embed>(.*?)</template>", html, re.S)
    assert templates and "<iframe" in templates[0]  # waiting, inert, for the click
    outside = re.sub(r"<template\b.*?</template>", "", html, flags=re.S)
    assert "<iframe" not in outside
    assert "youtube-nocookie.com" not in outside
    button = re.search(r"<button[^>]*data-video-load[^>]*>(.*?)</button>", outside, re.S)
    assert button and "YouTube" in button.group(1)
    assert " hidden" in button.group(0)  # shown by the script; without JavaScript the link below is the way
    assert f'href="{VIDEO_URL}"' in outside
    assert "IP" in outside  # the notice that data goes to the provider
    assert IFRAME not in outside
