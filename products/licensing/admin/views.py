"""Finance's royalty tools in the Wagtail admin: statement detail and actions, the run, exports and reports.

The business rules live in royalty_run, statements and reports; these views only call them and show their
answers (a refusal is a ValidationError whose messages Finance sees).
"""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import reports, royalty_run, statements
from ..downloads import CSV, PDF, attachment
from ..models import RoyaltyRun, Statement
from ..periods import Period
from ..services import outlet_sales_outside_licences, with_licence_flags
from ..statement_documents import grouped_lines, render_statement_pdf, statement_csv
from ..views import SalesOutsideLicencesView
from .forms import MarkPaidForm, PeriodForm, YearForm

# Reading statements and reports, and acting on them (run, issue, pay). Only Finance holds them
# (accounts/roles.py gives Finance every licensing permission); the generic edit forms stay disabled
# whatever the permissions say (see viewsets.StatementPermissionPolicy).
VIEW_PERMISSION = "licensing.view_statement"
ACT_PERMISSION = "licensing.change_statement"

logger = logging.getLogger(__name__)

STATEMENTS_INDEX = "licensing_statements:index"
STATEMENT_DETAIL = "licensing_statements:inspect"


def _messages(error):
    return error.messages if isinstance(error, ValidationError) else [str(error)]


class FinanceOnlyMixin:
    permission = VIEW_PERMISSION

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class FinancePage(FinanceOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "doc-full"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")},
        {"url": reverse_lazy(STATEMENTS_INDEX), "label": gettext_lazy("Royalty statements")},
    ]


