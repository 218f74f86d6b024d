"""Admin choosers for Oscar products and categories (Oscar's models are not Wagtail models)."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet


class TitleSearchForm(BaseFilterForm):
    """Search by title or UPC in the database; Oscar's models have no Wagtail search index."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )
    search_fields = ("title__icontains",)

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            condition = Q()
            for lookup in self.search_fields:
                condition |= Q(**{lookup: query})
            objects = objects.filter(condition)
            self.is_searching = True
            self.search_query = query
        return objects


class ProductSearchForm(TitleSearchForm):
    search_fields = ("title__icontains", "upc__iexact")


class CategorySearchForm(TitleSearchForm):
    search_fields = ("name__icontains",)


class ProductChooseMixin:
    filter_form_class = ProductSearchForm
    ordering = ["title", "pk"]

    def get_object_list(self):
        return self.model_class.objects.browsable()

    @property
    def columns(self):
        return [self.title_column, Column("upc", label=_("UPC"))]


class ProductChooseView(ProductChooseMixin, ChooseView):
    pass


class ProductChooseResultsView(ProductChooseMixin, ChooseResultsView):
    pass


class CategoryChooseMixin:
    filter_form_class = CategorySearchForm
    ordering = ["path"]

    @property
    def columns(self):
        return [self.title_column]


class CategoryChooseView(CategoryChooseMixin, ChooseView):
    pass


class CategoryChooseResultsView(CategoryChooseMixin, ChooseResultsView):
    pass


class ProductChooserViewSet(ChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView
    edit_item_url_name = None


class CategoryChooserViewSet(ChooserViewSet):
    model = "catalogue.Category"
    icon = "folder-open-inverse"
    choose_one_text = _("Choose a category")
    choose_another_text = _("Choose another category")
    choose_view_class = CategoryChooseView
    choose_results_view_class = CategoryChooseResultsView


product_chooser_viewset = ProductChooserViewSet("product_chooser")
category_chooser_viewset = CategoryChooserViewSet("category_chooser")
