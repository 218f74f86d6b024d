"""Oscar's dashboard, forked only to mount the stock pages (shop.stockroom) under /shop/dashboard/stock/."""

from django.apps import apps
from django.urls import include, path
from oscar.apps.dashboard import apps as oscar_apps


class DashboardConfig(oscar_apps.DashboardConfig):
    name = "shop.dashboard"

    def get_urls(self):
        urls = super().get_urls()
        stockroom = apps.get_app_config("stockroom")
        return [path("stock/", include(stockroom.urls[0])), *urls]
