"""A product's essential characteristics (Art. 246a § 1 (1) Nr. 1 EGBGB) for the final order page and the e-mail.

Size and colour come from the variant's attributes (a variant inherits its parent's), material and a short
description from the product texts in the shopper's language (products.catalogue: German where no
translation is given).
"""

from dataclasses import dataclass

from django.db.models import F, Prefetch, prefetch_related_objects
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from core.sanitize import html_to_text

SHORT_DESCRIPTION_WORDS = 30
SOURCE_LANGUAGE = "de"


@dataclass(frozen=True)
class Characteristic:
    label: str
    value: str


def prefetch_characteristics(products):
    """Load what characteristics() reads for many products in a fixed number of queries (not one per line)."""
    products = [
        product for product in products
        if product is not None and not hasattr(product, "_prefetched_attribute_values")
    ]
    if not products:
        return
    ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
    values = ProductAttributeValue.objects.select_related("attribute", "value_option").prefetch_related(
        "value_multi_option"
    ).annotate(
        code=F("attribute__code")
    )
    # Oscar's get_attribute_values() reads these two attributes instead of querying (its own prefetch's names).
    prefetch_related_objects(
        products,
        Prefetch("attribute_values", queryset=values, to_attr="_prefetched_attribute_values"),
        Prefetch("parent__attribute_values", queryset=values, to_attr="_prefetched_parent_attribute_values"),
    )
    if (get_language() or SOURCE_LANGUAGE).split("-")[0] != SOURCE_LANGUAGE:
        parents = {product.parent for product in products if product.parent_id}
        targets = [item for item in [*products, *parents]
                   if "translations" not in getattr(item, "_prefetched_objects_cache", {})]
        prefetch_related_objects(targets, "translations")


def _one_line(text):
    return ", ".join(part.strip() for part in text.splitlines() if part.strip())


def characteristics(product):
    """[Characteristic]: the variant's attributes (size, colour, …), material, short description."""
    if product is None:
        return []
    rows = []
    for value in product.get_attribute_values():
        text = value.value_as_text
        if text:
            rows.append(Characteristic(value.attribute.name, str(text)))
    material = _one_line(product.translated("material") or "")
    if material:
        rows.append(Characteristic(_("Material"), material))
    description = html_to_text(product.translated("description") or "").strip()
    if description:
        rows.append(Characteristic(_("Description"), Truncator(" ".join(description.split())).words(
            SHORT_DESCRIPTION_WORDS, truncate=" …"
        )))
    return rows
