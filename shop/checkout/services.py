"""Last-step checks before an order is written: what changed since the shopper put things in the basket."""

from django.utils.translation import gettext as _
from oscar.templatetags.currency_filters import currency


def availability_problems(basket, strategy):
    """Lines that can no longer be bought in the wanted quantity (off sale, sold out, too many)."""
    problems = []
    for line in basket.all_lines():
        if not line.product.is_public:
            problems.append(_("“%(title)s” is no longer on sale.") % {"title": line.product.get_title()})
            continue
        info = strategy.fetch_for_line(line)
        permitted, reason = info.availability.is_purchase_permitted(line.quantity)
        if not permitted:
            problems.append(
                _("“%(title)s” cannot be ordered: %(reason)s") % {"title": line.product.get_title(), "reason": reason}
            )
    return problems


def price_changes(basket):
    """Lines whose price changed since they were added: a message each, and the line takes the new price.

    The shopper sees the message on the summary page and confirms again; the order is never placed at a
    price they were not shown.
    """
    changes = []
    for line in basket.all_lines():
        old, new = line.price_excl_tax, line.unit_price_excl_tax
        if old is None or new is None or old == new:
            continue
        old_gross, new_gross = line.price_incl_tax, line.unit_price_incl_tax
        changes.append(
            _("The price of “%(title)s” has changed from %(old)s to %(new)s.")
            % {"title": line.product.get_title(), "old": currency(old_gross, line.price_currency),
               "new": currency(new_gross, line.price_currency)}
        )
        line.price_excl_tax, line.price_incl_tax = new, new_gross
        line.save(update_fields=["price_excl_tax", "price_incl_tax"])
    return changes
