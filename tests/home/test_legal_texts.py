"""Legal pages generated from what the shop does (issue 13): shipping and payment, Widerrufsbelehrung and form,
AGB, privacy notice, accessibility statement; and the PDFs and e-mail that carry them."""

import re
import subprocess

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency
from wagtail.models import Page

from home import legal_documents
from home.models import SiteSettings
from shop.checkout.payment_methods import BankTransfer, PayOnPickUp
from shop.shipping.methods import DHLEurope, DHLGermany
from tests.factories import OutletFactory
from tests.shop.checkout_helpers import add, checkout_with_delivery, place, product, shopper_orders

pytestmark = pytest.mark.django_db

Partner = get_model("partner", "Partner")
PartnerAddress = get_model("partner", "PartnerAddress")
Country = get_model("address", "Country")


def pdftotext(data):
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)  # noqa: S607
    return " ".join(result.stdout.decode().split())


def text_of(html):
    """The visible text of a page, whitespace collapsed, entities of quotes resolved."""
    import html as html_lib

    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def site_settings():
    return SiteSettings.objects.order_by("pk").first()


def page_html(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


# --- Shipping and payment -------------------------------------------------------------------------------------------

def test_shipping_page_states_the_prices_threshold_and_countries_of_the_checkouts_methods(client):
    html = page_html(client, "/de/versand-und-zahlung/")
    with translation.override("de"):
        for amount in (DHLGermany.standard_gross, DHLGermany.free_from, DHLEurope.standard_gross):
            assert currency(amount, "EUR") in html
        assert str(DHLGermany.name) in html and str(DHLEurope.name) in html
        assert str(BankTransfer.name) in html and str(PayOnPickUp.name) in html
    text = text_of(html)
    for country in ("Deutschland", "Österreich", "Frankreich", "Niederlande", "Zypern"):
        assert country in text
    assert "Schweiz" not in text  # not a country DHLEurope serves
    assert "Sozialwerkstatt im Depot" in text


def test_a_new_pick_up_point_appears_on_the_shipping_page_with_address_and_hours(client):
    outlet = OutletFactory(name="Laden am Kaiserplatz", allows_pickup=True, opening_hours="Mi–Sa 11–18 Uhr")
    germany, _ = Country.objects.get_or_create(iso_3166_1_a2="DE", defaults={"name": "Deutschland"})
    PartnerAddress.objects.create(partner=outlet, line1="Kaiserplatz 3", line4="Aachen", postcode="52062",
                                  country=germany)
    text = text_of(page_html(client, "/de/versand-und-zahlung/"))
    assert "Laden am Kaiserplatz" in text
    assert "Kaiserplatz 3" in text and "52062" in text
    assert "Mi–Sa 11–18 Uhr" in text


def test_outlet_without_pick_up_is_not_offered_as_pick_up_point(client):
    OutletFactory(name="Museumsshop ohne Abholung", allows_pickup=False)
    assert "Museumsshop ohne Abholung" not in page_html(client, "/de/versand-und-zahlung/")


def test_shipping_page_query_budget(client, django_assert_max_num_queries):
    client.get("/de/versand-und-zahlung/")
    with django_assert_max_num_queries(30):
        client.get("/de/versand-und-zahlung/")


# --- Checkout start -------------------------------------------------------------------------------------------------

def test_checkout_start_states_payment_methods_delivery_restrictions_and_how_to_correct_input(client):
    add(client, product("10.00"))
    text = text_of(page_html(client, "/de/shop/checkout/"))
    with translation.override("de"):
        assert str(BankTransfer.name) in text and str(PayOnPickUp.name) in text
    assert "Deutschland" in text and "Österreich" in text
    assert "Sozialwerkstatt im Depot" in text
    assert "zahlungspflichtig bestellen" in text  # the 246c steps name the real button


def test_signed_in_shopper_sees_the_start_information_on_the_first_step(client, django_user_model):
    user = django_user_model.objects.create_user(email="kundin@example.org", password="x" * 12)
    client.force_login(user)
    add(client, product("10.00"))
    response = client.get("/de/shop/checkout/", follow=True)
    assert response.redirect_chain and "shipping-address" in response.redirect_chain[-1][0]
    assert 'data-testid="checkout-start-information"' in response.content.decode()


# --- Widerrufsbelehrung and form ------------------------------------------------------------------------------------

def test_withdrawal_page_is_the_statutory_text_filled_from_the_site_settings(client):
    seller = site_settings()
    seller.phone = "+49 241 123456"
    seller.save()
    text = text_of(page_html(client, "/de/widerrufsbelehrung/"))
    assert "Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen." in text
    assert "der nicht der Beförderer ist, die Waren in Besitz genommen haben bzw. hat." in text
    assert f"{seller.organisation_name}, {seller.street}, {seller.postcode} {seller.city}" in text
    assert "+49 241 123456" in text and seller.email in text
    assert "„Vertrag widerrufen“" in text
    assert "Kundenkonto" not in text  # guests have none: the button is on the order page behind the e-mail's link
    assert "Sozialwerkstatt im Depot" in text  # return address: the workshop
    assert "Sie tragen die unmittelbaren Kosten der Rücksendung der Waren." in text
    assert "binnen vierzehn Tagen ab dem Tag, an dem Sie uns über den Widerruf" in text
    assert "dasselbe Zahlungsmittel" in text
    assert "Wir können die Rückzahlung verweigern, bis wir die Waren wieder zurückerhalten haben" in text
    assert "Wertverlust" in text
    # Anlage 2
    assert "Muster-Widerrufsformular" in text
    assert "Hiermit widerrufe(n) ich/wir (*) den von mir/uns (*) abgeschlossenen Vertrag" in text
    assert "Unterschrift des/der Verbraucher(s) (nur bei Mitteilung auf Papier)" in text
    assert "(*) Unzutreffendes streichen." in text
    assert 'href="/de/shop/widerrufsformular.pdf"' in page_html(client, "/de/widerrufsbelehrung/")


def test_withdrawal_form_pdf_has_the_sellers_address_and_the_anlage_2_sentences(client):
    seller = site_settings()
    seller.street = "Neue Straße 7"
    seller.save()
    response = client.get("/de/shop/widerrufsformular.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdftotext(response.content)
    assert "Muster-Widerrufsformular" in text
    assert "Wenn Sie den Vertrag widerrufen wollen, dann füllen Sie bitte dieses Formular aus" in text
    assert f"An {seller.organisation_name}, Neue Straße 7, {seller.postcode} {seller.city}, {seller.email}:" in text
    assert "Bestellt am (*)/erhalten am (*)" in text
    assert "Name des/der Verbraucher(s)" in text and "Anschrift des/der Verbraucher(s)" in text


def test_terms_pdf_without_a_terms_page_is_a_clear_error_and_the_mail_goes_without_it():
    from shop.checkout.mail import legal_references

    seller = site_settings()
    seller.terms_page = None
    seller.save()
    with pytest.raises(LookupError, match="No terms page"):
        legal_documents.terms_attachment(seller.site_id)
    assert [path for path, _ in legal_references(seller)] == ["home.legal_documents.withdrawal_form_attachment"]


# --- Confirmation e-mail --------------------------------------------------------------------------------------------

def test_guest_confirmation_has_withdrawal_text_and_the_agb_and_form_as_pdfs(
    client, django_capture_on_commit_callbacks
):
    add(client, product("10.00"))
    response = checkout_with_delivery(client)
    with django_capture_on_commit_callbacks(execute=True):
        place(client, response.context["order_total"].incl_tax)
    order = shopper_orders().get()
    assert order.user is None
    message = mail.outbox[-1]
    body = message.body
    assert "Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen." in body
    assert "Folgen des Widerrufs" in body and "Wertverlust" in body
    assert "Hiermit widerrufe(n) ich/wir" in body
    assert "Kundenkonto" not in body and "customer account" not in body
    html = message.alternatives[0][0]
    assert "Folgen des Widerrufs" in html and "<iframe" not in html
    attachments = {name: (content, mimetype) for name, content, mimetype in message.attachments}
    assert {"AGB.pdf", "Muster-Widerrufsformular.pdf"} <= set(attachments)
    terms, mimetype = attachments["AGB.pdf"]
    assert mimetype == "application/pdf" and terms.startswith(b"%PDF")
    terms_text = pdftotext(terms)
    assert "Allgemeine Geschäftsbedingungen" in terms_text
    assert "Die Vertragssprache ist Deutsch." in terms_text or "contract language is German" in terms_text
    assert "Verbraucherschlichtungsstelle" in terms_text
    assert "Mängelhaftungsrecht" in terms_text
    form_text = pdftotext(attachments["Muster-Widerrufsformular.pdf"][0])
    assert "Hiermit widerrufe(n) ich/wir" in form_text
    # no invoice yet: it is issued, and mailed, when the goods leave (shop.invoicing)
    assert set(attachments) == {"AGB.pdf", "Muster-Widerrufsformular.pdf"}


# --- AGB, privacy, accessibility ------------------------------------------------------------------------------------

def test_terms_page_has_246c_information_liability_for_defects_and_the_vsbg_statement(client):
    text = text_of(page_html(client, "/de/agb/"))
    assert "zahlungspflichtig bestellen" in text
    assert "§ 7 Gewährleistung" in text and "gesetzliche Mängelhaftungsrecht" in text
    assert "§ 36 Verbraucherstreitbeilegungsgesetz" in text
    with translation.override("de"):
        for section in legal_documents.contract_information():
            assert section.heading in text


def test_privacy_page_lists_every_cookie_the_site_sets_and_the_processors(client):
    text = text_of(page_html(client, "/de/datenschutz/"))
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, settings.OSCAR_BASKET_COOKIE_OPEN,
                 settings.LANGUAGE_COOKIE_NAME):
        assert name in text
    # The browser test of cookies (tests/e2e/test_cookies.py) names the same strictly necessary set.
    from tests.e2e.test_cookies import STRICTLY_NECESSARY

    assert STRICTLY_NECESSARY <= {cookie.name for cookie in legal_documents.cookies()}
    assert "oscar_history" not in text
    for processor in ("DHL Paket GmbH", "Server-Logdateien", "E-Mail-Dienst", "Vorkasse", "erst, wenn Sie auf"):
        assert processor in text


def test_footer_links_the_accessibility_statement_with_feedback_contact_and_authority(client):
    seller = site_settings()
    page = Page.objects.get(slug="barrierefreiheit", locale__language_code="de")
    assert seller.accessibility_page_id == page.pk
    home = page_html(client, "/de/")
    footer = home[home.index("site-footer"):]
    assert 'href="/de/barrierefreiheit/"' in footer and "Erklärung zur Barrierefreiheit" in footer
    text = text_of(page_html(client, "/de/barrierefreiheit/"))
    assert seller.email in text
    authority = "Marktüberwachungsstelle der Länder für die Barrierefreiheit von Produkten und Dienstleistungen (MLBF)"
    assert authority in text
    assert "Magdeburg" in text
