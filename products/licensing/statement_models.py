"""Royalty statements (Gutschriften): what a designer earned in a period, frozen once issued.

A statement's lines copy everything they show (product title, channel name, licence terms), so that later
changes to orders, products or licences never alter an issued statement.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Issued")
        PAID = "paid", _("Paid")

    designer = models.ForeignKey(
        "designers.Designer", verbose_name=_("designer"), on_delete=models.PROTECT, related_name="statements"
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    sequence = models.PositiveIntegerField(_("sequence"), null=True, blank=True, unique=True, editable=False)
    number = models.CharField(_("credit note number"), max_length=20, null=True, blank=True, unique=True)

    # The designer's data as printed on the credit note, copied when it is issued.
    designer_name = models.CharField(_("name"), max_length=200, blank=True)
    designer_address = models.TextField(_("address"), blank=True)
    designer_tax_number = models.CharField(_("tax number"), max_length=30, blank=True)
    designer_vat_id = models.CharField(_("VAT ID"), max_length=20, blank=True)
    vat_status = models.CharField(_("VAT status"), max_length=20, blank=True)

    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=4, decimal_places=2, default=Decimal("0"))
    royalty_total = models.DecimalField(_("royalties"), max_digits=12, decimal_places=2, default=Decimal("0"))
    net_total = models.DecimalField(_("net amount"), max_digits=12, decimal_places=2, default=Decimal("0"))
    vat_amount = models.DecimalField(_("VAT"), max_digits=12, decimal_places=2, default=Decimal("0"))
    gross_total = models.DecimalField(_("gross amount"), max_digits=12, decimal_places=2, default=Decimal("0"))
    payout_amount = models.DecimalField(_("payout"), max_digits=12, decimal_places=2, default=Decimal("0"))
    carried_forward = models.DecimalField(
        _("carried forward"), max_digits=12, decimal_places=2, default=Decimal("0"),
        help_text=_("Net amount below the payout threshold, carried to the next statement."),
    )
    # What the draft was computed from; a run that computes the same leaves the draft alone.
    content_hash = models.CharField(max_length=64, blank=True, editable=False)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    payout_reference = models.CharField(_("payout reference"), max_length=100, blank=True)
    pdf = models.BinaryField(_("PDF"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("royalty statement")
        verbose_name_plural = _("royalty statements")
        ordering = ["-period_end", "designer__legal_name"]
        constraints = [
            models.UniqueConstraint(fields=["designer", "period_start"], name="licensing_statement_one_per_period"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(number__isnull=False), name="licensing_statement_issued_has_number"
            ),
        ]
        indexes = [models.Index(fields=["period_start", "status"])]

    def __str__(self):
        return self.number or f"{_('Draft')} {self.designer} {self.period_start:%Y-%m-%d}–{self.period_end:%Y-%m-%d}"

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def filename_stem(self):
        return f"Gutschrift-{self.number}" if self.number else f"Entwurf-{self.pk}"


class StatementLine(models.Model):
    class Kind(models.TextChoices):
        ROYALTY = "royalty", _("Royalty")
        GUARANTEE = "guarantee", _("Minimum guarantee top-up")
        RECOUPMENT = "recoupment", _("Advance recouped")
        ADJUSTMENT = "adjustment", _("Adjustment")
        CARRIED_IN = "carried_in", _("Carried over from the previous statement")

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.ROYALTY)
    licence = models.ForeignKey(
        "licensing.Licence", null=True, blank=True, on_delete=models.SET_NULL, related_name="statement_lines"
    )
    contract_number = models.CharField(_("licence"), max_length=40, blank=True)
    licence_year = models.PositiveSmallIntegerField(_("licence year"), null=True, blank=True)
    product = models.ForeignKey(
        "catalogue.Product", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    product_title = models.CharField(_("product"), max_length=255, blank=True)
    product_upc = models.CharField(_("UPC"), max_length=64, blank=True)
    # "online" or "outlet:<partner id>"; the name is the one printed.
    channel = models.CharField(_("channel"), max_length=32, blank=True)
    channel_name = models.CharField(_("channel"), max_length=128, blank=True)
    sales_month = models.DateField(_("month of sale"), null=True, blank=True)
    units = models.IntegerField(_("units"), default=0)
    net_revenue = models.DecimalField(_("net revenue"), max_digits=12, decimal_places=2, default=Decimal("0"))
    royalty_percentage = models.DecimalField(_("royalty %"), max_digits=5, decimal_places=2, null=True, blank=True)
    royalty_per_unit = models.DecimalField(
        _("royalty per unit"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    text = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("statement line")
        verbose_name_plural = _("statement lines")
        ordering = ["statement", "position"]
        indexes = [models.Index(fields=["licence", "kind"])]

    def __str__(self):
        return f"{self.statement}: {self.get_kind_display()} {self.amount}"


class RoyaltyAdjustment(models.Model):
    """A correction of an earlier period. It goes into the designer's next statement, never an issued one."""

    designer = models.ForeignKey(
        "designers.Designer", verbose_name=_("designer"), on_delete=models.PROTECT, related_name="adjustments"
    )
    licence = models.ForeignKey(
        "licensing.Licence", verbose_name=_("licence"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    amount = models.DecimalField(
        _("amount (EUR, net)"), max_digits=12, decimal_places=2,
        help_text=_("Positive: owed to the designer. Negative: to be deducted."),
    )
    text = models.CharField(_("reason"), max_length=300)
    statement = models.ForeignKey(
        Statement, verbose_name=_("settled in"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="adjustments",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("royalty adjustment")
        verbose_name_plural = _("royalty adjustments")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.designer}: {self.amount} ({self.text})"


class StatementCounter(models.Model):
    """The last credit note number issued. Its row is locked while a number is taken: no gaps, no repeats."""

    key = models.CharField(max_length=20, unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.key}: {self.last_number}"


class RoyaltyRun(models.Model):
    """The record of one royalty run, with what it could not settle (sales outside any licence)."""

    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    started_at = models.DateTimeField(_("run at"), auto_now_add=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.PositiveIntegerField(_("statements created"), default=0)
    updated = models.PositiveIntegerField(_("statements updated"), default=0)
    unchanged = models.PositiveIntegerField(_("statements unchanged"), default=0)
    sales_lines = models.PositiveIntegerField(_("sales rows"), default=0)
    unlicensed = models.JSONField(_("sales outside licences"), default=list, blank=True)

    class Meta:
        verbose_name = _("royalty run")
        verbose_name_plural = _("royalty runs")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.period_start}–{self.period_end} ({self.started_at:%Y-%m-%d %H:%M})"
