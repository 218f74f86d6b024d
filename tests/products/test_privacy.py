"""Private designer data never leaves Finance's admin: not on public pages, not in page revisions or JSON."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
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
