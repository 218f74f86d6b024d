"""The role matrix: what each role gets from every admin area, dashboard area, collection, settings object and export.

One row per area, one column per role; a cell is the HTTP answer a GET gives. "login" means a redirect to a login
page (the visitor is not signed in, or Wagtail's admin sends a user without admin access back to its login), "denied"
Wagtail admin's refusal of a user with admin access, 403 a refusal, 200 the page. The table is the documentation:
change a role in accounts/roles.py and this must change too.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection, Site

from accounts.roles import PUBLIC_DOCUMENTS_COLLECTION
from products.designers.models import Designer
from products.licensing.documents import contract_collection

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "marketing", "approver", "shop", "finance", "designer", "customer"]
EMAILS = {
    "marketing": "marketing@example.org",
    "approver": "approver@example.org",
    "shop": "shop@example.org",
    "finance": "finance@example.org",
    "designer": "designer@example.org",
    "customer": "matrix-customer@example.org",
}
LOGIN = "login"  # a redirect to a login page
DENIED = "denied"  # Wagtail admin's refusal: back to the admin home with "no permission" (403 for XHR requests)
NOT_LISTED = "not listed"  # the listing answers but shows no private document
OK, FORBIDDEN = 200, 403


def _order_number():
    from oscar.core.loading import get_model

    return get_model("order", "Order").objects.order_by("pk").first().number


def _site_pk():
    return Site.objects.get(is_default_site=True).pk


def _private_document():
    return Document.objects.create(
        title="Lizenzvertrag Matrix", collection=contract_collection(),
        file=ContentFile(b"%PDF-1.4 private", name="matrix-vertrag.pdf"),
    )


def _public_document():
    return Document.objects.create(
        title="Flyer Matrix", collection=Collection.objects.get(name=PUBLIC_DOCUMENTS_COLLECTION),
        file=ContentFile(b"%PDF-1.4 public", name="matrix-flyer.pdf"),
    )


def _serve_url(document):
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


# Rows by who may use an area; columns in the order of ROLES.
WAGTAIL_MARKETING = [LOGIN, OK, OK, LOGIN, DENIED, LOGIN, LOGIN]
WAGTAIL_FINANCE = [LOGIN, DENIED, DENIED, LOGIN, OK, LOGIN, LOGIN]
WAGTAIL_SUPERUSER = [LOGIN, DENIED, DENIED, LOGIN, DENIED, LOGIN, LOGIN]
API_MARKETING = [LOGIN, OK, OK, LOGIN, FORBIDDEN, LOGIN, LOGIN]
API_FINANCE = [LOGIN, FORBIDDEN, FORBIDDEN, LOGIN, OK, LOGIN, LOGIN]
DASHBOARD = [LOGIN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN]

# (area, url builder, expected answers in the order of ROLES)
MATRIX = [
    # --- Wagtail admin -----------------------------------------------------------------------------------------
    ("wagtail admin home", lambda: "/admin/", [LOGIN, OK, OK, LOGIN, OK, LOGIN, LOGIN]),
    ("pages explorer", lambda: "/admin/pages/", WAGTAIL_MARKETING),
    ("images", lambda: "/admin/images/", WAGTAIL_MARKETING),
    ("documents", lambda: "/admin/documents/", [LOGIN, OK, OK, LOGIN, OK, LOGIN, LOGIN]),
    ("collections", lambda: "/admin/collections/", WAGTAIL_SUPERUSER),
    ("snippets: districts", lambda: reverse("wagtailsnippets_campaigns_district:list"), WAGTAIL_MARKETING),
    ("snippets: funders", lambda: reverse("wagtailsnippets_campaigns_funder:list"), WAGTAIL_MARKETING),
    ("snippets: designers (private records)", lambda: reverse("wagtailsnippets_designers_designer:list"),
     WAGTAIL_FINANCE),
    ("snippets: designer edit",
     lambda: reverse("wagtailsnippets_designers_designer:edit", args=[Designer.objects.first().pk]), WAGTAIL_FINANCE),
    ("snippets: licences", lambda: reverse("wagtailsnippets_licensing_licence:list"), WAGTAIL_FINANCE),
    ("localize API: designers", lambda: "/admin/localize/api/snippets/designers/designer/", API_FINANCE),
    ("localize API: one designer",
     lambda: f"/admin/localize/api/snippets/designers/designer/{Designer.objects.first().pk}/", API_FINANCE),
    ("localize API: licences", lambda: "/admin/localize/api/snippets/licensing/licence/", API_FINANCE),
    ("localize API: districts", lambda: "/admin/localize/api/snippets/campaigns/district/", API_MARKETING),
    ("site settings", lambda: f"/admin/settings/home/sitesettings/{_site_pk()}/", WAGTAIL_MARKETING),
    ("bank settings", lambda: f"/admin/settings/home/paymentsettings/{_site_pk()}/", WAGTAIL_FINANCE),
    ("users", lambda: "/admin/users/", WAGTAIL_SUPERUSER),
    ("royalties: statements", lambda: reverse("licensing_statements:index"), WAGTAIL_FINANCE),
    ("royalties: run", lambda: reverse("licensing_royalty_run"), WAGTAIL_FINANCE),
    ("royalties: adjustments", lambda: reverse("licensing_adjustments:index"), WAGTAIL_FINANCE),
    ("royalties: accountant export", lambda: reverse("licensing_accountant_export"), WAGTAIL_FINANCE),
    ("royalties: KSK report", lambda: reverse("licensing_ksk_report"), WAGTAIL_FINANCE),
    ("royalties: sales outside licences", lambda: reverse("licensing_sales_outside_licences"), WAGTAIL_FINANCE),
    ("OSS report", lambda: reverse("oss_report"), WAGTAIL_FINANCE),
    ("OSS report CSV", lambda: reverse("oss_report") + "?year=2026&quarter=4&download=1", WAGTAIL_FINANCE),
    # --- Collections: the listing filtered to one collection, and the documents' serve URLs ---------------------
    ("documents in the private collection",
     lambda: f"/admin/documents/?collection_id={_private_document().collection_id}",
     [LOGIN, NOT_LISTED, NOT_LISTED, LOGIN, OK, LOGIN, LOGIN]),
    ("edit a private document", lambda: f"/admin/documents/edit/{_private_document().pk}/",
     [LOGIN, DENIED, DENIED, LOGIN, OK, LOGIN, LOGIN]),
    ("delete a private document", lambda: f"/admin/documents/delete/{_private_document().pk}/", WAGTAIL_FINANCE),
    ("documents in the public collection",
     lambda: f"/admin/documents/?collection_id={_public_document().collection_id}",
     [LOGIN, OK, OK, LOGIN, OK, LOGIN, LOGIN]),
    ("edit a public document", lambda: f"/admin/documents/edit/{_public_document().pk}/", WAGTAIL_MARKETING),
    # Wagtail's view restriction sends whoever is not in Finance to the login (another account may be).
    ("private document served", lambda: _serve_url(_private_document()),
     [LOGIN, LOGIN, LOGIN, LOGIN, OK, LOGIN, LOGIN]),
    ("public document served", lambda: _serve_url(_public_document()), [OK] * 7),
    # --- Oscar's dashboard -------------------------------------------------------------------------------------
    ("dashboard index", lambda: "/de/shop/dashboard/", DASHBOARD),
    ("dashboard catalogue", lambda: "/de/shop/dashboard/catalogue/", DASHBOARD),
    ("dashboard orders", lambda: "/de/shop/dashboard/orders/", DASHBOARD),
    ("dashboard order CSV export", lambda: "/de/shop/dashboard/orders/?response_format=csv", DASHBOARD),
    ("dashboard order refund", lambda: f"/de/shop/dashboard/orders/{_order_number()}/refund/", DASHBOARD),
    ("dashboard stock overview", lambda: "/de/shop/dashboard/stock/", DASHBOARD),
    ("dashboard stock movements", lambda: "/de/shop/dashboard/stock/movements/", DASHBOARD),
    ("dashboard stock transfer", lambda: "/de/shop/dashboard/stock/transfer/", DASHBOARD),
    ("dashboard stocktake", lambda: "/de/shop/dashboard/stock/stocktake/", DASHBOARD),
    ("dashboard outlet sales", lambda: "/de/shop/dashboard/stock/sales/", DASHBOARD),
    ("dashboard delivery times", lambda: "/de/shop/dashboard/delivery-times/", DASHBOARD),
    ("dashboard users", lambda: "/de/shop/dashboard/users/", DASHBOARD),
    ("dashboard offers", lambda: "/de/shop/dashboard/offers/", DASHBOARD),
    ("dashboard pages", lambda: "/de/shop/dashboard/pages/", DASHBOARD),
    ("dashboard reports", lambda: "/de/shop/dashboard/reports/", DASHBOARD),
    # --- Designer portal ---------------------------------------------------------------------------------------
    ("designer portal", lambda: "/de/portal/", [LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN]),
]

CELLS = [
    pytest.param(area, url, role, expected, id=f"{area} | {role}")
    for area, url, answers in MATRIX
    for role, expected in zip(ROLES, answers, strict=True)
]


@pytest.fixture
def login_as(client, django_user_model):
    def login(role):
        if role == "anonymous":
            return client
        if role == "customer":
            user, _ = django_user_model.objects.get_or_create(email=EMAILS["customer"])
        else:
            user = django_user_model.objects.get(email=EMAILS[role])
        client.force_login(user)
        return client

    return login


def answer(response):
    if response.status_code == 302 and "login" in response["Location"]:
        return LOGIN
    if response.status_code == 302 and response["Location"] == "/admin/":
        return DENIED
    return response.status_code


@pytest.mark.parametrize(("area", "url", "role", "expected"), CELLS)
def test_role_matrix(login_as, area, url, role, expected):
    client = login_as(role)
    response = client.get(url())
    if expected == NOT_LISTED:
        # Wagtail's listing ignores a collection the user may not use: it answers, but lists no private document.
        assert response.status_code == 200
        assert "Lizenzvertrag Matrix" not in response.content.decode()
        private = Document.objects.filter(collection=contract_collection())
        assert all(f"/admin/documents/edit/{doc.pk}/" not in response.content.decode() for doc in private)
        return
    assert answer(response) == expected, f"{area} as {role}: {response.status_code} {response.get('Location', '')}"


def test_the_matrix_covers_every_role():
    assert set(EMAILS) | {"anonymous"} == set(ROLES)
    assert get_user_model().objects.filter(email__in=[e for r, e in EMAILS.items() if r != "customer"]).count() == 5
