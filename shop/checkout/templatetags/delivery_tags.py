"""Delivery times and essential characteristics for the product page, basket, final order page and e-mail."""

from django import template

from shop import delivery
from shop.characteristics import characteristics, prefetch_characteristics

register = template.Library()


def _request_table(context):
    """The delivery table, read once per request: a product list shows a time on every card."""
    request = context.get("request")
    if request is None:
        return delivery.delivery_table()
    if not hasattr(request, "_delivery_table"):
        request._delivery_table = delivery.delivery_table()
    return request._delivery_table


@register.simple_tag(takes_context=True)
def delivery_time(context, product, availability=None, shipping_method=None):
    return delivery.delivery_time_for(product, availability, shipping_method, table=_request_table(context))


@register.simple_tag(takes_context=True)
def pickup_time(context, product, availability=None):
    return delivery.delivery_time_for(product, availability, delivery.PICKUP, table=_request_table(context))


@register.simple_tag
def basket_line_delivery_time(line, shipping_method=None):
    return delivery.basket_line_delivery_time(line, shipping_method)


@register.simple_tag
def basket_delivery_time(basket, shipping_method=None):
    return delivery.basket_delivery_time(basket, shipping_method)


@register.simple_tag
def delivery_times_table():
    return delivery.delivery_times_table()


@register.simple_tag
def contract_language():
    return delivery.CONTRACT_LANGUAGE


@register.simple_tag(takes_context=True)
def line_characteristics(context, line):
    """A basket line's characteristics; the first call loads them for all the basket's lines at once."""
    basket = context.get("basket")
    if basket is not None and not hasattr(line.product, "_prefetched_attribute_values"):
        prefetch_characteristics([item.product for item in basket.all_lines()])
    prefetch_characteristics([line.product])
    return characteristics(line.product)


@register.simple_tag
def order_line_details(order):
    """[(line, characteristics, delivery estimate)] of an order, and nothing loaded per line."""
    lines = list(order.lines.select_related("product", "product__parent"))
    prefetch_characteristics([line.product for line in lines])
    return [
        (line, characteristics(line.product), delivery.order_line_delivery_time(line, order)) for line in lines
    ]


@register.simple_tag
def order_delivery_time(order):
    return delivery.order_delivery_time(order, order.lines.select_related("product", "product__parent"))
