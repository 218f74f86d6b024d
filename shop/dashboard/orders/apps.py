import oscar.apps.dashboard.orders.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """Oscar's orders dashboard, forked: the order export writes formula-safe CSV (core.csv_safe, issue 12); staff
    record refunds as payment events (shop.order.refunds, issue 13)."""

    name = "shop.dashboard.orders"

    def configure_permissions(self):
        super().configure_permissions()
        # Money goes back only by shop staff who may change orders; partner users (their own lines) may not.
        self.permissions_map["order-refund"] = ["is_staff", "order.change_order"]

    def ready(self):
        super().ready()
        self.refund_view = get_class("dashboard.orders.views", "RefundView")

    def get_urls(self):
        urls = self.post_process_urls([
            path("<str:number>/refund/", self.refund_view.as_view(), name="order-refund"),
        ])
        return urls + super().get_urls()