class StatementDetailView(InspectView):
    """Header, lines, totals and what Finance can do with the statement (regenerate, issue, mark paid)."""

    template_name = "licensing/admin/statement_detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(Statement.objects.select_related("designer"), pk=self.pk)

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, mark_paid_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        statement = self.object
        lines = list(statement.lines.all())
        groups, others = grouped_lines(lines)
        context.update({
            "statement": statement,
            "period": Period(statement.period_start, statement.period_end),
            "groups": groups,
            "other_lines": others,
            "blocked_reason": statements.payout_blocked_reason(statement),
            "can_act": self.request.user.has_perm(ACT_PERMISSION),
            "mark_paid_form": mark_paid_form or MarkPaidForm(),
            "pdf_url": reverse("licensing_statement_download", args=[statement.pk, "pdf"]),
            "csv_url": reverse("licensing_statement_download", args=[statement.pk, "csv"]),
        })
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(ACT_PERMISSION):
            raise PermissionDenied
        action = request.POST.get("action")
        statement = self.object
        if action == "regenerate":
            return self.regenerate(statement)
        if action == "issue":
            try:
                issued = statements.issue_statement(statement.pk, request.user)
            except ValidationError as error:
                for message in _messages(error):
                    messages.error(request, message)
            else:
                messages.success(request, _("Issued %(number)s. The designer is emailed the PDF.") % {
                    "number": issued.number})
            return redirect(STATEMENT_DETAIL, statement.pk)
        if action == "mark_paid":
            return self.mark_paid(statement)
        raise Http404("Unknown action")

    def regenerate(self, statement):
        try:
            royalty_run.regenerate(statement, self.request.user)
        except ValidationError as error:
            for message in _messages(error):
                messages.error(self.request, message)
            return redirect(STATEMENT_DETAIL, statement.pk)
        if not Statement.objects.filter(pk=statement.pk).exists():
            messages.warning(self.request, _("The draft was removed: nothing is left to settle for it."))
            return redirect(STATEMENTS_INDEX)
        messages.success(self.request, _("The draft was computed again from the current sales and adjustments."))
        return redirect(STATEMENT_DETAIL, statement.pk)

    def mark_paid(self, statement):
        form = MarkPaidForm(self.request.POST)
        if form.is_valid():
            try:
                paid = statements.mark_paid(statement.pk, form.cleaned_data["paid_on"], form.cleaned_data["reference"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(self.request, _("%(number)s is marked paid.") % {"number": paid.number})
                return redirect(STATEMENT_DETAIL, statement.pk)
        for message in form.non_field_errors():
            messages.error(self.request, message)
        return self.render_to_response(self.get_context_data(mark_paid_form=form))


class StatementDownloadView(FinanceOnlyMixin, View):
    """The stored PDF of an issued statement (a preview for drafts) or its CSV, for Finance."""

    def get(self, request, pk, kind):
        statement = get_object_or_404(Statement.objects.select_related("designer"), pk=pk)
        filename = f"{statement.filename_stem}.{kind}"
        if kind == "pdf":
            return attachment(bytes(statement.pdf) if statement.pdf else render_statement_pdf(statement), PDF, filename)
        return attachment(statement_csv(statement), CSV, filename)


class RoyaltyRunView(FinancePage):
    """Run the royalties of a month or quarter; a refusal shows its reasons on the form and writes nothing."""

    permission = ACT_PERMISSION
    template_name = "licensing/admin/royalty_run.html"
    page_title = gettext_lazy("Royalty run")
    header_icon = "cogs"

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = form or PeriodForm()
        context["recent_runs"] = RoyaltyRun.objects.all()[:5]
        return context

    def post(self, request):
        form = PeriodForm(request.POST)
        if form.is_valid():
            try:
                result = royalty_run.run_royalties(form.cleaned_data["period"], request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("licensing_royalty_run_result", result.run.pk)
        return self.render_to_response(self.get_context_data(form=form))


class RoyaltyRunResultView(FinancePage):
    template_name = "licensing/admin/royalty_run_result.html"
    page_title = gettext_lazy("Royalty run")
    header_icon = "cogs"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = get_object_or_404(RoyaltyRun, pk=self.kwargs["pk"])
        statements_ = list(
            Statement.objects.filter(period_start=run.period_start, period_end=run.period_end)
            .select_related("designer").order_by("designer__legal_name")
        )
        context.update({
            "run": run,
            "period": Period(run.period_start, run.period_end),
            "statements": statements_,
            "drafts": sum(1 for statement in statements_ if statement.is_draft),
            "can_act": self.request.user.has_perm(ACT_PERMISSION),
        })
        return context


class IssueDraftsView(FinanceOnlyMixin, View):
    """Issue every draft of a run's period, one by one; each outcome is reported."""

    permission = ACT_PERMISSION

    def post(self, request, pk):
        run = get_object_or_404(RoyaltyRun, pk=pk)
        drafts = Statement.objects.filter(
            period_start=run.period_start, period_end=run.period_end, status=Statement.Status.DRAFT
        ).select_related("designer").order_by("designer__legal_name")
        for draft in drafts:
            try:
                issued = statements.issue_statement(draft.pk, request.user)
            except ValidationError as error:
                messages.error(request, _("%(designer)s: %(errors)s") % {
                    "designer": draft.designer.legal_name, "errors": " ".join(_messages(error))})
            except Exception:
                # Each draft is issued in its own transaction: one that fails unexpectedly (its PDF, say) is
                # rolled back alone and reported; the others are still issued.
                logger.exception("Issuing draft statement %s failed", draft.pk)
                messages.error(request, _("%(designer)s: not issued because of a technical error (logged). "
                                          "Try again later.") % {"designer": draft.designer.legal_name})
            else:
                messages.success(request, _("%(designer)s: issued %(number)s.") % {
                    "designer": draft.designer.legal_name, "number": issued.number})
        return redirect("licensing_royalty_run_result", run.pk)


class AccountantExportView(FinancePage):
    """Issued and paid statements of a period, shown and downloadable as CSV for the accountant."""

    template_name = "licensing/admin/accountant_export.html"
    page_title = gettext_lazy("Export for the accountant")
    header_icon = "download"

    def get(self, request, *args, **kwargs):
        form = PeriodForm(request.GET if ("choice" in request.GET or "text" in request.GET) else None)
        period = form.cleaned_data["period"] if form.is_bound and form.is_valid() else None
        if period is not None and "download" in request.GET:
            return attachment(reports.accountant_csv(period), CSV, f"Gutschriften-{period.label}.csv")
        context = self.get_context_data(form=form, period=period)
        if period is not None:
            context["statements"] = list(reports.accountant_statements(period))
        return self.render_to_response(context)


class KskReportView(FinancePage):
    """Per calendar year, what KSK-insured designers were paid (the Künstlersozialabgabe basis)."""

    template_name = "licensing/admin/ksk_report.html"
    page_title = gettext_lazy("KSK report")
    header_icon = "table"

    def get(self, request, *args, **kwargs):
        form = YearForm(request.GET if "year" in request.GET else None, years=reports.payout_years())
        year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else None
        if year is not None and "download" in request.GET:
            return attachment(reports.ksk_csv(year), CSV, f"KSK-{year}.csv")
        context = self.get_context_data(form=form, year=year)
        if year is not None:
            context["rows"] = reports.ksk_sums(year)
            context["total"] = sum((row["net_paid"] for row in context["rows"]), 0)
        return self.render_to_response(context)


class SalesOutsideLicencesAdminView(SalesOutsideLicencesView):
    """The warning list, with the outlet sales no licence covered next to the online ones."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["outlet_rows"] = with_licence_flags(outlet_sales_outside_licences())
        return context

