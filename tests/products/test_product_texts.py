"""Product texts in the visitor's language, with the German text where a translation is missing."""

import pytest
from django.utils import translation
from oscar.core.loading import get_model

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductTranslation = get_model("catalogue", "ProductTranslation")


def product_page(client, product, language):
    response = client.get(f"/{language}/shop/catalogue/{product.slug}_{product.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_english_visitor_reads_the_english_texts(client):
    product = Product.objects.get(upc="MIAN-H-001")
    html = product_page(client, product, "en")
    assert "<h1>Stool “Rail”</h1>" in html
    assert "built in the depot&#x27;s wood workshop" in html
    assert "Oak from regional forestry" in html


def test_missing_language_falls_back_to_german(client):
    product = Product.objects.get(upc="MIAN-H-001")
    assert not product.translations.filter(language="nl").exclude(title="").exists()
    html = product_page(client, product, "nl")
    assert "<h1>Hocker „Schiene“</h1>" in html
    assert "Holzwerkstatt des Depots" in html


def test_partial_translation_falls_back_field_by_field(client):
    product = Product.objects.get(upc="MIAN-P-002")  # Dutch title only
    html = product_page(client, product, "nl")
    assert "<h1>Ansichtkaartenset „Wijk”</h1>" in html
    assert "Acht Postkarten mit Ansichten aus Aachen-Nord" in html


def test_blank_translated_title_never_empties_the_page(client):
    product = Product.objects.get(upc="MIAN-H-003")
    ProductTranslation.objects.filter(product=product, language="en").update(title="  ", description="")
    html = product_page(client, product, "en")
    assert "<h1>Becher „Frühschicht“</h1>" in html
    assert "Handgedrehter Becher" in html


def test_variant_without_own_text_uses_its_parents_translation():
    parent = Product.objects.get(upc="MIAN-T-001")
    child = parent.children.first()
    child.title = ""
    ProductTranslation.objects.filter(product=child).delete()
    with translation.override("en"):
        assert child.get_title() == "T-shirt “Depot”"
    with translation.override("de"):
        assert child.get_title() == "Shirt „Depot“"


def test_catalogue_lists_titles_in_the_visitors_language(client):
    html = client.get("/en/shop/catalogue/").content.decode()
    assert "Postcard set “District”" in html
    assert "Postkartenset" not in html


def test_product_page_shows_label_badge_maker_and_product_safety_contact(client):
    product = Product.objects.get(upc="MIAN-H-008")
    html = product_page(client, product, "de")
    assert 'class="label-badge"' in html
    assert "Sozialwerkstatt im Depot" in html
    assert "Quartiersbüro Aachen-Nord e. V. (Demo)" in html and "info@made-in-aachen-nord.example" in html
    assert "Nur mit LED-Leuchtmitteln" in html
    product.is_label_product = False
    product.save()
    assert 'class="label-badge"' not in product_page(client, product, "de")
