import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner, AbstractStockRecord

from .exceptions import StockError


class Partner(AbstractPartner):
    """The social workshop that makes the goods, and the outlets that sell them over the counter."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Social workshop")
        MUSEUM_SHOP = "museum_shop", _("Museum shop")
        POPUP_STORE = "popup_store", _("Pop-up store")
        FAIR_TRADE = "fair_trade", _("Fair-trade partner")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.WORKSHOP)
    allows_pickup = models.BooleanField(
        _("pick-up of online orders"), default=False, help_text=_("Shoppers may collect online orders here.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    active_until = models.DateField(
        _("active until"), null=True, blank=True, help_text=_("Last day of a pop-up store; empty if open-ended.")
    )
    opening_hours = models.TextField(_("opening hours"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)


class StockRecord(AbstractStockRecord):
    """Oscar's stock record whose stock and allocations change only through the stock service.

    `shop.partner.services.apply_changes` locks the row (`select_for_update`), so two buyers can never both
    get the last unit, and writes every change of `num_in_stock` to the stock ledger. Oscar's allocate,
    consume and cancel go through it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # __dict__, not the attribute: a deferred field must not cost a query per instance.
        self._stock_at_load = self.__dict__.get("num_in_stock")

    # Written only by the stock service (shop.partner.services.apply_changes).
    STOCK_FIELDS = frozenset({"num_in_stock", "num_allocated"})

    def save(self, *args, **kwargs):
        """Save the record's other fields; never its stock, which only the stock service changes.

        A stale instance (a form loaded before a transfer) therefore cannot write back an old stock level.
        A new record's initial stock is its opening balance, booked through the service.
        """
        from . import services

        if self._state.adding:
            opening, self.num_in_stock = self.num_in_stock, (0 if self.num_in_stock is not None else None)
            with transaction.atomic():
                super().save(*args, **kwargs)
                if opening:
                    services.record_opening(self, opening)
            return
        if self.__dict__.get("num_in_stock") != self._stock_at_load and "num_in_stock" in self.__dict__:
            raise StockError(_("The stock is changed only on the stock pages (transfer, stocktake, outlet sales)."))
        fields = kwargs.pop("update_fields", None)
        if fields is None:
            fields = [field.attname for field in self._meta.concrete_fields if not field.primary_key]
        kwargs["update_fields"] = [name for name in fields if name not in self.STOCK_FIELDS]
        super().save(*args, **kwargs)

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._stock_at_load = self.__dict__.get("num_in_stock")

    def allocate(self, quantity):
        from . import services

        if not self.can_track_allocations:
            return
        self.pre_save_signal()
        services.allocate(self, quantity)
        self.post_save_signal()

    allocate.alters_data = True

    def consume_allocation(self, quantity, user=None, reference=""):
        """The order is shipped or handed over: the units leave the stock as an online sale."""
        from . import services

        if not self.can_track_allocations:
            return
        self.pre_save_signal()
        services.consume_allocation(self, quantity, user=user, reference=reference)
        self.post_save_signal()

    consume_allocation.alters_data = True

    def cancel_allocation(self, quantity):
        from . import services

        if not self.can_track_allocations:
            return
        self.pre_save_signal()
        services.cancel_allocation(self, quantity)
        self.post_save_signal()

    cancel_allocation.alters_data = True


class StockMovement(models.Model):
    """One entry of the stock ledger: the signed change of a stock record's `num_in_stock`."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("Opening balance")
        PRODUCTION = "production", _("Production batch")
        TRANSFER_OUT = "transfer_out", _("Transfer out")
        TRANSFER_IN = "transfer_in", _("Transfer in")
        ONLINE_SALE = "online_sale", _("Online sale")
        OUTLET_SALE = "outlet_sale", _("Outlet sale")
        RETURN = "return", _("Return")
        STOCKTAKE = "stocktake", _("Stocktake correction")

    stockrecord = models.ForeignKey(
        "partner.StockRecord", on_delete=models.CASCADE, related_name="movements", verbose_name=_("stock record")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    quantity = models.IntegerField(_("quantity"), help_text=_("Positive when units arrive, negative when they leave."))
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    # Both sides of a transfer, or all lines of one import, share a reference.
    reference = models.CharField(_("reference"), max_length=64, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        app_label = "partner"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")

    def __str__(self):
        return f"{self.get_kind_display()} {self.quantity:+d}"


class OutletSalesImport(models.Model):
    """One upload (or form entry) of an outlet's over-the-counter sales, with its result."""

    class Status(models.TextChoices):
        PROCESSING = "processing", _("Processing")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="sales_imports")
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PROCESSING)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_processed = models.PositiveIntegerField(_("rows processed"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    # What shop staff should know about an accepted import, e.g. sales dated in a settled royalty period.
    notes = models.JSONField(_("notes"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now, db_index=True)

    class Meta:
        app_label = "partner"
        ordering = ["-created_at"]
        verbose_name = _("outlet sales import")
        verbose_name_plural = _("outlet sales imports")
        constraints = [
            # The same file can be accepted only once (a rejected one may be corrected and sent again).
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=~Q(status="rejected") & ~Q(content_hash=""),
                name="partner_sales_import_unique_file",
            )
        ]

    def __str__(self):
        return f"{self.partner} {self.file_name or self.created_at:%Y-%m-%d}"

    @property
    def progress_percent(self):
        return int(100 * self.rows_processed / self.rows_total) if self.rows_total else 100


class OutletSale(models.Model):
    """A sales line of an outlet (the royalty channel): units sold over the counter and their net revenue."""

    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.PROTECT, related_name="outlet_sales", verbose_name=_("outlet")
    )
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.PROTECT, related_name="outlet_sales", verbose_name=_("product")
    )
    date = models.DateField(_("date"))
    units = models.PositiveIntegerField(_("units"))
    gross_unit_price = models.DecimalField(_("gross unit price"), max_digits=12, decimal_places=2)
    vat_rate = models.DecimalField(_("VAT rate"), max_digits=4, decimal_places=2)
    net_revenue = models.DecimalField(_("net revenue"), max_digits=12, decimal_places=2, help_text=_("excl. VAT"))
    sales_import = models.ForeignKey(
        OutletSalesImport, on_delete=models.PROTECT, related_name="lines", verbose_name=_("import")
    )
    # Reported after the royalty period of its date was settled: its royalty is a RoyaltyAdjustment in the
    # designer's next statement (products.licensing.late_sales), so the sales basis leaves it out.
    royalty_as_adjustment = models.BooleanField(_("royalty settled as adjustment"), default=False)

    class Meta:
        app_label = "partner"
        ordering = ["-date", "pk"]
        verbose_name = _("outlet sale")
        verbose_name_plural = _("outlet sales")
        indexes = [models.Index(fields=["date", "partner", "product"])]

    def __str__(self):
        return f"{self.date} {self.partner} {self.product} × {self.units}"


from oscar.apps.partner.models import *  # noqa: E402, F403  (Oscar fork: the rest stay Oscar's)
