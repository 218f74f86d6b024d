from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct


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
        help_text=_("Standard rate (19 %) for most goods; reduced rate (7 %) e.g. for printed matter."),
    )


from oscar.apps.catalogue.models import *  # noqa: E402, F403  (Oscar fork: the rest stay Oscar's)
