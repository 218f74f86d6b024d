from django import template

from shop.outlets.services import outlets_with_stock

register = template.Library()


@register.inclusion_tag("outlets/availability.html")
def outlet_availability(product):
    """"In stock at …": the open outlets that have the product (one query)."""
    return {"outlets": outlets_with_stock(product) if product and product.pk else []}
