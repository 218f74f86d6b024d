"""Delivery times (Art. 246a § 1 (1) Nr. 7 EGBGB) on the five places: product page, basket, final order page,
confirmation e-mail and AGB; per stock state, edited by shop staff, worded in the shopper's language."""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from oscar.core.loading import get_model

from shop import delivery
from tests.factories import ProductFactory, create_parent_with_variants
from tests.shop.checkout_helpers import add, checkout_with_delivery, pick_up, place, product, shopper_orders

pytestmark = pytest.mark.django_db

DeliveryTime = get_model("shipping", "DeliveryTime")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
ProductTranslation = get_model("catalogue", "ProductTranslation")

IN_STOCK_EN = "Delivery time: 2–4 working days"
MADE_TO_ORDER_EN = "Delivery time: 10–15 working days (made to order)"
PICKUP_EN = "Ready for pick-up in 1–2 working days"


def made_to_order(item):
    item.made_to_order = True
    item.save()
    return item


def url_in(language, item):
    with translation.override(language):
        return item.get_absolute_url()


def in_german(estimate):
    # The German wording comes from the catalogue the lead translates; the test follows whatever it says.
    with translation.override("de"):
        return estimate.text


def contract_language_in_german():
    with translation.override("de"):
        return gettext("Contract language: %(language)s") % {"language": gettext("German")}


def shirt_variant():
    """A made-to-order shirt with a size attribute, material and a description in German and English."""
    parent = create_parent_with_variants(1, title="Shirt Lieferzeit")
    parent.material = "100 % Baumwolle (Bio)"
    parent.description = "<p>Weiches Shirt aus Bio-Baumwolle, in der Sozialwerkstatt <strong>bedruckt</strong>.</p>"
    parent.made_to_order = True
    parent.save()
    ProductTranslation.objects.create(
        product=parent, language="en", title="Shirt delivery time", material="100 % cotton (organic)",
        description="<p>Soft shirt of organic cotton, printed in the social workshop.</p>",
    )
    size, _ = ProductAttribute.objects.get_or_create(
        product_class=parent.product_class, code="size_delivery_test",
        defaults={"name": "Size", "type": ProductAttribute.TEXT},
    )
    child = parent.children.get()
    ProductAttributeValue.objects.create(product=child, attribute=size, value_text="XL")
    return child


# --- the service ------------------------------------------------------------------------------------------------


def test_each_stock_state_has_its_time_and_a_sentence_in_the_language():
    stocked = product()
    handmade = made_to_order(product())
    with translation.override("en"):
        assert delivery.delivery_time_for(stocked).text == IN_STOCK_EN
        assert delivery.delivery_time_for(handmade).text == MADE_TO_ORDER_EN
        assert delivery.delivery_time_for(stocked, shipping_method="pickup-1").text == PICKUP_EN
        assert delivery.delivery_time_for(handmade, shipping_method="pickup-1").text == (
            "Ready for pick-up in 10–15 working days (made to order)"
        )


def test_a_variant_is_made_to_order_when_its_parent_is():
    child = shirt_variant()
    assert delivery.delivery_time_for(child).state == delivery.MADE_TO_ORDER


def test_goods_that_cannot_be_bought_have_no_time_and_are_not_orderable(client):
    item = product()
    StockRecord.objects.filter(product=item).update(num_in_stock=0)
    info = item.stockrecords.get()
    from shop.partner.strategy import Selector

    availability = Selector().strategy().fetch_for_product(item, info).availability
    estimate = delivery.delivery_time_for(item, availability)
    assert not estimate.is_orderable
    with translation.override("en"):
        assert estimate.text == "Currently not available"
    page = client.get(url_in("en", item)).content.decode()
    assert "working day" not in page


def test_one_day_is_singular():
    DeliveryTime.objects.filter(state="pickup").update(min_days=1, max_days=1)
    DeliveryTime.objects.first().save()  # clears the cached table, as every edit does
    with translation.override("en"):
        assert delivery.delivery_time_for(product(), shipping_method="pickup-1").text == (
            "Ready for pick-up in 1 working day"
        )


