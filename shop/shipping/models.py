from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

DELIVERY_TIMES_CACHE_KEY = "shipping:delivery-times"


class DeliveryTime(models.Model):
    """How many working days an order takes in one stock state; shop staff edit it in the dashboard.

    Only numbers are stored: shop/delivery.py turns them into a sentence in the visitor's language, so the
    four languages can never disagree.
    """

    class State(models.TextChoices):
        IN_STOCK = "in_stock", _("In stock at the workshop (delivery)")
        MADE_TO_ORDER = "made_to_order", _("Made to order")
        PICKUP = "pickup", _("Pick-up (in stock)")

    state = models.CharField(_("stock state"), max_length=20, choices=State.choices, unique=True)
    min_days = models.PositiveSmallIntegerField(
        _("from (working days)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_days = models.PositiveSmallIntegerField(
        _("to (working days)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("delivery time")
        verbose_name_plural = _("delivery times")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_days__lte=models.F("max_days")), name="delivery_time_min_not_above_max"
            )
        ]

    def __str__(self):
        return f"{self.get_state_display()}: {self.min_days}–{self.max_days}"

    def clean(self):
        if self.min_days is not None and self.max_days is not None and self.min_days > self.max_days:
            raise ValidationError({"max_days": _("The upper limit must not be below the lower limit.")})

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Every page reads the table from the shared cache; an edit must show at once on all workers.
        cache.delete(DELIVERY_TIMES_CACHE_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(DELIVERY_TIMES_CACHE_KEY)
        return result


from oscar.apps.shipping.models import *  # noqa: E402, F403  (Oscar fork: the rest stay Oscar's)
