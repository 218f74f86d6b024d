"""Delivery times (Art. 246a § 1 (1) Nr. 7 EGBGB): how long an order takes, per stock state.

Shop staff keep the numbers of working days per state (shipping.DeliveryTime, in the dashboard); this module
chooses the state of a product, a basket line or an order line and words the time in the active language.
The same estimate is shown on the product page, in the basket, on the final order page, in the confirmation
e-mail and in the AGB table, so they cannot disagree.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from oscar.core.loading import get_model

IN_STOCK = "in_stock"
MADE_TO_ORDER = "made_to_order"
PICKUP = "pickup"
UNAVAILABLE = "unavailable"

# Used only while a state has no row (a database migrated before the table was seeded).
DEFAULT_DAYS = {IN_STOCK: (2, 4), MADE_TO_ORDER: (10, 15), PICKUP: (1, 2)}

STATE_LABELS = {
    IN_STOCK: gettext_lazy("In stock at the workshop"),
    MADE_TO_ORDER: gettext_lazy("Made to order"),
    PICKUP: gettext_lazy("Pick-up at a pick-up point"),
}

# German is the only language the contract is concluded in (Art. 246c Nr. 4 EGBGB): the AGB and the
# statutory texts are German originals, the other languages are translations for convenience.
CONTRACT_LANGUAGE = gettext_lazy("German")


@dataclass(frozen=True)
class DeliveryEstimate:
    state: str
    min_days: int | None = None
    max_days: int | None = None
    pickup: bool = False

    @property
    def is_orderable(self):
        return self.state != UNAVAILABLE

    @property
    def made_to_order(self):
        return self.state == MADE_TO_ORDER

    @property
    def text(self):
        """The sentence shown to the shopper, in the active language."""
        if not self.is_orderable:
            return _("Currently not available")
        single = self.min_days == self.max_days
        values = {"min": self.min_days, "max": self.max_days, "count": self.max_days}
        if self.pickup:
            if single:
                sentence = ngettext(
                    "Ready for pick-up in %(count)s working day", "Ready for pick-up in %(count)s working days",
                    self.max_days,
                )
            else:
                sentence = _("Ready for pick-up in %(min)s–%(max)s working days")
        elif single:
            sentence = ngettext(
                "Delivery time: %(count)s working day", "Delivery time: %(count)s working days", self.max_days
            )
        else:
            sentence = _("Delivery time: %(min)s–%(max)s working days")
        sentence = sentence % values
        if self.made_to_order:
            return _("%(time)s (made to order)") % {"time": sentence}
        return sentence

    def __str__(self):
        return self.text


def delivery_table():
    """{state: (min_days, max_days)}, from the shared cache (the model clears it on every change)."""
    from shop.shipping.models import DELIVERY_TIMES_CACHE_KEY

    table = cache.get(DELIVERY_TIMES_CACHE_KEY)
    if table is None:
        DeliveryTime = get_model("shipping", "DeliveryTime")
        table = {**DEFAULT_DAYS}
        table.update({state: (low, high) for state, low, high in DeliveryTime.objects.values_list(
            "state", "min_days", "max_days"
        )})
        cache.set(DELIVERY_TIMES_CACHE_KEY, table, 60 * 60)
    return table


def is_made_to_order(product):
    if product is None:
        return False
    if product.made_to_order:
        return True
    # A variant is made like its parent; the parent is loaded with the line (select_related) where it counts.
    return bool(product.parent_id and product.parent.made_to_order)


def is_pickup(shipping_method):
    if shipping_method is None:
        return False
    if isinstance(shipping_method, str):
        # A pick-up method's code is "pickup-<partner>"; "pickup" alone asks for the pick-up time in general.
        return shipping_method == PICKUP or shipping_method.startswith("pickup-")
    return bool(getattr(shipping_method, "is_pickup", False))


def delivery_time_for(product, availability=None, shipping_method=None, table=None):
    """The delivery estimate of one product.

    `availability` is Oscar's availability policy (from the strategy): a product that cannot be bought has no
    delivery time. `shipping_method` (a method or its code) switches to the pick-up wording and time. `table`:
    the delivery table already read for this request (a product list asks once, not once per card).
    """
    if availability is not None and not availability.is_available_to_buy:
        return DeliveryEstimate(UNAVAILABLE)
    pickup = is_pickup(shipping_method)
    if is_made_to_order(product):
        state = MADE_TO_ORDER
    else:
        state = PICKUP if pickup else IN_STOCK
    low, high = (table or delivery_table())[state]
    return DeliveryEstimate(state, low, high, pickup=pickup)


def longest(estimates):
    """The estimate of a whole basket or order: it ships together, so its longest line decides."""
    orderable = [estimate for estimate in estimates if estimate.is_orderable]
    if not orderable:
        return DeliveryEstimate(UNAVAILABLE)
    return max(orderable, key=lambda estimate: (estimate.max_days, estimate.min_days))


def basket_line_delivery_time(line, shipping_method=None):
    return delivery_time_for(line.product, line.purchase_info.availability, shipping_method)


def basket_delivery_time(basket, shipping_method=None):
    return longest(basket_line_delivery_time(line, shipping_method) for line in basket.all_lines())


def order_line_delivery_time(line, order=None):
    """An order line's time: its goods are allocated, so only how it is made and how it travels count."""
    order = order or line.order
    return delivery_time_for(line.product, shipping_method=order.shipping_code)


def order_delivery_time(order, lines=None):
    lines = order.lines.all() if lines is None else lines
    return longest(order_line_delivery_time(line, order) for line in lines)


def delivery_times_table():
    """Rows (state label, estimate) for the AGB: the delivery and pick-up times of every state."""
    table = delivery_table()
    return [
        (STATE_LABELS[IN_STOCK], DeliveryEstimate(IN_STOCK, *table[IN_STOCK])),
        (STATE_LABELS[PICKUP], DeliveryEstimate(PICKUP, *table[PICKUP], pickup=True)),
        (STATE_LABELS[MADE_TO_ORDER], DeliveryEstimate(MADE_TO_ORDER, *table[MADE_TO_ORDER])),
    ]
