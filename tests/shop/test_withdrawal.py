"""The withdrawal (§ 356a BGB) as guests, shop staff and the royalty run see it: reached from the order e-mail's link
without re-typing, declared once, acknowledged in German time, the status "Withdrawal declared", staff told, and the
refund recorded once as a payment event."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_class, get_model

from products.licensing.sales import ONLINE, sales_basis
from shop.order import refunds, statuses
from shop.order.withdrawal import withdraw
from tests.shop.checkout_helpers import add, checkout_with_delivery, place, product, shopper_orders

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Withdrawal = get_model("order", "Withdrawal")
PaymentEvent = get_model("order", "PaymentEvent")
EventHandler = get_class("order.processing", "EventHandler")
GUEST = "gast@example.org"
UTC = datetime.UTC


def text(response):
    assert response.status_code == 200, response.status_code
    return html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def guest_order(client, django_capture_on_commit_callbacks):
    """A guest's delivery order of 2 × 10.00 €, and the status link from its confirmation e-mail."""
    add(client, product("10.00"), 2)
    checkout_with_delivery(client)
    with django_capture_on_commit_callbacks(execute=True):
        place(client)
    order = shopper_orders().get()
    link = re.search(r"http://testserver(/\S+/order-status/\S+/)", mail.outbox[0].body).group(1)
    mail.outbox.clear()
    return order, link


def withdrawal_url_on(page):
    return re.search(r'href="(/de/shop/withdrawal/[^"]+)"', page.content.decode()).group(1)


def test_a_guest_goes_from_the_mail_link_to_the_button_finds_everything_filled_in_and_declares(
    guest_order, django_capture_on_commit_callbacks
):
    order, link = guest_order
    guest = Client()  # later, from the mail: no session of the checkout
    status_page = guest.get(link)
    assert "Vertrag widerrufen" in text(status_page)  # no e-mail address asked first
    form_page = guest.get(withdrawal_url_on(status_page))
    form = form_page.content.decode()
    assert 'value="Erika Beispiel"' in form and f'value="{GUEST}"' in form
    assert "2 × " in text(form_page)  # the goods withdrawn from, as declared

    with django_capture_on_commit_callbacks(execute=True):
        done = guest.post(withdrawal_url_on(status_page), {"name": "Erika Beispiel", "email": GUEST})

    withdrawal = Withdrawal.objects.get(order=order)
    assert (withdrawal.name, withdrawal.email) == ("Erika Beispiel", GUEST)
    assert order.number in withdrawal.content and "Erika Beispiel" in withdrawal.content
    assert "Widerruf eingegangen" in text(done)
    order.refresh_from_db()
    assert order.status == statuses.WITHDRAWAL_DECLARED
    assert order.notes.get().note_type == "Withdrawal"


def test_a_second_declaration_changes_nothing_and_sends_no_second_mail(guest_order, django_capture_on_commit_callbacks):
    order, link = guest_order
    url = withdrawal_url_on(Client().get(link))
    fixed = datetime.datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(order, "Erika Beispiel", GUEST, now=fixed)
    sent = len(mail.outbox)
    assert sent == 2  # the acknowledgement and the staff notice

    with django_capture_on_commit_callbacks(execute=True):
        again = Client().post(url, {"name": "Someone Else", "email": "other@example.org"})  # second tab, back button
        twice, created = withdraw(order, "Erika Beispiel", GUEST)

    assert not created and twice.declared_at == fixed
    assert Withdrawal.objects.filter(order=order).count() == 1
    assert len(mail.outbox) == sent
    assert order.notes.count() == 1 and order.status_changes.count() == 1
    assert "02.12.2026 10:30" in text(again)  # "you withdrew on …", German winter time
    assert "Someone Else" not in text(again)


def test_the_order_page_shows_the_translated_status_and_the_declaration_instead_of_the_button(guest_order):
    order, link = guest_order
    withdraw(order, "Erika Beispiel", GUEST, now=datetime.datetime(2026, 12, 2, 9, 30, tzinfo=UTC))
    with translation.override("de"):
        german = str(statuses.label(statuses.WITHDRAWAL_DECLARED))
    page = text(Client().get(link))
    assert german in page
    assert "Vertrag widerrufen" not in page and "02.12.2026 10:30" in page
    assert "Withdrawal declared" in text(Client().get(link.replace("/de/", "/en/")))


