from oscar.apps.dashboard.reports import reports
from oscar.apps.dashboard.reports.reports import *  # noqa: F403  (Oscar fork: the rest stay Oscar's)

from core.csv_safe import SafeUnicodeCSVWriter


class ReportCSVFormatter(reports.ReportCSVFormatter):
    # Every Oscar report (orders, products, users, baskets, vouchers, offer discounts) writes through this.
    def get_csv_writer(self, file_handle, **kwargs):
        return SafeUnicodeCSVWriter(open_file=file_handle, **kwargs)
