"""The designer portal's pages and downloads. Access is checked once, in DesignerRequiredMixin."""

from decimal import Decimal

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils.cache import patch_cache_control
from django.views import View
from django.views.generic import TemplateView

from .. import royalties
from ..downloads import CSV, PDF, attachment
from ..periods import Period, month_start
from ..statement_documents import grouped_lines, statement_csv
from . import chart, queries

CHART_MONTHS = 24


class DesignerRequiredMixin(AccessMixin):
    """Logged in, in the Designers group and linked to a Designer record; sets `self.designer`.

    Anonymous visitors go to the shop's login page and come back; everyone else gets 403. Responses are
    never cached: they hold one person's financial data.
    """

    login_url = reverse_lazy("customer:login")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.designer = queries.designer_of(request.user)
        if self.designer is None:
            raise PermissionDenied
        request.user.designer = self.designer  # the header's portal link reads it: no second query
        response = super().dispatch(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response


def _with_period(statement):
    statement.period = Period(statement.period_start, statement.period_end)
    return statement


class OverviewView(DesignerRequiredMixin, TemplateView):
    template_name = "licensing/portal/overview.html"

    def get_context_data(self, **kwargs):
        period = queries.running_period()
        running_rows, running_totals = queries.running_sales(self.designer, period)
        return super().get_context_data(
            designer=self.designer,
            statements=[_with_period(s) for s in queries.visible_statements(self.designer)],
            running_period=period,
            running_rows=running_rows,
            running_totals=running_totals,
            licences=queries.designer_licences(self.designer),
            **kwargs,
        )


class StatementView(DesignerRequiredMixin, TemplateView):
    template_name = "licensing/portal/statement.html"

    def get_context_data(self, **kwargs):
        statement = _with_period(get_object_or_404(queries.visible_statements(self.designer), pk=self.kwargs["pk"]))
        groups, other_lines = grouped_lines(list(statement.lines.all()))
        months = chart.months_back(month_start(statement.period_end), CHART_MONTHS)
        data = chart.chart_data(queries.monthly_royalties(self.designer, months[0], months[-1]), months)
        return super().get_context_data(
            designer=self.designer,
            statement=statement,
            groups=groups,
            other_lines=other_lines,
            royalty_subtotal=sum((group["amount"] for group in groups), Decimal("0")),
            vat_label=royalties.VAT_LABELS.get(statement.vat_status, ""),
            chart=data,
            svg=None if data.is_empty else chart.layout(data),
            **kwargs,
        )


class StatementPdfView(DesignerRequiredMixin, View):
    def get(self, request, pk):
        statement = queries.statement_with_pdf(self.designer, pk)
        if statement is None or not statement.pdf:
            raise Http404
        return attachment(bytes(statement.pdf), PDF, f"{statement.filename_stem}.pdf")


class StatementCsvView(DesignerRequiredMixin, View):
    def get(self, request, pk):
        statement = get_object_or_404(queries.visible_statements(self.designer), pk=pk)
        return attachment(statement_csv(statement), CSV, f"{statement.filename_stem}.csv")
