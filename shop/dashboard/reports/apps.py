import oscar.apps.dashboard.reports.apps as apps


class ReportsDashboardConfig(apps.ReportsDashboardConfig):
    """Oscar's reports dashboard, forked: every report's CSV is formula-safe (core.csv_safe, issue 12)."""

    name = "shop.dashboard.reports"
