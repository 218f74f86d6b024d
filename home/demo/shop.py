"""Demo catalogue: about twenty label products (some with size or colour variants), with generated images,
German texts and English (some Dutch/French) translations, stocked by the social workshop.

Rows are bulk-created so that load_demo stays fast; products that exist already (by UPC) are left alone.
"""

from decimal import Decimal

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import slugify
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from shop.partner import services

from . import content
from .images import render_pattern

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
ProductTranslation = get_model("catalogue", "ProductTranslation")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")

# The attribute that tells a parent's variants apart: shown as the legend of the size/colour buttons.
VARIANT_ATTRIBUTES = {"sizes": ("size", "Größe"), "colours": ("colour", "Farbe")}


def _texts(spec, language):
    """A product's material, care and safety texts in `language` (de, en, nl or fr)."""
    texts = {}
    for key, field in (("material", "material"), ("care", "care"), ("safety", "safety_information")):
        german, english = spec.get(key, ("", ""))
        if language in ("de", "en"):
            texts[field] = german if language == "de" else english
        else:
            texts[field] = content.NL_FR.get(german, ("", ""))[0 if language == "nl" else 1] if german else ""
    return texts


def _variants(spec):
    """(suffix, German label, English label) for each child of a parent product."""
    if spec.get("variants") == "sizes":
        return [(size, f"Größe {size}", f"size {size}") for size in content.SIZES]
    if spec.get("variants") == "colours":
        return [(slugify(de)[:3].upper(), de, en) for de, en in list(content.COLOURS.items())[:2]]
    return []


def _image_name(upc):
    name = f"images/products/demo/{upc.lower()}.jpg"
    if not default_storage.exists(name):
        from django.core.files.base import ContentFile

        name = default_storage.save(name, ContentFile(render_pattern(upc, (800, 800), upc)))
    return name