def test_an_order_takes_as_long_as_its_longest_line():
    estimates = [delivery.delivery_time_for(product()), delivery.delivery_time_for(made_to_order(product()))]
    assert delivery.longest(estimates).state == delivery.MADE_TO_ORDER


# --- 1. product page --------------------------------------------------------------------------------------------


def test_product_page_shows_delivery_and_pick_up_time_in_english(client):
    page = client.get(url_in("en", product())).content.decode()
    assert IN_STOCK_EN in page
    assert PICKUP_EN in page
    page = client.get(url_in("en", made_to_order(product()))).content.decode()
    assert MADE_TO_ORDER_EN in page


def test_product_page_shows_the_time_in_german(client):
    item = made_to_order(product())
    page = client.get(url_in("de", item)).content.decode()
    assert in_german(delivery.delivery_time_for(item)) in page


def test_product_card_in_the_catalogue_shows_the_delivery_time(client):
    made_to_order(ProductFactory(title="Aaa Lieferzeit-Karte"))
    page = client.get("/en/shop/catalogue/?sort_by=title-asc").content.decode()
    card = page[page.index("Aaa Lieferzeit-Karte"):]
    card = card[: card.index("</article>")]
    assert MADE_TO_ORDER_EN in card


# --- 2. basket --------------------------------------------------------------------------------------------------


def test_basket_shows_each_lines_time_and_the_orders_longest(client):
    add(client, product())
    add(client, made_to_order(product()))
    page = client.get("/en/shop/basket/").content.decode()
    assert IN_STOCK_EN in page
    assert page.count(MADE_TO_ORDER_EN) == 2  # the line and the whole order
    assert f"Whole order: {MADE_TO_ORDER_EN}" in page


# --- 3. final order page ----------------------------------------------------------------------------------------


def test_final_order_page_shows_characteristics_delivery_time_and_contract_language(client):
    add(client, shirt_variant())
    add(client, product())
    checkout_with_delivery(client)
    page = client.get("/en/shop/checkout/preview/").content.decode()
    assert "Size" in page and "XL" in page
    assert "100 % cotton (organic)" in page
    assert "Soft shirt of organic cotton, printed in the social workshop." in page
    assert IN_STOCK_EN in page
    assert 'data-testid="order-delivery-time">' + MADE_TO_ORDER_EN in page
    assert "Contract language" in page and 'data-testid="contract-language">German<' in page


def test_final_order_page_in_german_shows_the_german_texts(client):
    child = shirt_variant()
    add(client, child)
    page = checkout_with_delivery(client).content.decode()
    assert "100 % Baumwolle (Bio)" in page
    assert "Weiches Shirt aus Bio-Baumwolle, in der Sozialwerkstatt bedruckt." in page
    assert in_german(delivery.delivery_time_for(child)) in page


def test_final_order_page_for_pick_up_shows_the_pick_up_time(client):
    add(client, product())
    from tests.shop.checkout_helpers import pay_by, start_as_guest

    start_as_guest(client)
    depot = Partner.objects.get(name="Sozialwerkstatt im Depot")
    pick_up(client, f"pickup-{depot.pk}")
    pay_by(client, "pay-on-pickup")
    page = client.get("/en/shop/checkout/preview/").content.decode()
    assert PICKUP_EN in page


def test_final_order_page_queries_do_not_grow_with_characteristics(client):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def count(browser, lines):
        for _index in range(lines):
            add(browser, shirt_variant())
        checkout_with_delivery(browser)
        browser.get("/en/shop/checkout/preview/")
        with CaptureQueriesContext(connection) as queries:
            assert browser.get("/en/shop/checkout/preview/").status_code == 200
        return len(queries)

    assert count(client, 6) == count(Client(), 2)


# --- 4. confirmation e-mail -------------------------------------------------------------------------------------


