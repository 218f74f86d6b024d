from oscar.apps.dashboard.catalogue import views as oscar_views
from oscar.apps.dashboard.catalogue.views import *  # noqa: F403  (Oscar fork: the rest stay Oscar's)

from .forms import ProductTranslationFormSet


class ProductCreateUpdateView(oscar_views.ProductCreateUpdateView):
    translation_formset = ProductTranslationFormSet

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.formsets["translation_formset"] = self.translation_formset
