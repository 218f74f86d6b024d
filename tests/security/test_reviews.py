"""Product reviews: no anonymous reviews, and a customer's review waits for moderation."""

import pytest
from oscar.core.loading import get_model

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")

REVIEW = {"title": "Spam", "score": 5, "body": "<a href='http://spam.example'>buy</a>", "name": "X",
          "email": "x@example.org"}


def review_url(product):
    return f"/de/shop/catalogue/{product.slug}_{product.pk}/reviews/add/"


@pytest.fixture
def product():
    return Product.objects.browsable().first()


def test_an_anonymous_review_is_not_saved(client, product):
    client.post(review_url(product), REVIEW)
    assert not ProductReview.objects.filter(product=product).exists()
    assert "buy" not in client.get(product.get_absolute_url()).content.decode()


def test_a_customers_review_waits_for_moderation(client, product, django_user_model):
    client.force_login(django_user_model.objects.create_user(email="reviewer@example.org", password="x-y-z-1234"))
    client.post(review_url(product), REVIEW)
    review = ProductReview.objects.get(product=product)
    assert review.status == ProductReview.FOR_MODERATION
    assert not ProductReview.objects.filter(product=product, status=ProductReview.APPROVED).exists()