def test_confirmation_email_lists_characteristics_and_delivery_times(client, django_capture_on_commit_callbacks):
    child = shirt_variant()
    stocked = product()
    add(client, child)
    add(client, stocked)
    total = checkout_with_delivery(client).context["order_total"].incl_tax
    with django_capture_on_commit_callbacks(execute=True):
        place(client, total)
    assert shopper_orders().count() == 1
    message = [m for m in mail.outbox if "gast@example.org" in m.to][-1]
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "Size: XL" in body
        assert "100 % Baumwolle (Bio)" in body
        assert "Weiches Shirt aus Bio-Baumwolle" in body
        assert in_german(delivery.delivery_time_for(child)) in body
        assert in_german(delivery.delivery_time_for(stocked)) in body
        assert contract_language_in_german() in body


# --- 5. AGB -----------------------------------------------------------------------------------------------------


def test_the_demo_agb_show_the_delivery_times_table(client):
    page = client.get("/en/terms/").content.decode()
    assert 'data-testid="delivery-times-table"' in page
    for text in (IN_STOCK_EN, MADE_TO_ORDER_EN, PICKUP_EN):
        assert text in page
    german = client.get("/de/agb/").content.decode()
    assert in_german(delivery.DeliveryEstimate(delivery.IN_STOCK, 2, 4)) in german


# --- staff edit -------------------------------------------------------------------------------------------------


def formset_data(response, **changes):
    """The dashboard form as the browser posts it, with `changes` as {state: (min, max)}."""
    formset = response.context["formset"]
    data = {f"form-{key}": value for key, value in formset.management_form.initial.items()}
    for index, form in enumerate(formset.forms):
        low, high = changes.get(form.instance.state, (form.instance.min_days, form.instance.max_days))
        data.update({f"form-{index}-id": form.instance.pk, f"form-{index}-min_days": low,
                     f"form-{index}-max_days": high})
    return data


def test_shop_staff_change_a_time_and_every_place_shows_it(client, demo_user):
    item = product()
    client.get(url_in("en", item))  # the table is cached now: the edit must clear it
    client.force_login(demo_user("shop@example.org"))
    response = client.get("/de/shop/dashboard/delivery-times/")
    assert response.status_code == 200
    response = client.post("/de/shop/dashboard/delivery-times/", formset_data(response, in_stock=(3, 5)))
    assert response.status_code == 302
    client.logout()
    assert "Delivery time: 3–5 working days" in client.get(url_in("en", item)).content.decode()
    assert "Delivery time: 3–5 working days" in client.get("/en/terms/").content.decode()


def test_a_bad_edit_is_refused_with_a_message_and_changes_nothing(client, demo_user):
    client.force_login(demo_user("shop@example.org"))
    response = client.get("/de/shop/dashboard/delivery-times/")
    before = set(DeliveryTime.objects.values_list("state", "min_days", "max_days"))
    response = client.post(
        "/de/shop/dashboard/delivery-times/", formset_data(response, pickup=(2, 3), in_stock=(6, 3))
    )
    assert response.status_code == 400
    assert "must not be below" in response.content.decode() or "nicht unter" in response.content.decode()
    assert set(DeliveryTime.objects.values_list("state", "min_days", "max_days")) == before
    response = client.post(
        "/de/shop/dashboard/delivery-times/",
        formset_data(client.get("/de/shop/dashboard/delivery-times/"), in_stock=(0, 3)),
    )
    assert response.status_code == 400
    assert set(DeliveryTime.objects.values_list("state", "min_days", "max_days")) == before


@pytest.mark.parametrize("email", ["marketing@example.org", "finance@example.org", "designer@example.org"])
def test_other_roles_may_not_edit_delivery_times(client, demo_user, email):
    client.force_login(demo_user(email))
    assert client.get("/de/shop/dashboard/delivery-times/").status_code == 403


def test_shop_staff_mark_a_product_made_to_order_in_the_product_form(client, demo_user):
    client.force_login(demo_user("shop@example.org"))
    item = product()
    page = client.get(f"/de/shop/dashboard/catalogue/products/{item.pk}/").content.decode()
    assert 'name="made_to_order"' in page
