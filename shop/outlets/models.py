from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .services import open_outlets


class WhereToBuyPage(Page):
    """Lists the open outlets (museum shop, pop-up stores, fair-trade partners) with their opening hours."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("where to buy page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outlets"] = open_outlets()
        return context
