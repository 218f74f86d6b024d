"""Designer records and licences are Finance's: other roles cannot list, open or change them."""

import pytest
from django.urls import reverse
from wagtail.documents.models import Document

from products.designers.models import Designer
from products.licensing.documents import contract_collection
from products.licensing.models import Licence

pytestmark = pytest.mark.django_db

OTHERS = ["marketing@example.org", "shop@example.org", "designer@example.org"]


def admin_urls():
    designer = Designer.objects.first()
    licence = Licence.objects.first()
    return [
        reverse("wagtailsnippets_designers_designer:list"),
        reverse("wagtailsnippets_designers_designer:edit", args=[designer.pk]),
        reverse("wagtailsnippets_licensing_licence:list"),
        reverse("wagtailsnippets_licensing_licence:edit", args=[licence.pk]),
        reverse("licensing_sales_outside_licences"),
    ]


def test_finance_opens_designers_licences_and_the_warning_list(client, demo_user):
    client.force_login(demo_user("finance@example.org"))
    for url in admin_urls():
        response = client.get(url)
        assert response.status_code == 200, url
    assert "DE02120300000000202051" in client.get(admin_urls()[1]).content.decode()


@pytest.mark.parametrize("email", OTHERS)
def test_other_roles_are_refused(client, demo_user, email):
    client.force_login(demo_user(email))
    for url in admin_urls():
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "DE02120300000000202051" not in response.content.decode()


@pytest.mark.parametrize("email", OTHERS)
def test_other_roles_cannot_change_a_designer(client, demo_user, email):
    designer = Designer.objects.first()
    client.force_login(demo_user(email))
    url = reverse("wagtailsnippets_designers_designer:edit", args=[designer.pk])
    client.post(url, {"legal_name": "Gekapert", "vat_status": "regular"})
    designer.refresh_from_db()
    assert designer.legal_name != "Gekapert"


def test_anonymous_visitors_are_sent_to_the_login(client):
    for url in admin_urls():
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_signed_contract_is_served_to_finance_only(client, demo_user):
    from django.core.files.base import ContentFile

    document = Document.objects.create(
        title="Vertrag", collection=contract_collection(), file=ContentFile(b"%PDF-1.4 test", name="vertrag.pdf")
    )
    url = reverse("wagtaildocs_serve", args=[document.pk, "vertrag.pdf"])
    for email in OTHERS:
        client.force_login(demo_user(email))
        assert client.get(url).status_code in (302, 403), email
    client.logout()
    assert client.get(url).status_code in (302, 403)
    client.force_login(demo_user("finance@example.org"))
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