@pytest.mark.parametrize(
    ("moment", "berlin"),
    [
        (datetime.datetime(2026, 7, 1, 10, 0, tzinfo=UTC), "01.07.2026 12:00"),  # summer: UTC+2
        (datetime.datetime(2026, 1, 15, 23, 30, tzinfo=UTC), "16.01.2026 00:30"),  # winter: UTC+1, the next day
    ],
)
def test_the_acknowledgement_repeats_the_declaration_in_german_time(
    guest_order, moment, berlin, django_capture_on_commit_callbacks
):
    order, _link = guest_order
    with django_capture_on_commit_callbacks(execute=True):
        withdrawal, _created = withdraw(order, "Erika Beispiel", GUEST, now=moment)
    acknowledgement = next(message for message in mail.outbox if message.to == [GUEST])
    body = acknowledgement.body
    assert order.number in acknowledgement.subject
    assert berlin in body and f"{moment:%H:%M}" not in body  # German time, not UTC as if local
    assert order.number in body and "Erika Beispiel" in body and GUEST in body
    assert "2 × " in body  # the goods withdrawn from
    assert withdrawal.declared_at == moment and berlin in withdrawal.content  # the same timestamp as stored
    assert berlin in order.notes.get().message


def test_shop_staff_are_told_with_the_declaration_and_a_link_to_the_order(
    guest_order, demo_user, django_capture_on_commit_callbacks
):
    order, _link = guest_order
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(order, "Erika Beispiel", GUEST)
    notice = next(message for message in mail.outbox if demo_user("shop@example.org").email in message.to)
    assert GUEST not in notice.to
    assert order.number in notice.subject
    assert "Erika Beispiel" in notice.body
    assert f"http://testserver/de/shop/dashboard/orders/{order.number}/" in notice.body


