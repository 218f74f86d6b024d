"""The bank account customers pay into is Finance's: Marketing cannot change it, every change is logged, and
order confirmations, e-mails and invoices print it."""

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry, Site

from home.models import PaymentSettings, SiteSettings
from shop.invoicing.services import render_invoice_pdf
from tests.shop.checkout_helpers import add, checkout_with_delivery, place, product, ship, shopper_orders
from tests.shop.test_invoice import pdf_text

pytestmark = pytest.mark.django_db

NEW_BANK = {
    "bank_account_holder": "Quartiersbüro Aachen-Nord e. V. (Finanzen)",
    "bank_name": "Sparkasse Aachen (fiktiv)",
    "iban": "DE89 3704 0044 0532 0130 00",
    "bic": "COBADEFFXXX",
}
MARKETING, APPROVER, FINANCE = "marketing@example.org", "approver@example.org", "finance@example.org"


def edit_url():
    return f"/admin/settings/home/paymentsettings/{Site.objects.get(is_default_site=True).pk}/"


def bank_details():
    return PaymentSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.mark.parametrize("email", [MARKETING, APPROVER])
def test_marketing_can_neither_open_nor_change_the_bank_details(client, demo_user, email):
    before = bank_details().iban
    client.force_login(demo_user(email))
    assert client.get(edit_url(), headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    response = client.post(edit_url(), NEW_BANK)
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "no permission"
    assert bank_details().iban == before == "DE00 0000 0000 0000 0000 00"
    assert not ModelLogEntry.objects.filter(content_type__model="paymentsettings").exists()


def test_the_site_settings_marketing_edits_hold_no_bank_field(client, demo_user):
    client.force_login(demo_user(MARKETING))
    site = Site.objects.get(is_default_site=True)
    response = client.get(f"/admin/settings/home/sitesettings/{site.pk}/")
    assert response.status_code == 200
    form = response.context["form"]
    assert not {"iban", "bic", "bank_name", "bank_account_holder"} & set(form.fields)
    assert "DE00 0000 0000 0000 0000 00" not in response.content.decode()
    assert not {"iban", "bic", "bank_name", "bank_account_holder"} & {f.name for f in SiteSettings._meta.fields}


def test_finance_changes_the_bank_details_and_the_change_is_logged_with_the_user(client, demo_user):
    finance = demo_user(FINANCE)
    client.force_login(finance)
    assert client.get(edit_url()).status_code == 200
    response = client.post(edit_url(), NEW_BANK)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert bank_details().iban == NEW_BANK["iban"]
    entry = ModelLogEntry.objects.get(content_type__model="paymentsettings", object_id=str(bank_details().pk))
    assert entry.action == "wagtail.edit" and entry.user == finance


def test_invoice_email_and_confirmation_print_the_bank_details_finance_set(client, django_capture_on_commit_callbacks):
    bank = bank_details()
    for field, value in NEW_BANK.items():
        setattr(bank, field, value)
    bank.save()
    add(client, product("10.00", "standard"), 1)
    checkout_with_delivery(client)
    with django_capture_on_commit_callbacks(execute=True):  # the confirmation is sent after the commit
        response = place(client)
    order = shopper_orders().get()
    page = client.get(response.url).content.decode()
    assert NEW_BANK["iban"] in page and NEW_BANK["bic"] in page and NEW_BANK["bank_account_holder"] in page
    body = mail.outbox[-1].body
    assert (
        f"Kontoinhaber: {NEW_BANK['bank_account_holder']}\nIBAN: {NEW_BANK['iban']}\nBIC: {NEW_BANK['bic']}" in body
    )
    text = " ".join(pdf_text(render_invoice_pdf(ship(order).invoice)).split())
    assert f"an {NEW_BANK['bank_account_holder']}, IBAN {NEW_BANK['iban']}, BIC {NEW_BANK['bic']}." in text


def test_without_an_account_holder_the_organisation_name_is_printed(client, django_capture_on_commit_callbacks):
    bank = bank_details()
    bank.bank_account_holder = ""
    bank.save()
    add(client, product("10.00", "standard"), 1)
    checkout_with_delivery(client)
    with django_capture_on_commit_callbacks(execute=True):
        place(client)
    body = mail.outbox[-1].body
    assert f"Kontoinhaber: {SiteSettings.objects.get().organisation_name}\nIBAN: {bank.iban}" in body
