"""Every block of the library renders, with and without its optional fields; bad input is refused or left out."""

import pytest
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model
from wagtail.blocks import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.models import Image
from wagtail.models import Page

from campaigns.blocks import ContentBlocks
from campaigns.models import Funder
from home.models import ContentPage
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db



Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

BLOCKS = ContentBlocks()


def an_image():
    return Image.objects.order_by("pk").first()


def clean(block_type, value):
    block = BLOCKS.child_blocks[block_type]
    return block.clean(block.to_python(value))


def full_and_minimal_blocks():
    image = an_image().pk
    product = Product.objects.browsable().order_by("pk").first()
    category = Category.objects.get(name="Drucke")
    funder = Funder.objects.filter(locale__language_code="de").order_by("pk").first()
    about = Page.objects.get(slug="ueber-uns", locale__language_code="de")
    designer = Page.objects.get(slug="dana", locale__language_code="de")
    return [
        ("heading", {"text": "Überschrift Zwei", "level": "h2"}, ["<h2 class=\"block-heading\">Überschrift Zwei</h2>"]),
        ("heading", {"text": "Überschrift Drei", "level": "h3"}, ["<h3 class=\"block-heading\">Überschrift Drei</h3>"]),
        ("paragraph", "<p>Absatz mit <b>Fett</b></p>", ["Absatz mit <b>Fett</b>"]),
        ("image", {"image": image, "alt_text": "Ein Bildtext", "caption": "Bildunterschrift", "credit": "Fotografin"},
         ['alt="Ein Bildtext"', "Bildunterschrift", "© Fotografin", 'type="image/avif"']),
        ("image", {"image": image, "alt_text": "", "decorative": True}, ['alt=""']),
        ("gallery", {"title": "Galerie", "images": [
            {"image": image, "alt_text": "Erstes"}, {"image": image, "alt_text": "Zweites", "caption": "Mit Text"}]},
         ["Galerie", 'alt="Erstes"', 'alt="Zweites"', "Mit Text"]),
        ("gallery", {"title": "", "images": [{"image": image, "alt_text": "A"}, {"image": image, "alt_text": "B"}]},
         ['class="block-gallery"']),
        ("quote", {"quote": "Ein Zitat", "attribution": "Jemand (fiktiv)"}, ["Ein Zitat", "— Jemand (fiktiv)"]),
        ("quote", {"quote": "Ohne Urheber", "attribution": ""}, ["Ohne Urheber"]),
        ("video", {"video": "https://example.com/kein-video", "caption": "Film ansehen"},
         ['href="https://example.com/kein-video"', "Film ansehen"]),
        ("call_to_action", {"text": "Mitmachen!", "button_label": "Zur Seite", "page": about.pk, "url": ""},
         ["Mitmachen!", 'href="/de/ueber-uns/"', "Zur Seite"]),
        ("call_to_action", {"text": "", "button_label": "Extern", "page": None, "url": "https://example.org/x"},
         ['href="https://example.org/x"']),
        ("key_figures", {"title": "In Zahlen", "figures": [{"number": "14", "label": "Ateliers"}]},
         ["In Zahlen", "<dd>14</dd>", "<dt>Ateliers</dt>"]),
        ("key_figures", {"title": "", "figures": [{"number": "3", "label": "Viertel"}]}, ["<dd>3</dd>"]),
        ("product_teaser", {"product": product.pk, "text": "Warum dieses Produkt"},
         [product.get_title(), "Warum dieses Produkt", "product-card"]),
        ("product_teaser", {"product": product.pk, "text": ""}, [product.get_absolute_url()]),
        ("product_list", {"title": "Drucke", "source": "category", "category": category.pk, "products": [],
                          "max_count": 24}, ["Drucke", "Druck „Jülicher Straße“"]),
        ("product_list", {"title": "", "source": "products", "category": None, "products": [product.pk],
                          "max_count": 4}, [product.get_absolute_url()]),
        ("location", {"name": "Museumsshop", "address": "Musterstraße 1\n52062 Aachen",
                      "opening_hours": "Di–So 10–18 Uhr", "map_url": "https://example.org/karte"},
         ["<address>Musterstraße 1<br>52062 Aachen</address>", "Di–So 10–18 Uhr", "https://example.org/karte"]),
        ("location", {"name": "Depot", "address": "Talstraße 2", "opening_hours": "", "map_url": ""},
         ["<address>Talstraße 2</address>"]),
        ("funding_notice", {"funders": [funder.pk]}, [funder.notice, 'alt="' + funder.name]),
        ("designer_teaser", {"designer_page": designer.pk, "text": "Entwirft für das Viertel"},
         ["designer-teaser", designer.title, "Entwirft für das Viertel", f'href="{designer.url}"']),
        ("designer_teaser", {"designer_page": designer.pk, "text": ""}, [f'href="{designer.url}"']),
        ("designer_products", {"heading": "Von Dana", "designer_page": designer.pk, "limit": 2},
         ["Von Dana", "designer-products", f"Mehr über {designer.title}"]),
        ("designer_products", {"heading": "", "designer_page": designer.pk, "limit": 1}, ["designer-products"]),
    ]


