from django.db import models
from django.utils.translation import gettext_lazy as _


class InvoiceCounter(models.Model):
    """The last invoice number issued. Its row is locked while a number is taken, so numbers never repeat
    or leave gaps, across processes and machines (the lock lives in the database)."""

    key = models.CharField(max_length=20, unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.key}: {self.last_number}"


class Invoice(models.Model):
    """A Rechnung for one order. Its content is the order's (immutable) lines; the PDF is rendered from them."""

    order = models.OneToOneField("order.Order", on_delete=models.PROTECT, related_name="invoice")
    sequence = models.PositiveIntegerField(_("sequence"), unique=True)
    number = models.CharField(_("invoice number"), max_length=32, unique=True)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["sequence"]

    def __str__(self):
        return self.number

    @property
    def filename(self):
        return f"Rechnung-{self.number}.pdf"
