from django import template

from shop import vat

register = template.Library()


@register.filter
def tax_percent(code):
    """A line's tax code as the printed percentage: "19" → 19, "FR-5.5" → 5.5 (the invoice's note names the country)."""
    return vat.percent(vat.rate_from_code(code))
