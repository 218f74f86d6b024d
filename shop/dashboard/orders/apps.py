import oscar.apps.dashboard.orders.apps as apps


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """Oscar's orders dashboard, forked: the order export writes formula-safe CSV (core.csv_safe, issue 12)."""

    name = "shop.dashboard.orders"
