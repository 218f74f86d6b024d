from django.contrib import admin  # noqa: E402
from oscar.apps.partner import admin as oscar_admin
from oscar.apps.partner.admin import *  # noqa: F403  (Oscar fork: re-export the originals)
from oscar.core.loading import get_model  # noqa: E402

StockRecord = get_model("partner", "StockRecord")
StockMovement = get_model("partner", "StockMovement")
OutletSale = get_model("partner", "OutletSale")
OutletSalesImport = get_model("partner", "OutletSalesImport")


admin.site.unregister(StockRecord)


@admin.register(StockRecord)
class StockRecordAdmin(oscar_admin.StockRecordAdmin):
    # Stock changes only through the stock service (dashboard stock pages), never by editing the row.
    readonly_fields = ("num_in_stock", "num_allocated")


@admin.register(StockMovement)
class StockMovementAdmin(admin.ModelAdmin):
    # The ledger is append-only: entries are written by the stock services, never edited by hand.
    list_display = ("created_at", "stockrecord", "kind", "quantity", "reason", "created_by")
    list_filter = ("kind",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OutletSalesImport)
class OutletSalesImportAdmin(admin.ModelAdmin):
    list_display = ("created_at", "partner", "file_name", "status", "rows_total")
    list_filter = ("status", "partner")


@admin.register(OutletSale)
class OutletSaleAdmin(admin.ModelAdmin):
    list_display = ("date", "partner", "product", "units", "net_revenue")
    list_filter = ("partner",)