def test_without_active_shop_staff_the_shops_contact_address_is_told(
    guest_order, django_user_model, django_capture_on_commit_callbacks
):
    from accounts.roles import SHOP_STAFF
    from home.models import SiteSettings

    order, _link = guest_order
    django_user_model.objects.filter(groups__name=SHOP_STAFF).update(is_active=False)
    SiteSettings.objects.update(email="laden@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(order, "Erika Beispiel", GUEST)
    notice = next(message for message in mail.outbox if "laden@example.org" in message.to)
    assert "Erika Beispiel" in notice.body and order.number in notice.subject


def test_a_cancelled_order_offers_no_withdrawal_and_a_post_writes_nothing(guest_order):
    order, link = guest_order
    EventHandler().handle_order_status_change(order, statuses.CANCELLED)
    status_page = Client().get(link)
    assert "Vertrag widerrufen" not in text(status_page)
    url = f"/de/shop/withdrawal/{order.number}/{order.verification_hash()}/"
    response = Client().post(url, {"name": "Erika Beispiel", "email": GUEST})
    assert order.number in text(response) and not Withdrawal.objects.filter(order=order).exists()
    assert Order.objects.get(pk=order.pk).status == statuses.CANCELLED


def test_bad_input_keeps_the_form_and_records_nothing(guest_order):
    order, link = guest_order
    url = withdrawal_url_on(Client().get(link))
    response = Client().post(url, {"name": "", "email": "not-an-address"})
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    assert not Withdrawal.objects.filter(order=order).exists()
    assert Order.objects.get(pk=order.pk).status == statuses.PENDING_PAYMENT


def test_staff_cannot_set_the_withdrawal_status_themselves(guest_order, client, demo_user):
    order, _link = guest_order
    with pytest.raises(InvalidOrderStatus):
        EventHandler().handle_order_status_change(order, statuses.WITHDRAWAL_DECLARED)
    client.force_login(demo_user("shop@example.org"))
    page = client.get(f"/de/shop/dashboard/orders/{order.number}/").content.decode()
    assert 'value="Withdrawal declared"' not in page


# --- Refunds -------------------------------------------------------------------------------------------------------


@pytest.fixture
def paid_withdrawn_order(guest_order):
    order, _link = guest_order
    EventHandler().handle_order_status_change(order, statuses.PAID)
    order.refresh_from_db()
    withdraw(order, "Erika Beispiel", GUEST)
    order.refresh_from_db()
    return order


def refund_url(order):
    return f"/de/shop/dashboard/orders/{order.number}/refund/"


def refund_form(order, amount, **units):
    data = {"amount": amount, "reference": "Überweisung"}
    for line in order.lines.all():
        data[f"line_{line.pk}"] = units.get("units", line.quantity)
    return data


def refund_events(order):
    return PaymentEvent.objects.filter(order=order, event_type__name="Refunded")


def test_staff_refund_defaults_to_the_whole_payment_and_is_a_payment_event_with_lines(
    paid_withdrawn_order, client, demo_user
):
    order = paid_withdrawn_order
    client.force_login(demo_user("shop@example.org"))
    detail = client.get(f"/de/shop/dashboard/orders/{order.number}/").content.decode()
    assert refund_url(order) in detail and "Erika Beispiel" in detail  # the declaration is on the order page
    form = client.get(refund_url(order))
    assert form.context["form"]["amount"].value() == order.total_incl_tax  # lines' gross + shipping
    response = client.post(refund_url(order), refund_form(order, order.total_incl_tax))
    assert response.status_code == 302
    event = refund_events(order).get()
    assert event.amount == order.total_incl_tax and event.reference == "Überweisung"
    assert [(q.line_id, q.quantity) for q in event.line_quantities.all()] == [
        (line.pk, line.quantity) for line in order.lines.all()
    ]


@pytest.mark.parametrize(
    ("amount", "units", "field", "message"),
    [
        ("99.00", None, "__all__", "höchstens noch"),  # more than paid (the dashboard speaks German)
        ("-1.00", None, "amount", "0"),  # negative
        ("5.00", 3, "line", "2"),  # more units than bought
    ],
)
def test_a_bad_refund_is_refused_with_a_clear_error_and_writes_nothing(
    paid_withdrawn_order, client, demo_user, amount, units, field, message
):
    order = paid_withdrawn_order
    client.force_login(demo_user("shop@example.org"))
    data = refund_form(order, amount) if units is None else refund_form(order, amount, units=units)
    response = client.post(refund_url(order), data)
    errors = response.context["form"].errors
    field = f"line_{order.lines.get().pk}" if field == "line" else field
    assert response.status_code == 200 and message in " ".join(errors[field])
    assert " ".join(errors[field]) in text(response)  # shown to staff
    assert not refund_events(order).exists()


def test_refunded_units_reduce_the_royalty_basis_once_even_when_the_order_is_then_cancelled(paid_withdrawn_order):
    order = paid_withdrawn_order
    line = order.lines.get()
    refunds.record_refund(order, Decimal("10.00"), {line: 1})
    refunds.record_refund(order, refunds.refundable_amount(order), {line: 1})
    EventHandler().handle_order_status_change(order, statuses.CANCELLED)  # nothing left: no third refund
    assert refund_events(order).count() == 2
    assert sum(event.amount for event in refund_events(order)) == order.total_incl_tax
    today = timezone.localdate()
    rows = [row for row in sales_basis(today, today, [line.product_id]) if row.channel == ONLINE]
    assert sum(row.units for row in rows) == 0  # 2 sold, 2 refunded
    with pytest.raises(refunds.RefundError):
        refunds.record_refund(order, Decimal("0.01"), {})


def test_the_refund_hook_tells_other_parts_of_the_shop(paid_withdrawn_order):
    received = []

    def receiver(**kwargs):
        received.append(kwargs)

    refunds.order_refunded.connect(receiver)
    try:
        refunds.refund_rest(paid_withdrawn_order)
    finally:
        refunds.order_refunded.disconnect(receiver)
    assert received and received[0]["order"] == paid_withdrawn_order
    assert received[0]["amount"] == paid_withdrawn_order.total_incl_tax


def test_only_shop_staff_record_refunds(paid_withdrawn_order, client, demo_user):
    for email in ("finance@example.org", "marketing@example.org"):
        client.force_login(demo_user(email))
        response = client.post(refund_url(paid_withdrawn_order), refund_form(paid_withdrawn_order, "1.00"))
        assert response.status_code == 403
    assert not refund_events(paid_withdrawn_order).exists()


def test_a_shipped_order_withdrawn_and_cancelled_refunds_everything_once(guest_order):
    order, _link = guest_order
    for status in (statuses.PAID, statuses.IN_FULFILMENT, statuses.SHIPPED):
        EventHandler().handle_order_status_change(order, status)
        order.refresh_from_db()
    withdraw(order, "Erika Beispiel", GUEST)
    order.refresh_from_db()
    assert order.available_statuses() == (statuses.CANCELLED,)  # what staff do next: refund, then cancel
    EventHandler().handle_order_status_change(order, statuses.CANCELLED)
    event = refund_events(order).get()
    assert event.amount == order.total_incl_tax and event.line_quantities.get().quantity == 2
