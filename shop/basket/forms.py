"""Oscar's add-to-basket form with the variant chosen from a radio group (size or colour buttons), not a select.

Nothing is pre-selected: a shopper who submits without a choice gets "Please choose a size" (or colour) back,
with or without JavaScript. Sold-out variants stay visible but disabled.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.basket import forms as oscar_forms
from oscar.apps.basket.forms import *  # noqa: F403  (Oscar fork: the rest stay Oscar's)

# Variant attributes by code: the radio group's legend and the error when none is chosen.
VARIANT_ATTRIBUTES = {
    "size": (_("Size"), _("Please choose a size.")),
    "colour": (_("Colour"), _("Please choose a colour.")),
}
OTHER_VARIANT = (_("Variant"), _("Please choose a variant."))


class VariantRadioSelect(forms.RadioSelect):
    """Radios whose sold-out options are disabled (the template marks them "sold out")."""

    def __init__(self, *args, disabled_values=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.disabled_values = {str(value) for value in disabled_values}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if str(value) in self.disabled_values:
            option["attrs"]["disabled"] = True
        return option


def variant_attribute(children):
    """The attribute that tells the variants apart (its code and name), and each child's value of it as text."""
    values = {child.pk: {v.attribute.code: v for v in child.get_attribute_values()} for child in children}
    codes = [code for code in dict.fromkeys(c for by_code in values.values() for c in by_code)]
    distinct = [code for code in codes if len({str(v[code].value_as_text) for v in values.values() if code in v}) > 1]
    code = (distinct or codes or [None])[0]
    if code is None:
        return None, None, {}
    sample = next(v[code] for v in values.values() if code in v)
    return code, sample.attribute.name, {
        pk: str(by_code[code].value_as_text) for pk, by_code in values.items() if code in by_code
    }


def _without_prefix(title, prefix):
    if prefix and title.startswith(prefix) and title != prefix:
        return title[len(prefix):].strip(" –-—,:") or None
    return None


def variant_label(child, parent, code, value):
    """The button's text: the size as stored ("M"); otherwise the variant's title in the visitor's language
    without the parent's ("Kissenhülle – black" → "black"), else the attribute value, else the German title
    without the parent's. Never the full title, which the buttons would cut off."""
    if code == "size" and value:
        return value
    return (
        _without_prefix(child.get_title(), parent.get_title())
        or value
        or _without_prefix(child.title, parent.title)
        or child.get_title()
    )


class AddToBasketForm(oscar_forms.AddToBasketForm):
    def _create_parent_product_fields(self, product):
        children = list(product.get_public_children())
        code, name, labels = variant_attribute(children)
        legend, required = VARIANT_ATTRIBUTES.get(code, (name, None)) if code else OTHER_VARIANT
        self.variant_legend = legend or OTHER_VARIANT[0]
        choices, disabled = [], []
        for child in children:
            if not self.basket.strategy.fetch_for_product(child).availability.is_available_to_buy:
                disabled.append(child.pk)
            choices.append((child.pk, variant_label(child, product, code, labels.get(child.pk))))
        self.fields["child_id"] = forms.ChoiceField(
            choices=choices,
            label=self.variant_legend,
            widget=VariantRadioSelect(disabled_values=disabled),
            error_messages={"required": required or OTHER_VARIANT[1]},
        )
        self.variant_hint = required or OTHER_VARIANT[1]

    def clean(self):
        if self.parent_product.is_parent and "child_id" not in self.cleaned_data:
            # No variant chosen (or an unknown one): its field error says so; the parent itself has no price.
            return self.cleaned_data
        return super().clean()


class SimpleAddToBasketForm(oscar_forms.SimpleAddToBasketMixin, AddToBasketForm):
    pass