@transaction.atomic
def load():
    partner, _ = Partner.objects.get_or_create(name=content.PARTNER_NAME)
    classes = {}
    for slug, name in content.PRODUCT_CLASSES:
        classes[slug], _ = ProductClass.objects.get_or_create(
            slug=slug, defaults={"name": name, "requires_shipping": True, "track_stock": True}
        )
    categories = {name: create_from_breadcrumbs(name) for name in content.CATEGORIES}
    existing = set(Product.objects.filter(upc__in=[p["upc"] for p in content.PRODUCTS]).values_list("upc", flat=True))
    _correct_tax_classes(existing)
    _update_texts(existing)
    specs = [spec for spec in content.PRODUCTS if spec["upc"] not in existing]
    if not specs:
        return Product.objects.browsable().count()

    parents = Product.objects.bulk_create(
        [
            Product(
                upc=spec["upc"],
                title=spec["title"][0],
                slug=slugify(spec["title"][0]),
                description=spec["description"][0],
                **_texts(spec, "de"),
                product_class=classes[spec["class"]],
                structure=Product.PARENT if _variants(spec) else Product.STANDALONE,
                tax_class=spec.get("tax", Product.TaxClass.STANDARD),
                maker=partner,
                is_label_product=True,
            )
            for spec in specs
        ]
    )
    children, translations, stock, links, images = [], [], [], [], []
    for spec, product in zip(specs, parents, strict=True):
        links.append(ProductCategory(product=product, category=categories[spec["category"]]))
        images.append(ProductImage(product=product, original=_image_name(spec["upc"]), display_order=0))
        translations.append(
            ProductTranslation(
                product=product, language="en", title=spec["title"][1], description=spec["description"][1],
                **_texts(spec, "en"),
            )
        )
        for language in ("nl", "fr"):
            translations.append(
                ProductTranslation(product=product, language=language, title=spec.get(language, ""),
                                   **_texts(spec, language))
            )
        variants = _variants(spec)
        if not variants:
            stock.append(_stockrecord(product, partner, spec, spec["upc"], spec["stock"]))
        for suffix, label_de, label_en in variants:
            child = Product(
                upc=f"{spec['upc']}-{suffix}",
                title=f"{spec['title'][0]} – {label_de}",
                slug=slugify(f"{spec['title'][0]} {label_de}"),
                parent=product,
                structure=Product.CHILD,
                tax_class=product.tax_class,
                maker=partner,
            )
            child.label_en = f"{spec['title'][1]} – {label_en}"
            child.variant_value = suffix if spec["variants"] == "sizes" else label_de
            children.append(child)
    Product.objects.bulk_create(children)
    _variant_values(children, classes, by_spec={spec["upc"]: spec for spec in specs})
    by_upc = {spec["upc"]: spec for spec in specs}
    for child in children:
        spec = by_upc[child.parent.upc]
        stock.append(_stockrecord(child, partner, spec, child.upc, max(1, spec["stock"] // 2)))
        translations.append(ProductTranslation(product=child, language="en", title=child.label_en))
    ProductCategory.objects.bulk_create(links)
    ProductImage.objects.bulk_create(images)
    opening = [record.num_in_stock for record in stock]
    for record in stock:
        record.num_in_stock = 0
    StockRecord.objects.bulk_create(stock)
    # The opening balances go through the stock service, the only writer of stock and ledger.
    services.apply_changes(
        services.Change(record, units, StockMovement.Kind.OPENING) for record, units in zip(stock, opening, strict=True)
    )
    ProductTranslation.objects.bulk_create(translations)
    return Product.objects.browsable().count()


def _variant_attribute(product_class, kind):
    code, name = VARIANT_ATTRIBUTES[kind]
    attribute, _ = ProductAttribute.objects.get_or_create(
        product_class=product_class, code=code, defaults={"name": name, "type": ProductAttribute.TEXT}
    )
    return attribute


def _variant_values(children, classes, by_spec):
    """Each variant's size or colour as a product attribute (the product page labels its buttons with it)."""
    values = []
    for child in children:
        spec = by_spec[child.parent.upc]
        attribute = _variant_attribute(classes[spec["class"]], spec["variants"])
        values.append(ProductAttributeValue(product=child, attribute=attribute, value_text=child.variant_value))
    ProductAttributeValue.objects.bulk_create(values)


def _update_texts(existing):
    """A demo loaded before the texts were corrected gets the current ones in place: fibre names per the EU
    Textile Regulation, and material, care and safety texts in en, nl and fr; variants get their size or colour."""
    products = {p.upc: p for p in Product.objects.filter(upc__in=existing, parent__isnull=True)}
    for spec in content.PRODUCTS:
        product = products.get(spec["upc"])
        if product is None:
            continue
        Product.objects.filter(pk=product.pk).update(**_texts(spec, "de"))
        for language in ("en", "nl", "fr"):
            ProductTranslation.objects.update_or_create(
                product=product, language=language, defaults=_texts(spec, language)
            )
        if spec.get("variants"):
            attribute = _variant_attribute(product.product_class, spec["variants"])
            labels = {suffix: (suffix if spec["variants"] == "sizes" else de) for suffix, de, _en in _variants(spec)}
            for child in product.children.exclude(attribute_values__attribute=attribute):
                value = labels.get(child.upc.rsplit("-", 1)[-1])
                if value:
                    ProductAttributeValue.objects.create(product=child, attribute=attribute, value_text=value)


def _correct_tax_classes(existing):
    """A demo loaded before the VAT classes were corrected (prints, postcards, posters, calendars at 7 %) is fixed
    in place: its products and their variants get the class the content now gives. Past orders keep the rate they
    were sold at (their lines' tax codes)."""
    for spec in content.PRODUCTS:
        if spec["upc"] in existing:
            tax_class = spec.get("tax", Product.TaxClass.STANDARD)
            Product.objects.filter(upc=spec["upc"]).exclude(tax_class=tax_class).update(tax_class=tax_class)
            Product.objects.filter(parent__upc=spec["upc"]).exclude(tax_class=tax_class).update(tax_class=tax_class)


def _stockrecord(product, partner, spec, sku, num_in_stock):
    return StockRecord(
        product=product, partner=partner, partner_sku=sku, price=Decimal(spec["price"]), price_currency="EUR",
        num_in_stock=num_in_stock,
    )
