"""StreamField blocks whose text is generated from the shop's rules and the site settings (home.legal_documents).

Editors place them; they cannot edit what they state, so the page always says what the checkout does.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import legal_documents


def _seller(parent_context):
    from .models import SiteSettings

    request = (parent_context or {}).get("request")
    seller = SiteSettings.for_request(request) if request is not None else None
    return seller or legal_documents.seller_settings()


class GeneratedBlock(blocks.StaticBlock):
    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context.update(self.data(_seller(parent_context)))
        return context

    def data(self, seller):
        return {}


class ShippingAndPaymentBlock(GeneratedBlock):
    class Meta:
        icon = "list-ul"
        label = _("Shipping and payment (from the shop's methods)")
        admin_text = _("Shows prices, free-shipping threshold, delivery countries, pick-up points and payment methods.")
        template = "home/legal/shipping_and_payment.html"

    def data(self, seller):
        return {"info": legal_documents.shipping_and_payment()}


class WithdrawalPolicyBlock(GeneratedBlock):
    class Meta:
        icon = "doc-full"
        label = _("Withdrawal policy (Anlage 1 EGBGB)")
        admin_text = _("The statutory Widerrufsbelehrung, filled in from the site settings.")
        template = "home/legal/withdrawal_policy.html"

    def data(self, seller):
        return {"sections": legal_documents.withdrawal_policy(seller)}


class WithdrawalFormBlock(GeneratedBlock):
    class Meta:
        icon = "form"
        label = _("Model withdrawal form (Anlage 2 EGBGB)")
        admin_text = _("The statutory Muster-Widerrufsformular with the seller's address, and a link to its PDF.")
        template = "home/legal/withdrawal_form.html"

    def data(self, seller):
        return {"form": legal_documents.withdrawal_form(seller)}


class ContractInformationBlock(GeneratedBlock):
    class Meta:
        icon = "info-circle"
        label = _("How the contract comes about (Art. 246c EGBGB)")
        admin_text = _("Technical steps, correcting input, storage of the contract text, contract language.")
        template = "home/legal/contract_information.html"

    def data(self, seller):
        return {"sections": legal_documents.contract_information()}


class AccessibilityFeedbackBlock(GeneratedBlock):
    class Meta:
        icon = "mail"
        label = _("Accessibility feedback contact (from site settings)")
        admin_text = _("Shows the e-mail address and phone from the site settings.")
        template = "home/legal/accessibility_feedback.html"

    def data(self, seller):
        return {"seller": seller}


class CookieListBlock(GeneratedBlock):
    class Meta:
        icon = "lock"
        label = _("Cookie list (from the settings)")
        admin_text = _("Lists every cookie the site sets, with purpose and lifetime, as the settings name them.")
        template = "home/legal/cookie_list.html"

    def data(self, seller):
        return {"cookies": legal_documents.cookies()}
