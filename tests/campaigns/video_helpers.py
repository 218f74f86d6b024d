"""A video block with its oEmbed answer already cached (Wagtail's Embed table), so no network is needed."""

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page

from home.models import ContentPage

VIDEO_URL = "https://www.youtube.com/watch?v=depot-film"
IFRAME = '<iframe title="Depot-Film" src="https://www.youtube-nocookie.com/embed/depot-film" allowfullscreen></iframe>'


def cached_youtube_embed():
    Embed.objects.update_or_create(
        hash=get_embed_hash(VIDEO_URL),
        defaults={"url": VIDEO_URL, "type": "video", "html": IFRAME, "provider_name": "YouTube", "title": "Depot-Film"},
    )


def page_with_video(slug="film"):
    cached_youtube_embed()
    home = Page.objects.get(depth=2, locale__language_code="de")
    page = ContentPage(title="Der Film zum Depot", slug=slug,
                       body=[{"type": "video", "value": {"video": VIDEO_URL, "caption": "Das Depot im Film"}}])
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
