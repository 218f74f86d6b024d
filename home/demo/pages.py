"""The demo page tree: German sources, translated with wagtail-localize."""

from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import ContentPage, HomePage, SiteSettings

from . import content
from .images import image_file


def _image(title, seed, label=""):
    from wagtail.images.models import Image

    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image.objects.create(title=title, file=image_file(seed, f"{seed}.jpg", label=label))
    return image


def _body(blocks):
    data = []
    for block_type, value in blocks:
        if block_type == "heading":
            value = {"text": value, "level": "h2"}
        elif block_type == "quote":
            value = {"quote": value[0], "attribution": value[1]}
        data.append({"type": block_type, "value": value})
    return data


def ensure_locales():
    for code in ("de", "en", "nl", "fr"):
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code="de")


def ensure_home(locale_de):
    home = HomePage.objects.filter(locale=locale_de, depth=2).first()
    if home:
        return home
    root = Page.get_first_root_node()
    # Wagtail's initial migration leaves a placeholder page at the site root.
    for placeholder in Page.objects.filter(depth=2).exclude(content_type__model="homepage"):
        Site.objects.filter(root_page=placeholder).delete()
        placeholder.delete()
    home = HomePage(
        title=content.HOME["title"],
        slug="home",
        locale=locale_de,
        hero_heading=content.HOME["hero_heading"],
        hero_text=content.HOME["hero_text"],
        hero_link_label=content.HOME["hero_link_label"],
        intro=content.HOME["intro"],
        hero_image=_image("Depot – Hero", "hero-depot"),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def ensure_site(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True,
            site_name="Made in Aachen-Nord",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return site


def ensure_content_pages(home):
    pages = {"home": home}
    for spec in content.PAGES:
        page = ContentPage.objects.filter(locale=home.locale, slug=spec["slug"]).first()
        if page is None:
            page = ContentPage(
                title=spec["title"],
                slug=spec["slug"],
                introduction=spec["introduction"],
                body=_body(spec["body"]),
                show_in_menus=spec["in_menu"],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
        pages[spec["key"]] = page
    return pages


def ensure_settings(site, pages):
    settings, _ = SiteSettings.objects.get_or_create(site=site, defaults=content.ORGANISATION)
    changed = False
    for key, field in content.LEGAL_SETTINGS.items():
        if getattr(settings, f"{field}_id") is None:
            setattr(settings, field, pages[key])
            changed = True
    if changed:
        settings.save()
    return settings


@transaction.atomic
def translate(page, language_code, glossary=None):
    """Create (once) the synchronised translation of `page` and fill its strings from a demo glossary.

    Every demo module (pages, campaigns, designers, outlets) translates through this one function.
    """
    locale = Locale.objects.get(language_code=language_code)
    if page.get_translations().filter(locale=locale).exists():
        return
    glossary = content.TRANSLATIONS[language_code] if glossary is None else glossary
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    StringTranslation.objects.bulk_create(
        [
            StringTranslation(
                translation_of=segment.string, locale=locale, context=segment.context,
                data=glossary[segment.string.data],
            )
            for segment in source.stringsegment_set.select_related("string", "context")
            if segment.string.data in glossary
        ],
        ignore_conflicts=True,
    )
    translation.save_target(publish=True)


def load():
    # Not one transaction: wagtail-localize publishes each translation on commit,
    # and a publish deferred past the creation of child pages would reset the tree's child counts.
    locale_de = ensure_locales()
    home = ensure_home(locale_de)
    site = ensure_site(home)
    pages = ensure_content_pages(home)
    ensure_settings(site, pages)
    for language_code, keys in content.TRANSLATED_PAGES.items():
        for key in keys:
            translate(pages[key], language_code)
    return pages
