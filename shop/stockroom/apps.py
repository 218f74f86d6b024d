from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class StockroomConfig(OscarDashboardConfig):
    """Dashboard pages for Shop staff: stock across partners, ledger, alerts, transfers, stocktakes, outlet sales."""

    label = "stockroom"
    name = "shop.stockroom"
    verbose_name = _("Stock dashboard")
    default_permissions = ["is_staff"]

    def configure_permissions(self):
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        view = DashboardPermission.get("partner", "view_stockrecord")
        change = DashboardPermission.get("partner", "view_stockrecord", "change_stockrecord")
        self.permissions_map = {
            "stock-overview": view,
            "stock-movements": view,
            "stock-alerts": view,
            "stock-transfer": change,
            "stock-stocktake": change,
            "stock-sales-imports": change,
            "stock-sales-upload": change,
            "stock-sales-entry": change,
            "stock-sales-import": change,
        }

    def get_urls(self):
        from . import views

        urls = [
            path("", views.StockOverviewView.as_view(), name="stock-overview"),
            path("movements/", views.MovementListView.as_view(), name="stock-movements"),
            path("alerts/", views.LowStockView.as_view(), name="stock-alerts"),
            path("transfer/", views.TransferView.as_view(), name="stock-transfer"),
            path("stocktake/", views.StocktakeView.as_view(), name="stock-stocktake"),
            path("sales/", views.SalesImportListView.as_view(), name="stock-sales-imports"),
            path("sales/upload/", views.SalesUploadView.as_view(), name="stock-sales-upload"),
            path("sales/entry/", views.SalesEntryView.as_view(), name="stock-sales-entry"),
            path("sales/<uuid:pk>/", views.SalesImportDetailView.as_view(), name="stock-sales-import"),
        ]
        return self.post_process_urls(urls)
