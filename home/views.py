from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.http import require_GET

from . import services

SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def site_search(request):
    query = request.GET.get("q", "").strip()[:200]
    pages = products = None
    if query:
        pages = Paginator(services.search_pages(query), SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        products = list(services.search_products(query)[:12])
    return render(
        request,
        "home/search_results.html",
        {"search_query": query, "page_results": pages, "product_results": products},
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/shop/basket/",
        "Disallow: /*/shop/checkout/",
        "Disallow: /*/shop/accounts/",
        "Disallow: /*/shop/dashboard/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors here: whatever broke the page may break them too.
    return HttpResponseServerError(loader.get_template("500.html").render())


@require_GET
def withdrawal_form_pdf(request):
    """The Muster-Widerrufsformular (Anlage 2 EGBGB) with the seller's address, as a PDF anyone may download."""
    from . import legal_documents
    from .models import SiteSettings

    pdf = legal_documents.withdrawal_form_pdf(SiteSettings.for_request(request))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{legal_documents.WITHDRAWAL_FORM_FILENAME}"'
    return response
