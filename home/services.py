"""Queries behind the shared page furniture (navigation, language links, legal links) and site search."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from products.catalogue.queries import product_cards


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    # False when the page has no version in this language and the link leads to that language's home.
    is_alternate: bool


def locale_home_url(language_code):
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[""])


def language_links(request, page=None):
    """One link per site language that keeps the visitor on the same page where it exists in that language."""
    current = translation.get_language()
    links = []
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        for code, name in settings.LANGUAGES:
            target = translations.get(code)
            url = target.get_url(request) if target else locale_home_url(code)
            links.append(LanguageLink(code, name, url, code == current, target is not None))
        return links
    path = request.get_full_path()
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        translated = code == current or url != path
        links.append(
            LanguageLink(code, name, url if translated else locale_home_url(code), code == current, translated)
        )
    return links


def menu_pages(request):
    """Children of the home page in the visitor's language (German where untranslated) marked 'show in menus'."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(site.root_page.localized.get_children().live().in_menu().public())


def legal_pages(request, site_settings):
    """The legal pages chosen in the site settings, in the visitor's language where translated."""
    ids = site_settings.legal_page_ids
    if not ids:
        return []
    originals = list(Page.objects.filter(pk__in=ids).only("translation_key", "title", "url_path"))
    localized = {
        p.translation_key: p
        for p in Page.objects.filter(
            translation_key__in=[p.translation_key for p in originals],
            locale__language_code=translation.get_language(),
        ).live()
    }
    originals.sort(key=lambda p: ids.index(p.pk))
    return [localized.get(p.translation_key, p) for p in originals]


def new_products(count):
    if not count:
        return []
    return list(product_cards().order_by("-date_created", "-pk")[:count])


def search_pages(query, language_code=None):
    locale = Locale.objects.filter(language_code=language_code or translation.get_language()).first()
    pages = Page.objects.live().public().exclude(depth=1)
    if locale:
        pages = pages.filter(locale=locale)
    # The search backend wraps each term in double quotes for SQLite's full-text MATCH and does not escape
    # quotes inside it: a '"' in the query was a syntax error (500). Quotes carry no meaning here.
    query = query.replace('"', " ").strip()
    if not query:
        return pages.none()
    return pages.specific().search(query)


def search_products(query):
    return product_cards().filter(
        Q(title__icontains=query) | Q(description__icontains=query) | Q(upc__iexact=query)
    ).order_by("title", "pk")
