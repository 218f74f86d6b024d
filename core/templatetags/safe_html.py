from django import template

from core.sanitize import html_to_text, render_html

register = template.Library()


@register.filter(is_safe=True)
def sanitized_html(value):
    """Staff rich text for output: ``{{ category.description|sanitized_html }}``; never use ``|safe`` for it."""
    return render_html(value)


@register.filter
def html_text(value):
    """Staff rich text as plain text (meta descriptions): tags dropped, entities decoded; the template escapes it."""
    return html_to_text(value)
