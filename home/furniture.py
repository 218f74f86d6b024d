"""Header menu and footer legal links, cached per site and language.

They appear on every page but change only when an editor publishes, so they
are read from the cache (Redis in production, shared by all processes) and the
cache generation is bumped whenever a page or the site settings change.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import services
from .models import SiteSettings

GENERATION_KEY = "furniture:generation"
TIMEOUT = 60 * 60


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, None)
    return generation


def invalidate(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def _cached(name, request, build):
    site = Site.find_for_request(request)
    key = f"furniture:{_generation()}:{name}:{site.pk if site else 0}:{translation.get_language()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def menu_links(request):
    """(title, url, page id) of the menu pages in the visitor's language."""

    def build():
        return [(page.title, page.get_url(request), page.pk) for page in services.menu_pages(request)]

    return _cached("menu", request, build)


def legal_links(request):
    """(title, url) of the legal pages chosen in the site settings, translated where possible."""

    def build():
        site_settings = SiteSettings.for_request(request)
        return [(page.title, page.get_url(request)) for page in services.legal_pages(request, site_settings)]

    return _cached("legal", request, build)


def shipping_url(request):
    """URL of the shipping page in the visitor's language, linked from every price; None if not chosen."""

    def build():
        shipping_page = SiteSettings.for_request(request).shipping_page
        return shipping_page.localized.get_url(request) if shipping_page else ""

    return _cached("shipping", request, build) or None


def page_language_links(request, page):
    """Language links of a Wagtail page; they change only when a translation is published, moved or removed."""
    return _cached(f"languages:{page.pk}", request, lambda: services.language_links(request, page))


def site_settings(site, load):
    """The site settings (footer, Impressum, invoices) of `site`, read once per cache generation."""
    key = f"furniture:{_generation()}:settings:{site.pk if site else 0}"
    value = cache.get(key)
    if value is None:
        value = load()
        cache.set(key, value, TIMEOUT)
    return value


for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(invalidate, dispatch_uid=f"furniture-{signal}")


@receiver(post_delete, sender=Page, dispatch_uid="furniture-page-delete")
@receiver(post_save, sender=SiteSettings, dispatch_uid="furniture-settings")
def _invalidate_on_change(**kwargs):
    invalidate()
