from django import template

from shop import vat

register = template.Library()


@register.filter
def tax_percent(code):
    """A line's tax code as the percentage printed next to it: "19" → 19, "FR-5.5" → 5.5 (the country is in the note)."""
    return vat.percent(vat.rate_from_code(code))