def test_every_block_renders_with_and_without_optional_fields(client, make_campaign):
    cases = full_and_minimal_blocks()
    assert {case[0] for case in cases} == set(BLOCKS.child_blocks), "every block type has a case"
    page = make_campaign(body=[{"type": t, "value": v} for t, v, _ in cases])
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    for block_type, _, expected in cases:
        for fragment in expected:
            assert fragment in html, f"{block_type}: {fragment!r} missing"


def test_funding_notice_without_chosen_funders_shows_the_page_funders(client, make_campaign):
    funder = Funder.objects.filter(locale__language_code="de").order_by("pk").last()
    page = make_campaign(body=[{"type": "funding_notice", "value": {"funders": []}}])
    page.funders = [funder]
    page.save_revision().publish()
    assert funder.notice in client.get(page.url).content.decode()


def test_image_block_requires_alt_text_unless_decorative():
    image = an_image().pk
    with pytest.raises(StructBlockValidationError) as error:
        clean("image", {"image": image, "alt_text": "  ", "decorative": False})
    assert "alt_text" in error.value.block_errors
    assert clean("image", {"image": image, "alt_text": "", "decorative": True})["decorative"]
    with pytest.raises(StreamBlockValidationError):
        BLOCKS.clean(BLOCKS.to_python([
            {"type": "gallery", "value": {"images": [{"image": image}, {"image": image, "alt_text": "ok"}]}}
        ]))


def test_a_video_url_that_cannot_be_embedded_is_refused():
    from django.utils import translation

    with translation.override("en"):
        with pytest.raises(StructBlockValidationError) as error:
            clean("video", {"video": "https://example.com/kein-video", "caption": ""})
        assert "This link cannot be embedded" in str(error.value.block_errors["video"].messages)


def test_product_list_needs_its_source():
    with pytest.raises(StructBlockValidationError) as error:
        clean("product_list", {"source": "category", "category": None, "products": [], "max_count": 4})
    assert "category" in error.value.block_errors
    with pytest.raises(StructBlockValidationError) as error:
        clean("product_list", {"source": "products", "category": None, "products": [], "max_count": 4})
    assert "products" in error.value.block_errors


def test_call_to_action_needs_a_target():
    with pytest.raises(StructBlockValidationError) as error:
        clean("call_to_action", {"text": "", "button_label": "Los", "page": None, "url": ""})
    assert "page" in error.value.block_errors


def test_a_deleted_product_is_left_out_of_the_page(client, make_campaign):
    kept, deleted = ProductFactory(title="Bleibt im Block"), ProductFactory(title="Wird gelöscht")
    page = make_campaign(body=[
        {"type": "product_teaser", "value": {"product": deleted.pk, "text": "Gelöschtes Produkt"}},
        {"type": "product_list", "value": {"source": "products", "products": [deleted.pk, kept.pk], "max_count": 4}},
    ])
    deleted.delete()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bleibt im Block" in html
    assert "Wird gelöscht" not in html and "Gelöschtes Produkt" not in html


def test_content_pages_reuse_the_blocks(client):
    home = Page.objects.get(depth=2, locale__language_code="de")
    product = Product.objects.browsable().order_by("pk").first()
    page = ContentPage(title="Blockseite", slug="blockseite", body=[
        {"type": "product_list", "value": {"source": "products", "products": [product.pk], "max_count": 4}},
        {"type": "key_figures", "value": {"figures": [{"number": "7", "label": "Tage"}]}},
    ])
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/de/blockseite/").content.decode()
    assert product.get_absolute_url() in html and "<dd>7</dd>" in html


def test_blocks_reject_non_image_values():
    with pytest.raises(ValidationError):
        BLOCKS.child_blocks["image"].child_blocks["image"].clean(None)
