"""Oscar's dashboard, forked to mount the stock pages (shop.stockroom) under /shop/dashboard/stock/ and the
delivery times page."""

from django.apps import apps
from django.urls import include, path
from oscar.apps.dashboard import apps as oscar_apps
from oscar.core.loading import get_class


class DashboardConfig(oscar_apps.DashboardConfig):
    name = "shop.dashboard"

    def configure_permissions(self):
        super().configure_permissions()
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        self.permissions_map["delivery-times"] = DashboardPermission.get(
            "shipping", "view_deliverytime", "change_deliverytime"
        )

    def get_urls(self):
        from .delivery_times import DeliveryTimesView

        urls = super().get_urls()
        stockroom = apps.get_app_config("stockroom")
        delivery_times = self.post_process_urls(
            [path("delivery-times/", DeliveryTimesView.as_view(), name="delivery-times")]
        )
        return [path("stock/", include(stockroom.urls[0])), *delivery_times, *urls]
