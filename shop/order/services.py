"""Rules of the order status pipeline beyond Oscar's OSCAR_ORDER_STATUS_PIPELINE."""

from django.utils.translation import gettext as _
from oscar.apps.order.exceptions import InvalidOrderStatus

from shop import vat
from shop.checkout.payment_methods import method_of_order, payment_reference

from . import statuses


def is_pickup(order):
    return (order.shipping_code or "").startswith("pickup-")


def pickup_point(order):
    """The partner of a pick-up order ("pickup-<partner pk>"), with its primary address; None otherwise."""
    if not is_pickup(order):
        return None
    from oscar.core.loading import get_model

    partner_pk = order.shipping_code.removeprefix("pickup-")
    if not partner_pk.isdigit():
        return None
    Partner = get_model("partner", "Partner")
    return Partner.objects.prefetch_related("addresses").filter(pk=int(partner_pk)).first()


def pickup_address_lines(partner):
    """The pick-up point's street address as lines (its primary address, without the partner's name twice)."""
    try:
        address = partner.primary_address if partner else None
    except NotImplementedError:  # Oscar's answer for several addresses: the first one is the shop's
        address = partner.addresses.order_by("pk").first()
    if address is None:
        return []
    return [line for line in address.active_address_fields() if line and line != partner.name]


def check_transition(order, new_status):
    """Raise InvalidOrderStatus when `new_status` may not follow the order's current status."""
    if new_status not in order.available_statuses():
        raise InvalidOrderStatus(
            _("An order cannot go from “%(old)s” to “%(new)s”.")
            % {"old": statuses.label(order.status), "new": statuses.label(new_status)}
        )
    method = method_of_order(order)
    paid_at_pickup = method is not None and method.code == "pay-on-pickup"
    if order.status == statuses.PENDING_PAYMENT and new_status == statuses.IN_FULFILMENT and not paid_at_pickup:
        raise InvalidOrderStatus(_("A prepaid order is fulfilled only once it is paid."))
    if new_status == statuses.WITHDRAWAL_DECLARED and not _has_withdrawal(order):
        raise InvalidOrderStatus(_("Only the customer declares a withdrawal (with the withdrawal button)."))
    if new_status == statuses.SHIPPED and is_pickup(order):
        raise InvalidOrderStatus(_("A pick-up order is not shipped; mark it ready for pick-up."))
    if new_status == statuses.READY_FOR_PICKUP and not is_pickup(order):
        raise InvalidOrderStatus(_("Only pick-up orders can be ready for pick-up."))


def _has_withdrawal(order):
    from oscar.core.loading import get_model

    return get_model("order", "Withdrawal").objects.filter(order_id=order.pk).exists()


def order_context(order, request=None):
    """What confirmation page, email and invoice show besides Oscar's order: VAT per rate, payment."""
    from home.models import PaymentSettings, SiteSettings

    site_settings = (SiteSettings.for_request(request) if request else None) or SiteSettings.objects.first()
    bank = PaymentSettings.for_site(site_settings.site) if site_settings else None
    method = method_of_order(order)
    return {
        "vat_rates": vat.order_breakdown(order),
        "payment_method": method,
        "payment_reference": payment_reference(order.number),
        "seller": site_settings,
        "bank": bank,
        "seller_address": ", ".join(
            part for part in (site_settings.organisation_name, site_settings.street,
                              f"{site_settings.postcode} {site_settings.city}".strip(), site_settings.email) if part
        ) if site_settings else "",
        "status_label": statuses.label(order.status),
        "is_pickup": is_pickup(order),
        "pickup_point": order.pickup_point,
    }
