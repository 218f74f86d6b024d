from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PERMISSION, OssReportView


@hooks.register("register_admin_urls")
def register_oss_urls():
    return [path("oss-report/", OssReportView.as_view(), name="oss_report")]


class FinanceOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_oss_menu_item():
    return FinanceOnlyMenuItem(_("OSS report"), reverse("oss_report"), icon_name="table", name="oss-report",
                               order=312)
