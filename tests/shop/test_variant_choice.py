"""Variants are chosen with a radio group of size (or colour) buttons, nothing pre-selected (issue 13)."""

import re

import pytest
from django.utils import translation
from oscar.core.loading import get_model

from tests.factories import create_parent_with_variants

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
ProductAttribute = get_model("catalogue", "ProductAttribute")


def with_sizes(parent, sizes=("S", "M", "L")):
    attribute, _ = ProductAttribute.objects.get_or_create(
        product_class=parent.get_product_class(), code="size", defaults={"name": "Größe", "type": "text"}
    )
    for child, size in zip(parent.children.order_by("pk"), sizes, strict=True):
        child.attr.size = size
        child.attr.save()
    return parent


def page(client, product, language="en"):
    with translation.override(language):
        url = product.get_absolute_url()
    return client.get(url).content.decode()


def form_html(html):
    return re.search(r'<form id="add_to_basket_form".*?</form>', html, re.S).group(0)


def test_sizes_are_a_radio_group_with_nothing_chosen_and_sold_out_disabled(client):
    parent = with_sizes(create_parent_with_variants(3, title="Shirt Lang Genug Um Abgeschnitten Zu Werden"))
    sold_out = parent.children.order_by("pk").last()
    sold_out.stockrecords.update(num_in_stock=0)
    form = form_html(page(client, parent))
    assert "<select" not in form
    assert re.search(r"<fieldset[^>]*>\s*<legend[^>]*>Size</legend>", form)
    radios = re.findall(r'<input type="radio"[^>]*>', form)
    assert len(radios) == 3
    assert not any("checked" in radio for radio in radios)
    assert ["disabled" in radio for radio in radios] == [False, False, True]
    labels = [" ".join(re.sub(r"<[^>]+>", " ", label).split())
              for label in re.findall(r'<label [^>]*class="variant-button">(.*?)</label>', form, re.S)]
    assert labels == ["S", "M", "L sold out"]  # the size, not the cut-off full title
    assert "Please choose a size." in form


def test_variants_without_attributes_are_labelled_without_the_parents_title(client):
    parent = create_parent_with_variants(2, title="Testshirt")
    form = form_html(page(client, parent, "de"))
    labels = re.findall(r'class="variant-button">([^<]*)', form)
    assert [label.strip() for label in labels] == ["Größe 0", "Größe 1"]


def test_adding_without_a_size_is_refused_with_a_clear_message(client):
    parent = with_sizes(create_parent_with_variants(2), ("S", "M"))
    with translation.override("en"):
        url = parent.get_absolute_url()
    response = client.post(f"/en/shop/basket/add/{parent.pk}/", {"quantity": 1}, HTTP_REFERER=url)
    assert response.status_code == 302
    html = client.get(response.url).content.decode()
    assert "Please choose a size." in html
    assert not Basket.objects.filter(lines__isnull=False).exclude(lines__product__parent__isnull=True).filter(
        lines__product__parent=parent).exists()


def test_adding_with_a_size_puts_that_variant_in_the_basket(client):
    parent = with_sizes(create_parent_with_variants(2), ("S", "M"))
    medium = parent.children.order_by("pk").last()
    response = client.post(f"/en/shop/basket/add/{parent.pk}/", {"quantity": 1, "child_id": medium.pk})
    assert response.status_code == 302
    assert Basket.objects.filter(lines__product=medium).exists()


def test_a_sold_out_size_cannot_be_added_by_a_forged_post(client):
    parent = with_sizes(create_parent_with_variants(2), ("S", "M"))
    small = parent.children.order_by("pk").first()
    small.stockrecords.update(num_in_stock=0)
    client.post(f"/en/shop/basket/add/{parent.pk}/", {"quantity": 1, "child_id": small.pk})
    assert not Basket.objects.filter(lines__product=small).exists()


def test_product_page_with_variants_keeps_its_query_budget(client, django_assert_max_num_queries):
    parent = with_sizes(create_parent_with_variants(3))
    page(client, parent)
    with django_assert_max_num_queries(40):
        page(client, parent)
