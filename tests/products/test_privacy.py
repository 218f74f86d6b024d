"""Private designer data never leaves Finance's admin: not on public pages, not in page revisions or JSON."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from oscar.core.loading import get_model
from wagtail.models import Page

from products.designers.models import Designer

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
PRIVATE_FIELDS = ("legal_name", "street", "email", "tax_number", "vat_id", "payout_iban")


def private_values():
    values = set()
    for designer in Designer.objects.all():
        for field in PRIVATE_FIELDS:
            value = getattr(designer, field)
            # A published name may equal the legal name (the demo's Dana Design); only distinct values can leak.
            if value and not (field == "legal_name" and designer.pages.filter(title=value).exists()):
                values.add(value)
    assert len(values) >= 10
    return values


def public_urls():
    urls = [page.url for page in Page.objects.live().public().specific() if page.depth > 1]
    urls += [product.get_absolute_url() for product in Product.objects.browsable()]
    urls += [f"/en{url[3:]}" for url in urls if url.startswith("/de/shop/")]
    return urls


def test_no_private_value_on_any_public_page(client):
    secrets = private_values()
    urls = public_urls()
    assert any("/designerinnen/" in url for url in urls) and any("/en/designers/" in url for url in urls)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        leaked = [value for value in secrets if value in html]
        assert leaked == [], f"{url} shows {leaked}"


def test_no_private_value_in_page_revisions_or_page_json():
    secrets = private_values()
    for page in Page.objects.type(Page).specific():
        documents = [json.dumps(revision.content, cls=DjangoJSONEncoder) for revision in page.revisions.all()]
        documents.append(page.to_json())
        for document in documents:
            assert [value for value in secrets if value in document] == [], page.url_path


# --- The admin: Marketing works with designer pages, never with the private records --------------------------------

MARKETING = ["marketing@example.org", "approver@example.org"]


def legal_names():
    """Legal names that differ from the name the designer is published under (those are the secret ones)."""
    names = {designer.legal_name for designer in Designer.objects.all() if designer.legal_name != designer.public_name}
    assert len(names) >= 2
    return names


def test_a_designer_record_is_shown_by_its_public_name_or_code():
    designer = Designer.objects.exclude(legal_name__in=["", None]).filter(pages__isnull=False).first()
    assert str(designer) == designer.public_name == designer.pages.order_by("pk").first().title
    designer.public_name = ""
    assert str(designer) == f"D-{designer.pk:03d}"
    assert designer.legal_name not in str(designer)


@pytest.mark.parametrize("email", MARKETING)
def test_the_localize_snippet_api_refuses_marketing(client, demo_user, email):
    client.force_login(demo_user(email))
    designer = Designer.objects.first()
    for url in ["/admin/localize/api/snippets/designers/designer/",
                f"/admin/localize/api/snippets/designers/designer/{designer.pk}/",
                "/admin/localize/api/snippets/licensing/licence/"]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert not [name for name in legal_names() if name in response.content.decode()], url
    # The snippets Marketing does translate still come through.
    assert client.get("/admin/localize/api/snippets/campaigns/district/").status_code == 200


def test_the_localize_snippet_api_answers_finance(client, demo_user):
    client.force_login(demo_user("finance@example.org"))
    response = client.get("/admin/localize/api/snippets/designers/designer/")
    assert response.status_code == 200
    titles = {row["title"] for row in response.json()["results"]} if isinstance(response.json(), dict) else {
        row["title"] for row in response.json()}
    assert titles == {str(designer) for designer in Designer.objects.all()}
    assert client.get("/admin/localize/api/snippets/campaigns/district/").status_code == 403


@pytest.mark.parametrize("email", MARKETING)
def test_choosers_and_the_designer_page_editor_show_marketing_no_legal_name(client, demo_user, email):
    from products.designers.models import DesignerPage

    client.force_login(demo_user(email))
    page = DesignerPage.objects.filter(designer__isnull=False).exclude(
        designer__legal_name=models.F("title")).first()
    urls = [
        f"/admin/pages/{page.pk}/edit/",
        "/admin/snippets/choose/designers/designer/",
        "/admin/snippets/choose/designers/designer/results/",
        "/admin/snippets/choose/licensing/licence/",
        "/admin/snippets/choose/licensing/licence/results/",
    ]
    for url in urls:
        response = client.get(url)
        html = response.content.decode()
        assert [name for name in legal_names() if name in html] == [], url
    editor = client.get(urls[0])
    assert editor.status_code == 200 and page.designer.public_name in editor.content.decode()


def test_finance_sees_legal_names_in_its_lists(client, demo_user):
    from django.urls import reverse

    client.force_login(demo_user("finance@example.org"))
    for url in [reverse("wagtailsnippets_designers_designer:list"), reverse("wagtailsnippets_licensing_licence:list"),
                reverse("licensing_statements:index")]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert [name for name in legal_names() if name in html], url
