from django import template

from shop import vat
from shop.checkout.payment_methods import method_of_order
from shop.order import statuses
from shop.shipping.repository import delivery_methods, pickup_methods

register = template.Library()


@register.simple_tag
def basket_vat(basket, shipping_charge=None):
    """VAT per rate for the basket and (if known) the shipping charge."""
    return vat.basket_breakdown(basket, shipping_charge.incl_tax if shipping_charge else 0)


@register.simple_tag
def order_vat(order):
    return vat.order_breakdown(order)


@register.simple_tag
def shipping_options(basket):
    """Every way of getting the basket, with its price, for the basket page."""
    return [(method, method.calculate(basket)) for method in delivery_methods() + pickup_methods()]


@register.simple_tag
def order_payment_method(order):
    return method_of_order(order)


@register.filter
def status_label(status):
    return statuses.label(status)
