from django import template
from wagtail.models import Page

from home import furniture, services

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Language links for the current page, computed once per request (header switcher and hreflang share them)."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    cache_key = ("language_links", page.pk if page else None)
    cached = getattr(request, "_language_links_cache", None)
    if cached and cached[0] == cache_key:
        return cached[1]
    links = furniture.page_language_links(request, page) if page else services.language_links(request, page)
    request._language_links_cache = (cache_key, links)
    return links


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    current = context.get("page")
    return {
        "request": request,
        "links": furniture.menu_links(request) if request else [],
        "current_page_id": getattr(current, "pk", None),
    }


@register.inclusion_tag("includes/legal_links.html", takes_context=True)
def legal_links(context):
    request = context.get("request")
    return {"links": furniture.legal_links(request) if request else []}


@register.inclusion_tag("includes/price_note.html", takes_context=True)
def price_note(context):
    """'incl. VAT, plus shipping' with the link to the shipping page, as German price law wants next to a price."""
    request = context.get("request")
    return {"shipping_url": furniture.shipping_url(request) if request else None}
