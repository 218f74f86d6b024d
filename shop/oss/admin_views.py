"""Finance's OSS report in the Wagtail admin: a quarter's page and its CSV."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import QuarterForm
from .report import oss_report, report_csv
from .threshold import THRESHOLD, distance_sales_net

PERMISSION = "oss.view_oss_report"


class OssReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "oss/admin/report.html"
    page_title = gettext_lazy("OSS report")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        if "year" in request.GET:
            form = QuarterForm(request.GET)
        else:
            form = QuarterForm(initial={"year": today.year, "quarter": (today.month - 1) // 3 + 1})
        if not form.is_bound or not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, today=today))
        year, quarter = form.cleaned_data["year"], form.cleaned_data["quarter"]
        if "download" in request.GET:
            response = HttpResponse(report_csv(year, quarter), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = content_disposition_header(True, f"OSS-{year}-Q{quarter}.csv")
            return response
        rows = oss_report(year, quarter)
        previous, current = distance_sales_net(year)
        return self.render_to_response(self.get_context_data(
            form=form, year=year, quarter=quarter, rows=rows,
            total_net=sum((row.net for row in rows), 0), total_tax=sum((row.tax for row in rows), 0),
            threshold=THRESHOLD, previous_year=year - 1, previous_year_net=previous, year_net=current, today=today,
        ))
