"""Catalogue listing through the ORM.

Oscar 4.2 lists products through haystack, whose simple backend returns nothing
for an empty query; an ORM queryset works the same on SQLite and PostgreSQL and
keeps the query count fixed through product_cards()' prefetching. Oscar's
get_class falls back to its own views for everything not defined here.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView
from oscar.core.loading import get_model

from .queries import licences_prefetch, product_cards, public_children_prefetch

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")


class CatalogueView(ListView):
    context_object_name = "products"
    template_name = "oscar/catalogue/browse.html"

    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            messages.error(request, _("The given page number was invalid."))
            return redirect(request.path)

    def get_queryset(self):
        return product_cards().order_by("-date_created", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = _("All products")
        return context


class ProductCategoryView(CatalogueView):
    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=self.kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        expected = self.category.get_absolute_url()
        if expected != request.path:
            return HttpResponsePermanentRedirect(expected)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(categories__in=self.category.get_descendants_and_self())
            .distinct()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        return context


class ProductDetailView(OscarProductDetailView):
    """Oscar's product page, plus designer, maker and texts in the visitor's language.

    Everything the page shows per variant is prefetched, so the query count does not grow with them.
    """

    def get_object(self, queryset=None):
        if queryset is None:
            queryset = Product.objects.select_related("product_class", "parent", "maker").prefetch_related(
                "images", "stockrecords", "translations", licences_prefetch(), "parent__licences",
                public_children_prefetch("translations", with_attributes=True),
            )
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        from products.designers.services import designer_pages_for

        context = super().get_context_data(**kwargs)
        product = context["product"]
        context["designer_pages"] = designer_pages_for(product)
        context["maker"] = product.maker or default_maker()
        return context


def default_maker():
    """The social workshop: the maker of every product that names no other."""
    return Partner.objects.filter(kind=Partner.Kind.WORKSHOP).order_by("pk").first()
