"""Escaping for values put into CSS, which Django's HTML autoescaping does not cover.

Inside ``<style>`` HTML entities mean nothing, while CSS's own escapes do: ``\\22`` closes a string and lets a
value add rules such as ``url(...)``. ``cssstring`` keeps letters, digits, spaces and common punctuation and
writes every other character as a CSS hex escape, so a value can never leave its CSS string.
"""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

SAFE_PUNCTUATION = set(" .,-_·@+/:%#()")


@register.filter
def cssstring(value):
    text = "" if value is None else str(value)
    out = []
    for char in text:
        if char.isalnum() or char in SAFE_PUNCTUATION:
            out.append(char)
        else:
            out.append(f"\\{ord(char):06x}")
    # Only alphanumerics, the punctuation above and backslash escapes remain: nothing HTML or CSS reads as syntax.
    return mark_safe("".join(out))  # noqa: S308
