from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin import views as admin_views
from .admin.viewsets import AdjustmentPermissionPolicy, AdjustmentViewSet, StatementPermissionPolicy, StatementViewSet
from .models import Licence, RoyaltyAdjustment, Statement

# Registered before the viewsets so that their views use these policies rather than a fallback.
register_permission_policy(Statement, StatementPermissionPolicy(Statement), exact_class=True)
register_permission_policy(RoyaltyAdjustment, AdjustmentPermissionPolicy(RoyaltyAdjustment), exact_class=True)


class LicenceViewSet(SnippetViewSet):
    model = Licence
    icon = "doc-full"
    menu_label = _("Licences")
    add_to_admin_menu = True
    menu_order = 310
    list_display = [
        "contract_number",
        # Finance's list: the legal name, explicitly (str(designer) is the public name everyone else sees).
        Column("designer", label=_("Designer (legal name)"), accessor="designer.legal_name",
               sort_key="designer__legal_name"),
        "start_date", "end_date", "sell_off_until", "royalty_percentage", "royalty_per_unit",
    ]
    list_filter = ["designer"]
    search_fields = ["contract_number", "designer__legal_name"]


register_snippet(LicenceViewSet)

statement_viewset = StatementViewSet()
adjustment_viewset = AdjustmentViewSet()


@hooks.register("register_admin_viewset")
def register_royalty_viewsets():
    return [statement_viewset, adjustment_viewset]


@hooks.register("register_admin_urls")
def register_royalty_urls():
    return [
        path("licensing/sales-outside-licences/", admin_views.SalesOutsideLicencesAdminView.as_view(),
             name="licensing_sales_outside_licences"),
        path("licensing/statement/<int:pk>/download.<str:kind>", admin_views.StatementDownloadView.as_view(),
             name="licensing_statement_download"),
        path("licensing/royalty-run/", admin_views.RoyaltyRunView.as_view(), name="licensing_royalty_run"),
        path("licensing/royalty-run/<int:pk>/", admin_views.RoyaltyRunResultView.as_view(),
             name="licensing_royalty_run_result"),
        path("licensing/royalty-run/<int:pk>/issue-drafts/", admin_views.IssueDraftsView.as_view(),
             name="licensing_issue_drafts"),
        path("licensing/accountant-export/", admin_views.AccountantExportView.as_view(),
             name="licensing_accountant_export"),
        path("licensing/ksk-report/", admin_views.KskReportView.as_view(), name="licensing_ksk_report"),
    ]


class FinanceMenuItem(MenuItem):
    def __init__(self, *args, permission="licensing.view_statement", **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_royalties_menu():
    items = [
        FinanceMenuItem(_("Statements"), reverse("licensing_statements:index"), icon_name="doc-full", order=10),
        FinanceMenuItem(_("Royalty run"), reverse("licensing_royalty_run"), icon_name="cogs", order=20,
                        permission=admin_views.ACT_PERMISSION),
        FinanceMenuItem(_("Adjustments"), reverse("licensing_adjustments:index"), icon_name="edit", order=30,
                        permission="licensing.view_royaltyadjustment"),
        FinanceMenuItem(_("Export for the accountant"), reverse("licensing_accountant_export"),
                        icon_name="download", order=40),
        FinanceMenuItem(_("KSK report"), reverse("licensing_ksk_report"), icon_name="table", order=50),
        FinanceMenuItem(_("Sales outside licences"), reverse("licensing_sales_outside_licences"),
                        icon_name="warning", order=60, permission="licensing.view_licence"),
    ]
    return SubmenuMenuItem(_("Royalties"), Menu(items=items), icon_name="doc-full", name="royalties", order=311)
