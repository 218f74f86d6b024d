from django.db import models
from django.utils.translation import gettext_lazy as _


class IssuedDocument(models.Model):
    """What every issued document keeps: its gap-free number, and what it said when it was issued.

    `seller` is a snapshot of the seller's data (name, address, VAT id, bank) taken in the issuing transaction;
    `pdf` is the document as first rendered from it, stored and served ever after. Later changes to the site
    or payment settings never alter an issued document (GoBD: unchangeable once issued).
    """

    sequence = models.PositiveIntegerField(_("sequence"), unique=True)
    number = models.CharField(_("number"), max_length=32, unique=True)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    seller = models.JSONField(_("seller's data at issue"), default=dict, blank=True, editable=False)
    pdf = models.BinaryField(_("PDF as issued"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["sequence"]

    def __str__(self):
        return self.number


class Invoice(IssuedDocument):
    """A Rechnung for one order, issued when the goods leave (shipped, or handed over at pick-up).

    Its content is the order's (immutable) lines; the delivery date is the day the goods left (§ 14 (4) Nr. 6
    UStG: the time of supply; for a parcel the dispatch, § 3 (6) UStG).
    """

    order = models.OneToOneField("order.Order", on_delete=models.PROTECT, related_name="invoice")
    # Empty only for invoices issued at checkout before issue 13 (their PDF stated no delivery date of its own).
    supplied_on = models.DateField(_("delivery date"), null=True, blank=True)

    class Meta(IssuedDocument.Meta):
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")

    @property
    def filename(self):
        return f"Rechnung-{self.number}.pdf"


class Cancellation(IssuedDocument):
    """A Stornorechnung: cancels an invoice in full or some of its lines, with its own gap-free number series.

    `lines` holds what is cancelled as it was invoiced: [{"line_id", "title", "quantity", "tax_code",
    "gross"}] with positive gross amounts; the document prints them negative.
    """

    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="cancellations")
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    lines = models.JSONField(_("cancelled lines"), default=list)
    shipping_gross = models.DecimalField(_("cancelled shipping (gross)"), max_digits=12, decimal_places=2, default=0)
    # Per VAT rate, as cancelled (positive): [{"rate", "gross", "net", "tax"}] as decimal strings. Stored, not
    # recomputed, because the last cancellation of an invoice takes exactly what the earlier ones left.
    rates = models.JSONField(_("cancelled amounts per VAT rate"), default=list)

    class Meta(IssuedDocument.Meta):
        verbose_name = _("cancellation invoice")
        verbose_name_plural = _("cancellation invoices")

    @property
    def filename(self):
        return f"Stornorechnung-{self.number}.pdf"
