from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve as serve_static_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import localize_api
from home import views as home_views
from home.sitemaps import SITEMAPS

urlpatterns = [
    # Before Wagtail's admin URLs, which include wagtail-localize's unchecked versions of these two.
    path("admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/", localize_api.snippet_listing),
    path("admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/", localize_api.snippet_detail),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg", permanent=True)),
]

urlpatterns += i18n_patterns(
    path("search/", home_views.site_search, name="site_search"),
    path("shop/invoice/", include("shop.invoicing.urls")),
    path("shop/withdrawal/", include("shop.order.withdrawal_urls")),
    path("shop/widerrufsformular.pdf", home_views.withdrawal_form_pdf, name="withdrawal_form_pdf"),
    path("shop/", include(apps.get_app_config("oscar").urls[0])),
    path("portal/", include("products.licensing.portal.urls")),
    # Wagtail's catch-all must stay last.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)


# Pictures only: Wagtail's images and renditions, Oscar's product images, sorl's thumbnails, Oscar's placeholder.
PUBLIC_MEDIA_PATHS = r"(?:original_images|images|cache)/.+|image_not_found\.jpg"


def public_media_urlpatterns():
    """The pictures in MEDIA_ROOT, as a proxy may serve them in production (see README). Never the rest: documents,
    the private contracts among them, go only through Wagtail's permission-checked /documents/ view."""
    prefix = settings.MEDIA_URL.lstrip("/")
    return [
        re_path(rf"^{prefix}(?P<path>{PUBLIC_MEDIA_PATHS})$", serve_static_file, {"document_root": settings.MEDIA_ROOT})
    ]


if settings.DEBUG:
    urlpatterns = public_media_urlpatterns() + urlpatterns

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
