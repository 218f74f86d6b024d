from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Licence
from .views import SalesOutsideLicencesView


class LicenceViewSet(SnippetViewSet):
    model = Licence
    icon = "doc-full"
    menu_label = _("Licences")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["contract_number", "designer", "start_date", "end_date", "royalty_percentage", "royalty_per_unit"]
    list_filter = ["designer"]
    search_fields = ["contract_number", "designer__legal_name"]


register_snippet(LicenceViewSet)


@hooks.register("register_admin_urls")
def register_sales_outside_licences_url():
    return [path("licensing/sales-outside-licences/", SalesOutsideLicencesView.as_view(),
                 name="licensing_sales_outside_licences")]


class FinanceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("licensing.view_licence")


@hooks.register("register_admin_menu_item")
def register_sales_outside_licences_menu_item():
    return FinanceMenuItem(
        _("Sales outside licences"), reverse("licensing_sales_outside_licences"), icon_name="warning", order=311
    )
