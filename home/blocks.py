from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from campaigns.blocks import ContentBlocks

from .legal_blocks import (
    AccessibilityFeedbackBlock,
    ContractInformationBlock,
    CookieListBlock,
    ShippingAndPaymentBlock,
    WithdrawalFormBlock,
    WithdrawalPolicyBlock,
)


class OrganisationDetailsBlock(blocks.StaticBlock):
    """The provider identification (§ 5 DDG) rendered from the site settings, so it is kept in one place."""

    class Meta:
        icon = "site"
        label = _("Organisation details (from site settings)")
        admin_text = _("Shows name, address, contact, register and VAT ID from the site settings.")
        template = "blocks/organisation_details.html"


class DeliveryTimesBlock(blocks.StaticBlock):
    """The current delivery times (shop/delivery.py), so the AGB never disagree with the shop pages."""

    class Meta:
        icon = "time"
        label = _("Delivery times (from the shop)")
        admin_text = _("Shows the delivery and pick-up times that shop staff keep in the shop dashboard.")
        template = "blocks/delivery_times.html"


class ContentPageBlocks(ContentBlocks):
    organisation_details = OrganisationDetailsBlock()
    shipping_and_payment = ShippingAndPaymentBlock()
    withdrawal_policy = WithdrawalPolicyBlock()
    withdrawal_form = WithdrawalFormBlock()
    contract_information = ContractInformationBlock()
    accessibility_feedback = AccessibilityFeedbackBlock()
    cookie_list = CookieListBlock()
    delivery_times = DeliveryTimesBlock()
