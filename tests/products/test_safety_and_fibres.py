"""Safety and material texts in the visitor's language; fibre names per the EU Textile Regulation (issue 13)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from products.catalogue.textiles import composition_errors
from tests.factories import ProductFactory
from tests.products.test_dashboard_translations import form_errors, form_values

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductTranslation = get_model("catalogue", "ProductTranslation")

TEXTS = {
    "en": ("100 % wool (merino)", "Keep away from fire."),
    "nl": ("100 % wol (merino)", "Uit de buurt van vuur houden."),
    "fr": ("100 % laine (mérinos)", "Tenir éloigné du feu."),
}


def product_page(client, product, language):
    response = client.get(f"/{language}/shop/catalogue/{product.slug}_{product.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def textile(material="100 % Wolle (Merino)", **kwargs):
    return ProductFactory(product_class=ProductClass.objects.get(slug="textil"), material=material, **kwargs)


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
def test_material_and_safety_text_in_the_visitors_language(client, language):
    product = textile(safety_information="Von Feuer fernhalten.")
    material, safety = TEXTS[language]
    ProductTranslation.objects.create(product=product, language=language, material=material,
                                      safety_information=safety)
    html = product_page(client, product, language)
    assert material in html and safety in html
    assert "Von Feuer fernhalten." not in html
    assert "Von Feuer fernhalten." in product_page(client, product, "de")


def test_demo_lamp_has_its_safety_note_in_dutch_and_french(client):
    lamp = Product.objects.get(upc="MIAN-H-008")
    assert "Alleen gebruiken met E27-ledlampen tot 8 W" in product_page(client, lamp, "nl")
    assert "uniquement avec des ampoules LED E27" in product_page(client, lamp, "fr")
    assert "Use only with E27 LED bulbs up to 8 W" in product_page(client, lamp, "en")


@pytest.mark.parametrize(("language", "expected"), [
    ("de", "100 % Wolle (Merino)"), ("en", "100 % wool (merino)"), ("nl", "100 % wol (merino)"),
    ("fr", "100 % laine (mérinos)"),
])
def test_demo_scarf_names_its_fibre_per_the_textile_regulation(client, language, expected):
    scarf = Product.objects.get(upc="MIAN-T-005")
    html = product_page(client, scarf, language)
    assert expected in html
    assert "Merinowolle" not in html and "merino wool" not in html


def test_every_demo_textile_material_passes_the_fibre_rule():
    for product in Product.objects.filter(upc__startswith="MIAN-T-", parent__isnull=True):
        assert composition_errors(product.material, "de") == [], product.upc
        for text in product.translations.all():
            assert composition_errors(text.material, text.language) == [], (product.upc, text.language)


@pytest.mark.parametrize(("material", "message"), [
    ("100 % Merinowolle", "“Merinowolle” is not a fibre name"),
    ("100 % Bio-Baumwolle (GOTS)", "“Bio-Baumwolle” is not a fibre name"),
    ("Merinowolle", "percentages by weight"),
    ("80 % Baumwolle, 10 % Polyester", "add up to 90 %"),
])
def test_a_textile_products_material_must_use_annex_i_names_with_percentages(material, message):
    product = textile()
    product.material = material
    with pytest.raises(ValidationError) as error, translation.override("en"):
        product.full_clean()
    assert any(message in text for text in error.value.message_dict["material"])


@pytest.mark.parametrize("material", ["100 % Wolle (Merino)", "80 % Baumwolle, 20 % Polyester",
                                      "95 % Baumwolle (Bio) / 5 % Elastan"])
def test_correct_compositions_pass(material):
    product = textile(material=material)
    product.full_clean()


def test_non_textile_products_are_not_checked():
    product = ProductFactory(material="Eiche aus regionaler Forstwirtschaft")
    product.full_clean()


def test_translated_material_is_checked_in_its_language():
    product = textile()
    wrong = ProductTranslation(product=product, language="nl", material="100 % merinowol")
    with pytest.raises(ValidationError) as error, translation.override("en"):
        wrong.full_clean()
    assert "“merinowol” is not a fibre name" in error.value.message_dict["material"][0]
    ProductTranslation(product=product, language="nl", material="100 % wol (merino)").full_clean()


def test_dashboard_refuses_a_wrong_fibre_name_and_keeps_the_product_unchanged(client, demo_user):
    product = Product.objects.get(upc="MIAN-T-002")
    before = product.material
    client.force_login(demo_user("shop@example.org"))
    with translation.override("de"):
        url = reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    data = form_values(client.get(url).content.decode())
    data["material"] = ["100 % Bio-Baumwolle"]
    english = next(key for key, value in data.items() if key.endswith("-language") and value == ["en"])
    data[english.replace("-language", "-safety_information")] = ["Changed"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "ist keine Faserbezeichnung der EU-Textilkennzeichnungsverordnung" in response.content.decode()
    product.refresh_from_db()
    assert product.material == before
    assert product.translations.get(language="en").safety_information != "Changed"


def test_dashboard_edits_the_translated_safety_text(client, demo_user):
    product = Product.objects.get(upc="MIAN-H-001")
    client.force_login(demo_user("shop@example.org"))
    url = reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    data = form_values(client.get(url).content.decode())
    french = next(key for key, value in data.items() if key.endswith("-language") and value == ["fr"])
    data[french.replace("-language", "-safety_information")] = ["Ne pas monter debout sur le tabouret."]
    data["is_label_product"] = ["on"]
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    assert "Ne pas monter debout sur le tabouret." in product_page(client, product, "fr")
