"""The campaign index and a block-heavy campaign page stay within 20 queries, however much they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from wagtail.images.models import Image

from campaigns.models import District, Funder
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
# One query more than before issue 13: the licences of the listed products (off-sale rule), one prefetch.
BUDGET = 21


def count_queries(client, url):
    # The first request fills what a running site has cached already (renditions, site root paths, menu).
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_campaigns(make_campaign, district, count):
    image = Image.objects.order_by("pk").first()
    nord = district("aachen-nord")
    for number in range(count):
        make_campaign(title=f"Menge {number}", start=-number, end=5, districts=[nord], hero_image=image)


def test_index_with_30_campaigns_stays_within_budget(client, make_campaign, district, index_page):
    index_page.per_page = 30
    index_page.save_revision().publish()
    add_campaigns(make_campaign, district, 5)
    small = count_queries(client, "/de/kampagnen/?district=aachen-nord")
    add_campaigns(make_campaign, district, 25)
    large = count_queries(client, "/de/kampagnen/?district=aachen-nord")
    assert large <= BUDGET
    assert large == small


def heavy_body(products, category, repeat):
    image = Image.objects.order_by("pk").first().pk
    body = []
    for _ in range(repeat):
        body += [
            {"type": "heading", "value": {"text": "Überschrift", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Text</p>"},
            {"type": "product_list", "value": {
                "title": "Handverlesen", "source": "products", "products": [p.pk for p in products], "max_count": 12,
            }},
            {"type": "product_list", "value": {
                "title": "Kategorie", "source": "category", "category": category.pk, "products": [], "max_count": 12,
            }},
            {"type": "product_teaser", "value": {"product": products[0].pk, "text": "Tipp"}},
            {"type": "quote", "value": {"quote": "Zitat", "attribution": "Wer"}},
            {"type": "key_figures", "value": {"figures": [{"number": "1", "label": "Eins"}]}},
            {"type": "image", "value": {"image": image, "alt_text": "Bild"}},
            {"type": "location", "value": {"name": "Ort", "address": "Straße 1"}},
            {"type": "funding_notice", "value": {"funders": []}},
        ]
    return body


def products_in_category(count):
    category = Category.objects.get(name="Wohnen")
    products = ProductFactory.create_batch(count)
    ProductCategory.objects.bulk_create([ProductCategory(product=p, category=category) for p in products])
    return products, category


def test_campaign_page_with_20_blocks_and_lists_of_12_products_stays_within_budget(client, make_campaign):
    products, category = products_in_category(12)
    small_page = make_campaign(slug="wenige-bloecke", body=heavy_body(products[:2], category, 1))
    small = count_queries(client, small_page.url)
    large_page = make_campaign(slug="viele-bloecke", body=heavy_body(products, category, 2))
    large_page.funders = list(Funder.objects.filter(locale__language_code="de"))
    large_page.districts = list(District.objects.filter(locale__language_code="de"))
    large_page.save_revision().publish()
    html = client.get(large_page.url).content.decode()
    assert html.count('class="product-card"') >= 2 * 12 + 2 * 12 + 2
    with CaptureQueriesContext(connection) as queries:
        client.get(large_page.url)
    large = len(queries)
    assert large <= BUDGET, "\n".join(q["sql"][:300] for q in queries.captured_queries)
    assert large == small
