"""The generated legal texts (home.legal_documents) as plain text for e-mails."""

from django import template
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from home import legal_documents

register = template.Library()


def withdrawal_text(seller):
    parts = [_("Widerrufsbelehrung")]
    for section in legal_documents.withdrawal_policy(seller):
        parts.append("\n\n".join([section.heading, *section.paragraphs]))
    form = legal_documents.withdrawal_form(seller)
    parts.append("\n".join([
        form.title, form.intro, f"– {form.addressee}", *(f"– {line}: ______________" for line in form.lines),
        form.footnote,
    ]))
    parts.append(_("The model withdrawal form is also attached to this email as a PDF."))
    return "\n\n".join(parts)


@register.simple_tag
def legal_text(name, seller=None, output="text"):
    """`output` "text" for text/plain mails (not escaped: no HTML there), "html" for an HTML mail's paragraphs."""
    if name != "withdrawal":
        raise template.TemplateSyntaxError(f"Unknown legal text: {name}")
    text = withdrawal_text(seller or legal_documents.seller_settings())
    if output == "html":
        return mark_safe(linebreaks(escape(text)))  # noqa: S308  (escaped just before)
    return mark_safe(text)  # noqa: S308  (plain-text mail: nothing is interpreted as HTML)


@register.simple_tag
def shipping_and_payment_info():
    """Delivery countries, pick-up points and payment methods, as the checkout's methods define them."""
    return legal_documents.shipping_and_payment()


@register.simple_tag
def contract_information():
    return legal_documents.contract_information()
