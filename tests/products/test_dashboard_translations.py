"""Shop staff edit a product's translations in Oscar's dashboard, on the product's own form."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")


class FormValues(HTMLParser):
    """The values a browser would submit for the form with id `form_id`."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.values, self.textarea, self.select = form_id, False, {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input" and attrs.get("type") not in ("submit", "file", "button"):
            if attrs.get("type") != "checkbox" or "checked" in attrs:
                default = "on" if attrs.get("type") == "checkbox" else ""
                self.values.setdefault(attrs["name"], []).append(attrs.get("value") or default)
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.values[self.textarea] = [""]
        elif tag == "select":
            self.select = attrs["name"]
            self.values.setdefault(self.select, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.values[self.select].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False

    def handle_data(self, data):
        if self.textarea:
            self.values[self.textarea][0] += data


def form_errors(response):
    context = response.context
    errors = [context["form"].errors]
    errors += [(name, context[name].errors, context[name].non_form_errors()) for name in context.keys()
               if name.endswith("_formset")]
    return errors


def form_values(html):
    parser = FormValues("create_update_product_form")
    parser.feed(html)
    return parser.values


def test_shop_staff_edits_the_english_title_and_adds_a_french_one(client, demo_user):
    product = Product.objects.get(upc="MIAN-H-001")
    client.force_login(demo_user("shop@example.org"))
    url = reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    html = client.get(url).content.decode()
    assert 'id="product_translations"' in html
    data = form_values(html)
    english = next(key for key, value in data.items() if key.endswith("-language") and value == ["en"])
    prefix = english.rsplit("-", 1)[0]
    data[f"{prefix}-title"] = ["Stool “Track”"]
    # The demo gives every product en, nl and fr texts (material, care); the French title is still empty.
    french = next(key for key, value in data.items() if key.endswith("-language") and value == ["fr"])
    assert data[french.replace("-language", "-title")] == [""]
    data[french.replace("-language", "-title")] = ["Tabouret « Rail »"]
    data["is_label_product"] = ["on"]
    response = client.post(url, {key: value for key, value in data.items()})
    assert response.status_code == 302, form_errors(response)
    assert product.translations.get(language="en").title == "Stool “Track”"
    assert product.translations.get(language="fr").title == "Tabouret « Rail »"
    assert "Stool “Track”" in client.get(f"/en/shop/catalogue/{product.slug}_{product.pk}/").content.decode()


def test_two_translations_for_one_language_are_rejected(client, demo_user):
    product = Product.objects.get(upc="MIAN-H-001")
    client.force_login(demo_user("shop@example.org"))
    url = reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    data = form_values(client.get(url).content.decode())
    dutch = next(key for key, value in data.items() if key.endswith("-language") and value == ["nl"])
    data[dutch] = ["en"]
    data[dutch.replace("-language", "-title")] = ["Second English"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert product.translations.filter(language="en").count() == 1
    assert not product.translations.filter(title="Second English").exists()


def test_marketing_cannot_open_the_product_dashboard(client, demo_user):
    product = Product.objects.get(upc="MIAN-H-001")
    client.force_login(demo_user("marketing@example.org"))
    response = client.get(reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}))
    assert response.status_code in (302, 403)
