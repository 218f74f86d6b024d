"""The one HTML sanitiser for rich text that staff type (Oscar's dashboard editor, flat pages).

Staff rich text is cleaned when it is saved *and* when it is rendered, both through ``sanitize_html``: saving keeps
stored rows harmless for every reader (dashboard, exports, e-mails); rendering through the same function covers
rows written around ``save()`` (``QuerySet.update``, raw SQL, old data). The allow-list is what the dashboard's
TinyMCE produces for descriptions: paragraphs, line breaks, bold/italic, links, lists, sub-headings, quotes.
Nothing executable survives: no script/style, no event handler attributes, no ``javascript:``/``data:`` URLs.
"""

import html

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "b", "em", "i", "u", "a", "ul", "ol", "li", "h2", "h3", "h4", "blockquote"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_cleaner = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(ALLOWED_URL_SCHEMES),
    # Remove these with their content: a script's source is not text a shopper should read.
    clean_content_tags={"script", "style"},
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)


def sanitize_html(value):
    """Staff HTML reduced to the allow-list above; '' for None. Idempotent: cleaning clean HTML changes nothing."""
    if not value:
        return ""
    return _cleaner.clean(str(value))


def render_html(value):
    """Sanitised HTML, safe to output. Plain text (no tags at all) keeps its line breaks as <br>."""
    cleaned = sanitize_html(value)
    if "<" not in cleaned:
        # Text typed without the editor (demo data, a plain textarea): nh3 has escaped it, so only the
        # newlines need to become visible.
        cleaned = cleaned.strip().replace("\r\n", "\n").replace("\n", "<br>")
    return mark_safe(cleaned)  # noqa: S308  (sanitised just above)


def html_to_text(value):
    """The text of staff rich text, without tags or entities (not safe: let the template escape it)."""
    return html.unescape(strip_tags(sanitize_html(value))).strip()


def sanitize_fields(instance, *field_names):
    """Clean the named text fields of a model instance in place (for save() and pre_save receivers)."""
    for name in field_names:
        value = getattr(instance, name, None)
        if value:
            setattr(instance, name, sanitize_html(value))


# Staff rich text in models of apps the project does not fork (a fork of Oscar's offer app or of
# django.contrib.flatpages only for this would copy their models and migrations): cleaned by a pre_save receiver,
# which every write path through save() passes: the dashboard's offer wizard (it saves from the session), the
# range and page forms, the Django admin, fixtures.
UNFORKED_STAFF_HTML_FIELDS = {
    "offer.ConditionalOffer": ("description",),
    "offer.Range": ("description",),
    "flatpages.FlatPage": ("content",),
}


def _sanitize_on_save(sender, instance, **kwargs):
    sanitize_fields(instance, *UNFORKED_STAFF_HTML_FIELDS[sender._meta.label])


def connect_receivers():
    from django.db.models.signals import pre_save

    for label in UNFORKED_STAFF_HTML_FIELDS:
        # A lazy "app_label.Model" sender: core imports no model module at start-up.
        pre_save.connect(_sanitize_on_save, sender=label, dispatch_uid=f"core.sanitize:{label}")
