from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .services import sales_outside_licences, with_licence_flags


class SalesOutsideLicencesView(TemplateView):
    """Finance's warning list: products sold when no licence covered them."""

    template_name = "licensing/admin/sales_outside_licences.html"
    permission = "licensing.view_licence"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = with_licence_flags(sales_outside_licences())
        context["page_title"] = _("Sales outside licences")
        return context
