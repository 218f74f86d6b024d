"""Stored XSS by shop staff (issue 12): staff rich text is cleaned on save and rendered through core.sanitize."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from core.sanitize import html_to_text, render_html, sanitize_html
from shop.shipping.methods import PickUp
from tests.factories import ProductFactory

Category = get_model("catalogue", "Category")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
ProductTranslation = get_model("catalogue", "ProductTranslation")
Partner = get_model("partner", "Partner")
Basket = get_model("basket", "Basket")

PAYLOAD = (
    '<p>Handmade <strong>in the Depot</strong> <a href="https://example.org/x" onclick="steal()">more</a></p>'
    "<script>window.__pwned=1</script><img src=x onerror=\"fetch('/admin/')\">"
    '<a href="javascript:alert(1)">click</a><style>body{display:none}</style><iframe src="https://evil"></iframe>'
)


def assert_harmless(html):
    lowered = html.lower()
    for needle in ("<script", "__pwned", "onerror", "onclick", "javascript:", "<img", "<iframe", "<style"):
        assert needle not in lowered, f"{needle!r} survived in {html!r}"


# --- the sanitiser itself ---------------------------------------------------------------


def test_sanitizer_removes_everything_executable_and_keeps_the_editors_formatting():
    cleaned = sanitize_html(PAYLOAD)

    assert_harmless(cleaned)
    assert "<p>Handmade <strong>in the Depot</strong>" in cleaned
    assert '<a href="https://example.org/x" rel="noopener noreferrer nofollow">more</a>' in cleaned


@pytest.mark.parametrize(
    "html",
    [
        "<h2>Care</h2><ul><li>30 °C</li></ul><ol><li>one</li></ol><blockquote>quoted</blockquote>",
        "<p>line<br>break <em>em</em> <b>b</b> <i>i</i> <u>u</u></p><h3>h3</h3><h4>h4</h4>",
        '<p><a href="mailto:info@example.org" title="Mail">mail</a></p>',
    ],
)
def test_sanitizer_keeps_the_allow_list_unchanged_and_is_idempotent(html):
    cleaned = sanitize_html(html)

    assert sanitize_html(cleaned) == cleaned
    for tag in ("<h2>", "<li>", "<blockquote>", "<br>", "<em>", "<h4>", 'href="mailto:'):
        if tag in html:
            assert tag in cleaned


def test_sanitizer_drops_attributes_and_tags_outside_the_allow_list():
    cleaned = sanitize_html(
        '<p style="background:url(x)" class="x" id="y">t</p><form action="/x"><input name="a"></form>'
        '<a href="data:text/html;base64,PHNjcmlwdD4=">d</a><svg onload="x()"></svg><h1>big</h1>'
    )

    assert cleaned == '<p>t</p><a rel="noopener noreferrer nofollow">d</a>big'


def test_plain_text_keeps_its_line_breaks_and_is_escaped():
    assert render_html("Mo–Fr 10–18 Uhr\nSa 10–14 Uhr & nach Absprache <3") == (
        "Mo–Fr 10–18 Uhr<br>Sa 10–14 Uhr &amp; nach Absprache &lt;3"
    )
    assert html_to_text("<p>Tom &amp; Jerry</p><script>x()</script>") == "Tom & Jerry"
    assert render_html(None) == ""


# --- cleaned on save, whatever path writes the row -------------------------------------------


@pytest.mark.django_db
def test_category_description_is_cleaned_on_save_and_the_category_page_does_not_run_it(client):
    category = Category.add_root(name="XSS-Kategorie", description=PAYLOAD, long_description=PAYLOAD)
    category.refresh_from_db()
    assert_harmless(category.description)
    assert_harmless(category.long_description)
    assert "<strong>in the Depot</strong>" in category.description

    # A row written around save() (an old row, a bulk update) is still rendered through the sanitiser.
    Category.objects.filter(pk=category.pk).update(description=PAYLOAD)
    response = client.get(category.get_absolute_url(), follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<strong>in the Depot</strong>" in body
    assert "__pwned" not in body
    assert "onerror" not in body


@pytest.mark.django_db
def test_product_description_and_translation_are_cleaned_and_rendered_as_html(client):
    product = ProductFactory(title="XSS-Tasche", description=PAYLOAD)
    ProductTranslation.objects.create(product=product, language="en", description=PAYLOAD)
    product.refresh_from_db()
    assert_harmless(product.description)
    assert_harmless(ProductTranslation.objects.get(product=product).description)

    Product = type(product)
    Product.objects.filter(pk=product.pk).update(description=PAYLOAD)
    response = client.get(product.get_absolute_url(), follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<strong>in the Depot</strong>" in body  # the editor's formatting shows, not as literal tags
    assert "__pwned" not in body and "onerror" not in body


@pytest.mark.django_db
def test_richtext_attribute_values_are_cleaned_and_rendered_through_the_sanitiser():
    product = ProductFactory(title="Attribut-Tasche")
    attribute = ProductAttribute.objects.create(
        product_class=product.product_class, name="Story", code="story", type=ProductAttribute.RICHTEXT
    )
    value = ProductAttributeValue.objects.create(product=product, attribute=attribute, value_richtext=PAYLOAD)
    value.refresh_from_db()
    assert_harmless(value.value_richtext)

    ProductAttributeValue.objects.filter(pk=value.pk).update(value_richtext=PAYLOAD)
    value.refresh_from_db()
    assert_harmless(str(value.value_as_html))


@pytest.fixture
def site_offer():
    product_range = Range.objects.create(name="XSS-Auswahl", slug="xss-auswahl", description=PAYLOAD, is_public=True,
                                         includes_all_products=True)
    condition = Condition.objects.create(range=product_range, type=Condition.COUNT, value=1)
    benefit = Benefit.objects.create(range=product_range, type=Benefit.PERCENTAGE, value=10)
    offer = ConditionalOffer.objects.create(
        name="XSS-Angebot", slug="xss-angebot", description=PAYLOAD, offer_type=ConditionalOffer.SITE,
        condition=condition, benefit=benefit, start_datetime=timezone.now() - timezone.timedelta(days=1),
    )
    return offer, product_range


@pytest.mark.django_db
def test_offer_and_range_descriptions_are_cleaned_on_save(site_offer):
    offer, product_range = site_offer
    offer.refresh_from_db()
    product_range.refresh_from_db()

    assert_harmless(offer.description)
    assert_harmless(product_range.description)
    assert "<strong>in the Depot</strong>" in offer.description


@pytest.mark.django_db
def test_offer_list_offer_page_and_range_page_render_descriptions_through_the_sanitiser(client, site_offer):
    offer, product_range = site_offer
    # As if stored before the fix: written around save().
    ConditionalOffer.objects.filter(pk=offer.pk).update(description=PAYLOAD)
    Range.objects.filter(pk=product_range.pk).update(description=PAYLOAD)

    for url in (
        reverse("offer:list"),
        reverse("offer:detail", kwargs={"slug": offer.slug}),
        reverse("catalogue:range", kwargs={"slug": product_range.slug}),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "<strong>in the Depot</strong>" in body, url
        assert "__pwned" not in body and "onerror" not in body, url


@pytest.mark.django_db
def test_flat_pages_are_cleaned_on_save_and_the_checkout_modal_renders_them_sanitised(rf):
    page = FlatPage.objects.create(url="/order/terms/", title="Terms", content=PAYLOAD)
    page.sites.add(Site.objects.get_current())
    page.refresh_from_db()
    assert_harmless(page.content)

    FlatPage.objects.filter(pk=page.pk).update(content=PAYLOAD)
    request = rf.get("/de/shop/checkout/")
    html = render_to_string("oscar/checkout/layout.html", {}, request=request)
    assert "<strong>in the Depot</strong>" in html
    assert "__pwned" not in html and "onerror" not in html


@pytest.mark.django_db
def test_pick_up_opening_hours_typed_by_staff_do_not_run_on_the_checkout_pages(rf):
    partner = Partner.objects.create(
        name="XSS-Laden", opening_hours="Mo–Fr 10–18 Uhr\n<script>window.__pwned=1</script><img src=x onerror=alert(1)>"
    )
    method = PickUp(partner)
    basket = Basket.objects.create()
    request = rf.get("/")

    for template, context in (
        ("oscar/checkout/shipping_methods.html", {"methods": [method], "basket": basket}),
        ("oscar/checkout/checkout.html", {"shipping_method": method, "basket": basket}),
    ):
        html = render_to_string(template, context, request=request)
        assert "Mo–Fr 10–18 Uhr" in html, template
        assert "__pwned" not in html and "onerror" not in html, template


# --- existing rows ----------------------------------------------------------------------


@pytest.mark.django_db
def test_data_migration_cleans_rows_stored_before_the_fix(site_offer):
    offer, product_range = site_offer
    category = Category.add_root(name="Alt-Kategorie")
    product = ProductFactory(title="Alt-Produkt")
    page = FlatPage.objects.create(url="/order/old/", title="Old", content="x")
    Category.objects.filter(pk=category.pk).update(description=PAYLOAD, long_description=PAYLOAD)
    type(product).objects.filter(pk=product.pk).update(description=PAYLOAD)
    ConditionalOffer.objects.filter(pk=offer.pk).update(description=PAYLOAD)
    Range.objects.filter(pk=product_range.pk).update(description=PAYLOAD)
    FlatPage.objects.filter(pk=page.pk).update(content=PAYLOAD)

    migration = importlib.import_module("products.catalogue.migrations.0035_sanitize_staff_html")
    migration.clean_stored_html(django_apps, None)

    for obj, fields in (
        (category, ("description", "long_description")),
        (product, ("description",)),
        (offer, ("description",)),
        (product_range, ("description",)),
        (page, ("content",)),
    ):
        obj.refresh_from_db()
        for field in fields:
            assert_harmless(getattr(obj, field))
            assert "<strong>in the Depot</strong>" in getattr(obj, field)


@pytest.mark.django_db
def test_a_range_name_with_markup_does_not_run_in_the_dashboards_offer_pages(client, demo_user, site_offer):
    # Oscar writes range names unescaped into the condition/benefit descriptions its dashboard prints with |safe.
    offer, product_range = site_offer
    Range.objects.filter(pk=product_range.pk).update(name="Auswahl<img src=x onerror=alert(document.cookie)>")
    client.force_login(demo_user("admin@example.org"))

    for url in (reverse("dashboard:offer-list"), reverse("dashboard:offer-detail", kwargs={"pk": offer.pk})):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "onerror" not in body, url
        assert "Auswahl" in body, url


def test_wagtail_rich_text_from_the_editor_is_built_from_its_whitelist():
    # Marketing's rich text reaches the database only through Draftail's converter, which writes the features it
    # knows and escapes text; a javascript: link loses its URL. Rendered with |richtext, not through core.sanitize.
    import json

    from wagtail.admin.rich_text import DraftailRichTextArea

    widget = DraftailRichTextArea(features=["bold", "link"])
    contentstate = {
        "blocks": [{
            "key": "a", "type": "unstyled", "depth": 0, "inlineStyleRanges": [],
            "text": "<script>window.__pwned=1</script> click",
            "entityRanges": [{"offset": 35, "length": 5, "key": 0}],
        }],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}},
    }

    html = widget.value_from_datadict({"body": json.dumps(contentstate)}, {}, "body")

    assert "<script" not in html and "javascript:" not in html
    assert "&lt;script&gt;" in html
