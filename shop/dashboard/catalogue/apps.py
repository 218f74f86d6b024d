import oscar.apps.dashboard.catalogue.apps as apps


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    """Oscar's catalogue dashboard, forked: shop staff edit the label fields and the product translations."""

    name = "shop.dashboard.catalogue"
