from django.contrib.sitemaps import Sitemap
from oscar.core.loading import get_model
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

Product = get_model("catalogue", "Product")


class PagesSitemap(WagtailSitemap):
    """Every live public page in every language (Wagtail's own sitemap covers only the default site root)."""

    def items(self):
        return (
            Page.objects.live().public().exclude(depth=1).order_by("path").defer_streamfields().specific()
        )


class ProductSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return Product.objects.browsable().order_by("pk")

    def lastmod(self, product):
        return product.date_updated

    def location(self, product):
        return product.get_absolute_url()


SITEMAPS = {"pages": PagesSitemap, "products": ProductSitemap}
