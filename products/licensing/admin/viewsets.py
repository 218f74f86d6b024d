"""Wagtail viewsets for statements (list + detail only) and royalty adjustments (editable until settled)."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import RoyaltyAdjustment, Statement
from ..periods import Period
from ..services import adjustment_is_settled
from .views import STATEMENT_DETAIL, StatementDetailView


class StatementPermissionPolicy(ModelPermissionPolicy):
    """Statements change only through the run and the issue/pay actions: no generic add, edit or delete form."""

    READ_ONLY = {"view"}

    def user_has_permission(self, user, action):
        return action in self.READ_ONLY and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action in self.READ_ONLY])


class AdjustmentPermissionPolicy(ModelPermissionPolicy):
    """An adjustment settled in an issued statement is part of a Gutschrift: it can be looked at, not changed."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "delete") and adjustment_is_settled(instance):
            return False
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)


def _period_choices():
    starts = Statement.objects.values_list("period_start", "period_end").distinct().order_by("-period_start")
    return [(start.isoformat(), Period(start, end).label) for start, end in starts]


class StatementFilterSet(WagtailFilterSet):
    period_start = django_filters.ChoiceFilter(label=_("Period"), choices=_period_choices)
    designer = django_filters.ModelChoiceFilter(
        label=_("Designer"), queryset=lambda request: Statement._meta.get_field("designer").related_model.objects.all()
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Statement.Status.choices)

    class Meta:
        model = Statement
        fields = ["period_start", "designer", "status"]


class StatementIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("designer").defer("pdf")  # PDFs only on download


class StatementViewSet(ModelViewSet):
    model = Statement
    name = "licensing_statements"
    url_prefix = "licensing/statements"
    icon = "doc-full"
    menu_label = _("Statements")
    add_to_admin_menu = False
    index_view_class = StatementIndexView
    inspect_view_enabled = True
    inspect_view_class = StatementDetailView
    copy_view_enabled = False
    filterset_class = StatementFilterSet
    list_per_page = 50
    list_display = [
        TitleColumn(
            "number", label=_("Number"), accessor=lambda statement: statement.number or _("Draft"),
            get_url=lambda statement: reverse(STATEMENT_DETAIL, args=[statement.pk]), sort_key="sequence",
        ),
        Column("designer", label=_("Designer"), accessor="designer.legal_name", sort_key="designer__legal_name"),
        Column("period", label=_("Period"), accessor=lambda s: Period(s.period_start, s.period_end).label,
               sort_key="period_start"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("net_total", label=_("Net"), sort_key="net_total"),
        Column("payout_amount", label=_("Payout"), sort_key="payout_amount"),
        Column("carried_forward", label=_("Carried forward")),
        DateColumn("paid_on", label=_("Paid on"), sort_key="paid_on"),
    ]

    def get_urlpatterns(self):
        """Only the list and the detail page: there is no generic form that could add, edit or delete one."""
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


class SettledAdjustmentGuard:
    """Edit and delete refuse settled adjustments on the server, whatever link was followed."""

    def get_object(self, queryset=None):
        adjustment = super().get_object(queryset)
        if adjustment_is_settled(adjustment):
            raise PermissionDenied
        return adjustment


class AdjustmentCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class AdjustmentEditView(SettledAdjustmentGuard, generic.EditView):
    pass


class AdjustmentDeleteView(SettledAdjustmentGuard, generic.DeleteView):
    pass


class AdjustmentIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("designer", "statement")

    def get_edit_url(self, instance):
        return None if adjustment_is_settled(instance) else super().get_edit_url(instance)

    def get_delete_url(self, instance):
        return None if adjustment_is_settled(instance) else super().get_delete_url(instance)


class AdjustmentViewSet(ModelViewSet):
    model = RoyaltyAdjustment
    name = "licensing_adjustments"
    url_prefix = "licensing/adjustments"
    icon = "edit"
    menu_label = _("Adjustments")
    add_to_admin_menu = False
    index_view_class = AdjustmentIndexView
    add_view_class = AdjustmentCreateView
    edit_view_class = AdjustmentEditView
    delete_view_class = AdjustmentDeleteView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["designer", "licence", "amount", "text"]
    # The legal name (str(designer) is the public one); a lookup keeps Wagtail's linked title column.
    list_display = ["designer__legal_name", "amount", "text", "statement", DateColumn("created_at", label=_("created"))]
    list_filter = ["designer"]
    inspect_view_fields = ["designer", "licence", "amount", "text", "statement", "created_at", "created_by"]
