"""Finance's signed contracts (collection "Lizenzverträge (privat)") are out of Marketing's reach, are served only
through Wagtail's permission-checked view, and no uploaded document runs as a page on the site's origin."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection

from accounts.roles import PUBLIC_DOCUMENTS_COLLECTION, sync_role_groups
from config.urls import public_media_urlpatterns
from products.licensing.documents import contract_collection

pytestmark = pytest.mark.django_db

MARKETING = ["marketing@example.org", "approver@example.org"]
XHR = {"x-requested-with": "XMLHttpRequest"}


@pytest.fixture
def contract():
    return Document.objects.create(
        title="Lizenzvertrag Dana Design", collection=contract_collection(),
        file=ContentFile(b"%PDF-1.4 contract", name="lizenzvertrag-dana.pdf"),
    )


def public_collection():
    return Collection.objects.get(name=PUBLIC_DOCUMENTS_COLLECTION)


@pytest.mark.parametrize("email", MARKETING)
def test_marketing_neither_lists_nor_chooses_a_private_contract(client, demo_user, email, contract):
    client.force_login(demo_user(email))
    for url in [
        "/admin/documents/",
        f"/admin/documents/?collection_id={contract.collection_id}",
        "/admin/documents/chooser/",
        f"/admin/documents/chooser/results/?collection_id={contract.collection_id}",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert contract.title not in html and f"/admin/documents/edit/{contract.pk}/" not in html, url


@pytest.mark.parametrize("email", MARKETING)
def test_marketing_cannot_edit_move_or_delete_a_private_contract(client, demo_user, email, contract):
    client.force_login(demo_user(email))
    for url in [f"/admin/documents/edit/{contract.pk}/", f"/admin/documents/delete/{contract.pk}/"]:
        assert client.get(url, headers=XHR).status_code == 403, url
    root = Collection.get_first_root_node()
    client.post(f"/admin/documents/edit/{contract.pk}/", {"title": contract.title, "collection": root.pk})
    client.post(f"/admin/documents/delete/{contract.pk}/")
    contract.refresh_from_db()
    assert contract.collection == contract_collection()
    # The move that used to make a contract public: it stays refused, anonymous visitors still get no file.
    response = client.get(reverse("wagtaildocs_serve", args=[contract.pk, contract.filename]))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("email", MARKETING)
def test_marketing_manages_the_website_documents(client, demo_user, email):
    client.force_login(demo_user(email))
    flyer = ContentFile(b"%PDF-1.4 flyer", name="flyer.pdf")
    response = client.post(
        "/admin/documents/multiple/add/", {"files[]": flyer, "collection": public_collection().pk}, headers=XHR
    )
    assert response.status_code == 200, response.content.decode()[:500]
    assert response.json()["success"], response.content.decode()[:1000]
    document = Document.objects.get(pk=response.json()["doc_id"])
    assert document.collection == public_collection()
    assert client.get(f"/admin/documents/edit/{document.pk}/").status_code == 200
    response = client.post(f"/admin/documents/delete/{document.pk}/")
    assert response.status_code == 302 and not Document.objects.filter(pk=document.pk).exists()
    # ...but may not put one into the private collection.
    # (With one collection to choose from, Wagtail's form has no collection field and uses that one.)
    fields = client.get("/admin/documents/add/").context["form"].fields
    choices = [str(value) for value, _label in fields["collection"].choices] if "collection" in fields else []
    assert str(contract_collection().pk) not in choices


def test_finance_lists_and_edits_contracts_but_not_the_website_documents(client, demo_user, contract):
    client.force_login(demo_user("finance@example.org"))
    assert contract.title in client.get("/admin/documents/").content.decode()
    assert client.get(f"/admin/documents/edit/{contract.pk}/").status_code == 200
    flyer = Document.objects.create(
        title="Flyer", collection=public_collection(), file=ContentFile(b"%PDF-1.4", name="flyer.pdf")
    )
    assert client.get(f"/admin/documents/edit/{flyer.pk}/", headers=XHR).status_code == 403


def test_the_private_contract_is_served_to_finance_only(client, demo_user, contract):
    url = reverse("wagtaildocs_serve", args=[contract.pk, contract.filename])
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    for email in MARKETING:
        client.force_login(demo_user(email))
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], email
    client.force_login(demo_user("finance@example.org"))
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_role_sync_takes_back_marketings_old_grants_on_the_root_collection(demo_user):
    """Databases synced before the split held Marketing's document permissions on the root collection."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupCollectionPermission

    marketing = Group.objects.get(name="Marketing")
    change = Permission.objects.get(content_type__app_label="wagtaildocs", codename="change_document")
    GroupCollectionPermission.objects.create(
        group=marketing, collection=Collection.get_first_root_node(), permission=change
    )
    marketing.permissions.add(change)
    sync_role_groups()
    assert not demo_user("marketing@example.org").has_perm("wagtaildocs.change_document")
    assert not GroupCollectionPermission.objects.filter(
        group=marketing, collection=Collection.get_first_root_node(), permission=change
    ).exists()
    assert GroupCollectionPermission.objects.filter(
        group=marketing, collection=public_collection(), permission=change
    ).exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [("page.html", b"<script>alert(document.cookie)</script>", "text/html"),
     ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml")],
)
def test_uploaded_html_and_svg_are_downloads_never_pages(client, name, content, content_type):
    document = Document.objects.create(
        title=name, collection=public_collection(), file=ContentFile(content, name=name)
    )
    response = client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Content-Type"].startswith(content_type)


def test_media_url_serves_pictures_only_never_documents():
    """In development Django serves MEDIA_URL (in production the proxy, README): pictures only, no documents."""
    (pattern,) = public_media_urlpatterns()
    for path in ["media/images/foto.width-400.jpg", "media/original_images/foto.jpg", "media/cache/ab/cd/x.jpg",
                 "media/image_not_found.jpg"]:
        assert pattern.resolve(path), path
    for path in ["media/documents/lizenzvertrag-dana.pdf", "media/documents/page.html", "media/other/x"]:
        assert pattern.resolve(path) is None, path

