from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractCategory, AbstractProduct, AbstractProductAttributeValue

from core.sanitize import render_html, sanitize_fields

from .textiles import composition_errors, is_textile

# Product fields hold the German text; ProductTranslation holds the other languages.
SOURCE_LANGUAGE = "de"
TRANSLATED_FIELDS = ("title", "description", "material", "care", "safety_information")


class Product(AbstractProduct):
    class TaxClass(models.TextChoices):
        # The rate itself lives in the shop's tax strategy; a product only says which class it belongs to.
        STANDARD = "standard", _("Standard VAT rate")
        REDUCED = "reduced", _("Reduced VAT rate")

    tax_class = models.CharField(
        _("VAT class"),
        max_length=16,
        choices=TaxClass.choices,
        default=TaxClass.STANDARD,
        help_text=_(
            "Standard rate (19 %) for almost all goods, including postcards, posters, art prints and calendars. "
            "Reduced rate (7 %) only for printed matter listed in Anlage 2 Nr. 49 UStG: books, brochures, "
            "newspapers and periodicals, children's picture books, printed music and maps "
            "(customs headings 4901–4905 and 4907)."
        ),
    )
    is_label_product = models.BooleanField(
        _("“Made in Aachen-Nord” label"),
        default=True,
        help_text=_("Designed in the region and made in Aachen-Nord: shows the label badge."),
    )
    maker = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("maker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="made_products",
        limit_choices_to={"kind": "workshop"},
        help_text=_("The workshop that makes the product. Empty means the social workshop."),
    )
    made_to_order = models.BooleanField(
        _("made to order"),
        default=False,
        help_text=_("Made only when ordered: shows the made-to-order delivery time instead of the in-stock one."),
    )
    material = models.TextField(_("material"), blank=True)
    care = models.TextField(_("care instructions"), blank=True)
    safety_information = models.TextField(
        _("safety information"), blank=True, help_text=_("Warnings and safety notes (GPSR), if any.")
    )

    def save(self, *args, **kwargs):
        # The dashboard's rich-text editor writes HTML: keep only what core.sanitize allows (issue 12).
        sanitize_fields(self, "description")
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if is_textile(self):
            errors = composition_errors(self.material, SOURCE_LANGUAGE)
            if errors:
                raise ValidationError({"material": errors})

    def translated(self, field, language=None):
        """The field in the visitor's language; the German text where no translation is given."""
        language = (language or get_language() or SOURCE_LANGUAGE).split("-")[0]
        if language != SOURCE_LANGUAGE and self.pk is not None:
            if "translations" not in getattr(self, "_prefetched_objects_cache", {}):
                # Loaded once per instance, however many texts are shown; listings prefetch it instead.
                models.prefetch_related_objects([self], "translations")
            for translation in self.translations.all():
                if translation.language == language:
                    value = getattr(translation, field)
                    if value.strip():
                        return value
                    break
        value = getattr(self, field)
        if not value and self.parent_id:
            return self.parent.translated(field, language)
        return value

    def __str__(self):
        # Basket and order descriptions use str(product): show the title in the shopper's language.
        if not self.title and self.attribute_summary:
            return f"{self.get_title()} ({self.attribute_summary})"
        return self.get_title()

    def get_title(self):
        return self.translated("title")

    get_title.short_description = _("Title")

    @property
    def translated_description(self):
        return self.translated("description")

    @property
    def translated_material(self):
        return self.translated("material")

    @property
    def translated_care(self):
        return self.translated("care")

    @property
    def translated_safety_information(self):
        return self.translated("safety_information")


class ProductTranslation(models.Model):
    """A product's texts in one more language; empty fields fall back to the German text."""

    product = models.ForeignKey(
        "catalogue.Product", verbose_name=_("product"), on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=[(code, name) for code, name in settings.LANGUAGES if code != SOURCE_LANGUAGE],
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    material = models.TextField(_("material"), blank=True)
    care = models.TextField(_("care instructions"), blank=True)
    safety_information = models.TextField(_("safety information"), blank=True)

    class Meta:
        verbose_name = _("product translation")
        verbose_name_plural = _("product translations")
        constraints = [
            models.UniqueConstraint(fields=["product", "language"], name="unique_product_translation_language")
        ]
        ordering = ["language"]

    def __str__(self):
        return f"{self.product_id} ({self.language})"

    def save(self, *args, **kwargs):
        sanitize_fields(self, "description")
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        product = getattr(self, "product", None)  # a form for a product not saved yet may have none
        if product is not None and is_textile(product):
            errors = composition_errors(self.material, self.language)
            if errors:
                raise ValidationError({"material": errors})


class Category(AbstractCategory):
    def save(self, *args, **kwargs):
        # Oscar renders both descriptions as HTML; shop staff write them in the dashboard's editor.
        sanitize_fields(self, "description", "long_description")
        super().save(*args, **kwargs)


class ProductAttributeValue(AbstractProductAttributeValue):
    def save(self, *args, **kwargs):
        sanitize_fields(self, "value_richtext")
        super().save(*args, **kwargs)

    @property
    def _richtext_as_html(self):
        # Oscar marks the stored value safe as it is; render it through the sanitiser instead.
        return render_html(self.value_richtext)


from oscar.apps.catalogue.models import *  # noqa: E402, F403  (Oscar fork: the rest stay Oscar's)
