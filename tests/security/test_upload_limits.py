"""A 121-megapixel PNG (a few KB compressed) is refused as a Wagtail image and as an Oscar product image."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_class, get_model
from PIL import Image
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

ProductImage = get_model("catalogue", "ProductImage")


def huge_png(side=11_000):
    buffer = io.BytesIO()
    Image.new("1", (side, side)).save(buffer, format="PNG")
    return SimpleUploadedFile("huge.png", buffer.getvalue(), content_type="image/png")


def small_png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, format="PNG")
    return SimpleUploadedFile("small.png", buffer.getvalue(), content_type="image/png")


def test_the_wagtail_admin_refuses_the_upload_with_a_clear_error(client, demo_user):
    client.force_login(demo_user("admin@example.org"))
    before = get_image_model().objects.count()
    upload = huge_png()
    assert upload.size < 200_000
    response = client.post("/admin/images/add/", {"title": "Bomb", "file": upload, "collection": 1})
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["file"]
    assert [error.code for error in errors] == ["file_too_many_pixels"]
    assert get_image_model().objects.count() == before


def test_a_normal_image_is_still_accepted(client, demo_user):
    client.force_login(demo_user("admin@example.org"))
    before = get_image_model().objects.count()
    response = client.post("/admin/images/add/", {"title": "Small", "file": small_png(), "collection": 1})
    assert response.status_code == 302
    assert get_image_model().objects.count() == before + 1


def test_the_product_image_form_refuses_it(client):
    ProductImageForm = get_class("dashboard.catalogue.forms", "ProductImageForm")
    product = get_model("catalogue", "Product").objects.filter(parent=None).first()
    before = ProductImage.objects.count()
    form = ProductImageForm(
        data={"images-0-product": product.pk, "images-0-display_order": 0},
        files={"images-0-original": huge_png()},
        prefix="images-0",
    )
    assert not form.is_valid()
    assert "original" in form.errors
    assert ProductImage.objects.count() == before
