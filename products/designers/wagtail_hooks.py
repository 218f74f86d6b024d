from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Designer


class DesignerViewSet(SnippetViewSet):
    """Private records: Wagtail shows them only to users with the model permissions (Finance)."""

    model = Designer
    icon = "user"
    menu_label = _("Designers (private)")
    add_to_admin_menu = True
    menu_order = 300
    # Finance's list names both explicitly; str(designer) is the public name (see Designer.__str__).
    list_display = ["legal_name", "public_name", "city", "vat_status", "artists_social_insurance", "user"]
    list_filter = ["vat_status", "artists_social_insurance"]
    search_fields = ["legal_name", "public_name", "email"]


register_snippet(DesignerViewSet)
