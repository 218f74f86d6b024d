"""Licences: which designer's design the label may produce, for how long and on which royalty terms."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .forms import LicenceForm
from .validation import overlapping_licences


class Licence(models.Model):
    designer = models.ForeignKey(
        "designers.Designer", verbose_name=_("designer"), on_delete=models.PROTECT, related_name="licences"
    )
    products = models.ManyToManyField(
        "catalogue.Product",
        verbose_name=_("products"),
        related_name="licences",
        help_text=_("Standalone or parent products; their variants are covered with them."),
    )
    contract_number = models.CharField(_("contract number"), max_length=40, unique=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    sell_off_until = models.DateField(
        _("sell-off until"),
        null=True,
        blank=True,
        help_text=_(
            "Last day the label may still sell remaining stock after the licence has ended, if the contract grants "
            "a sell-off period. Empty: the products go off sale the day after the end date."
        ),
    )
    royalty_percentage = models.DecimalField(
        _("royalty (percentage of net revenue excl. VAT)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    royalty_per_unit = models.DecimalField(
        _("royalty per unit sold (EUR)"), max_digits=10, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    advance = models.DecimalField(
        _("advance (EUR, recoupable)"), max_digits=10, decimal_places=2, default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    minimum_guarantee = models.DecimalField(
        _("minimum guarantee per licence year (EUR)"), max_digits=10, decimal_places=2,
        default=Decimal("0.00"), validators=[MinValueValidator(Decimal("0"))],
    )
    contract_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed contract"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Upload it to the private “Licence contracts” collection: only Finance can open it."),
    )
    notes = models.TextField(_("notes"), blank=True)

    base_form_class = LicenceForm
    panels = [
        FieldPanel("designer"),
        FieldPanel("contract_number"),
        FieldPanel("products"),
        MultiFieldPanel(
            [FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("sell_off_until")], heading=_("Term")
        ),
        MultiFieldPanel(
            [FieldPanel("royalty_percentage"), FieldPanel("royalty_per_unit"), FieldPanel("advance"),
             FieldPanel("minimum_guarantee")],
            heading=_("Royalty terms"),
        ),
        FieldPanel("contract_document"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("licence")
        verbose_name_plural = _("licences")
        ordering = ["-start_date", "contract_number"]

    def __str__(self):
        return f"{self.contract_number} ({self.designer})"

    @property
    def is_per_unit(self):
        return self.royalty_per_unit is not None

    def covers(self, day):
        return self.start_date <= day <= self.end_date

    @property
    def sales_until(self):
        """Last day its products may be sold: the end date, or the end of the sell-off period."""
        return self.sell_off_until or self.end_date

    def allows_sale_on(self, day):
        return self.start_date <= day <= self.sales_until

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The licence cannot end before it starts.")
        if self.end_date and self.sell_off_until and self.sell_off_until < self.end_date:
            errors["sell_off_until"] = _("The sell-off period starts when the licence ends: enter a day on or after "
                                         "the end date.")
        has_percentage = self.royalty_percentage is not None
        has_per_unit = self.royalty_per_unit is not None
        if has_percentage and has_per_unit:
            errors["royalty_per_unit"] = _("Choose one kind of royalty: a percentage or an amount per unit, not both.")
        elif not (has_percentage or has_per_unit):
            if self.advance:
                errors["advance"] = _("An advance is recouped from royalties: enter the royalty terms first.")
            errors["royalty_percentage"] = _("Enter the royalty: a percentage of net revenue or an amount per unit.")
        if has_percentage and not Decimal("0") <= self.royalty_percentage <= Decimal("100"):
            errors["royalty_percentage"] = _("The percentage must be between 0 and 100.")
        if errors:
            raise ValidationError(errors)

    def clean_products(self, products):
        """Validate the products chosen in a form (the M2M is only saved after the model)."""
        if not (self.start_date and self.end_date) or self.end_date < self.start_date:
            return
        clashes = overlapping_licences(products, self.start_date, self.end_date, exclude_pk=self.pk)
        if clashes:
            raise ValidationError(
                {
                    "products": _("%(products)s already licensed for an overlapping period (%(licences)s).")
                    % {
                        "products": ", ".join(sorted({p.get_title() for p, _licence in clashes})),
                        "licences": ", ".join(sorted({licence.contract_number for _p, licence in clashes})),
                    }
                }
            )


from .statement_models import (  # noqa: E402  (statement models live in their own module)
    RoyaltyAdjustment,
    RoyaltyRun,
    Statement,
    StatementCounter,
    StatementLine,
)

__all__ = ["Licence", "RoyaltyAdjustment", "RoyaltyRun", "Statement", "StatementCounter", "StatementLine"]
