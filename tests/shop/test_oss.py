"""EU distance sales (§ 3c UStG): German VAT below the € 10,000 threshold, the destination's rate from the sale
that crosses it, the invoice that says so, and Finance's quarterly OSS report."""

import csv
import datetime
import io
import itertools
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from shop import eu_vat_rates, vat
from shop.invoicing.services import stored_pdf
from shop.oss.report import oss_report
from shop.oss.threshold import THRESHOLD, oss_applies
from shop.shipping.repository import EU_COUNTRIES
from tests.shop.checkout_helpers import (
    ADDRESS,
    add,
    deliver_to,
    pay_by,
    pick_up,
    place,
    preview,
    product,
    ship,
    shopper_orders,
    start_as_guest,
)
from tests.shop.test_invoice import pdf_text

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
ShippingAddress = get_model("order", "ShippingAddress")
EventHandler = get_class("order.processing", "EventHandler")

PARIS = {**ADDRESS, "line1": "1 rue de Rivoli", "line4": "Paris", "postcode": "75001", "country": "FR"}
DUBLIN = {**ADDRESS, "line1": "1 Grafton Street", "line4": "Dublin", "postcode": "D02 X285", "country": "IE"}
_numbers = itertools.count(1)


def berlin(year, month=6, day=15):
    return datetime.datetime(year, month, day, 12, tzinfo=timezone.get_current_timezone())


def past_sale(net, when, country="FR", status="Shipped"):
    """An earlier order delivered to `country` (only its totals, address, date and status matter to the threshold)."""
    address = ShippingAddress.objects.create(
        first_name="Ana", last_name="Past", line1="Rue 1", line4="Ville", postcode="12345", country_id=country
    )
    return Order.objects.create(
        number=f"OSS-PAST-{next(_numbers)}", currency="EUR", total_excl_tax=D(net), total_incl_tax=D(net) * D("1.19"),
        shipping_address=address, date_placed=when, status=status,
    )


def order_to(client, address, *items):
    for item in items:
        add(client, item)
    start_as_guest(client)
    deliver_to(client, address)
    client.get("/de/shop/checkout/shipping-method/")
    pay_by(client, "bank-transfer")
    page = preview(client)
    place(client)
    return shopper_orders().exclude(number__startswith="OSS-PAST-").latest("pk"), page


def this_year():
    return timezone.localdate().year


# --- the rate table ------------------------------------------------------------------------------------------------


def test_the_table_has_every_member_state_the_shop_delivers_to_with_decimal_rates():
    assert set(eu_vat_rates.RATES) == set(EU_COUNTRIES) and len(eu_vat_rates.RATES) == 26
    for rates in eu_vat_rates.RATES.values():
        assert isinstance(rates.standard, D) and isinstance(rates.books, D) and rates.books <= rates.standard
    assert eu_vat_rates.rate("FR", "reduced") == D("0.055") and eu_vat_rates.rate("IE", "reduced") == D("0")
    assert "European Commission" in eu_vat_rates.__doc__ and eu_vat_rates.VALID_FROM == datetime.date(2026, 1, 1)


def test_tax_codes_carry_the_country_and_print_plain_percentages():
    assert vat.tax_code(D("0.20"), "FR") == "FR-20"  # not "FR-2E+1"
    assert vat.tax_code(D("0.055"), "FR") == "FR-5.5" and vat.tax_code(D("0"), "IE") == "IE-0"
    assert vat.tax_code(D("0.19")) == "19"
    assert vat.rate_from_code("FR-5.5") == D("0.055") and vat.country_of_code("FR-20") == "FR"
    assert vat.rate_from_code("7") == D("0.07") and vat.country_of_code("19") is None


# --- the threshold -------------------------------------------------------------------------------------------------


def test_below_the_threshold_an_order_to_france_has_german_vat(client):
    past_sale("9000.00", berlin(this_year(), 1, 10))
    past_sale("20000.00", berlin(this_year(), 1, 11), country="DE")  # sales in Germany are no distance sales
    order, page = order_to(client, PARIS, product("10.00"))
    assert [line.tax_code for line in order.lines.all()] == ["19"]
    assert order.shipping_tax_code == "19"
    assert "4,28" in page.content.decode()  # the summary's VAT: 26.80 € × 19/119
    assert "Ort der Lieferung" not in pdf_text(stored_pdf(ship(order).invoice))


def test_the_order_that_crosses_the_threshold_already_has_the_french_rate(client):
    past_sale("9990.00", berlin(this_year(), 1, 10))
    # 10.00 € net of goods and 12.52 € of shipping (German net) take the year past 10,000 €.
    order, page = order_to(client, PARIS, product("10.00"))
    line = order.lines.get()
    assert line.tax_code == "FR-20"
    # The gross price is the one the shopper saw; the VAT inside it is France's.
    assert (line.unit_price_incl_tax, line.unit_price_excl_tax) == (D("11.90"), D("9.92"))
    assert (order.shipping_incl_tax, order.shipping_excl_tax, order.shipping_tax_code) == (
        D("14.90"), D("12.42"), "FR-20")
    assert order.total_incl_tax == D("26.80")
    assert [(t.country, t.percent, t.net, t.tax) for t in vat.order_breakdown(order)] == [
        ("FR", D("20"), D("22.33"), D("4.47"))]  # 26.80 × 20/120 = 4.4667
    assert "4,47" in page.content.decode() and "4,28" not in page.content.decode()  # the summary shows it too


def test_a_cancelled_order_does_not_count_towards_the_threshold(client):
    past_sale("9990.00", berlin(this_year(), 1, 10), status="Cancelled")
    order, _page = order_to(client, PARIS, product("10.00"))
    assert order.lines.get().tax_code == "19"


def test_after_the_crossing_the_rest_of_the_year_and_the_whole_next_year_are_taxed_at_the_destination():
    past_sale("10000.01", berlin(2030, 11, 30))
    assert oss_applies(datetime.date(2030, 12, 1))
    assert oss_applies(datetime.date(2031, 1, 1)) and oss_applies(datetime.date(2031, 12, 31))
    assert not oss_applies(datetime.date(2032, 1, 1))  # 2031 had no distance sales: back to German VAT


def test_exactly_the_threshold_is_not_exceeded():
    past_sale(str(THRESHOLD), berlin(2030, 3, 1))
    assert not oss_applies(datetime.date(2030, 12, 31))
    assert oss_applies(datetime.date(2030, 12, 31), sale_net=D("0.01"))


def test_the_previous_year_over_the_threshold_means_destination_vat_from_the_first_sale(client):
    past_sale("6000.00", berlin(this_year() - 1, 3, 1), country="AT")
    past_sale("4000.01", berlin(this_year() - 1, 9, 1), country="NL")  # EU-wide: all member states together
    order, _page = order_to(client, PARIS, product("10.00"))
    assert order.lines.get().tax_code == "FR-20"


def test_pick_up_orders_are_no_distance_sales(client):
    past_sale("20000.00", berlin(this_year(), 1, 10))
    add(client, product("10.00"))
    start_as_guest(client)
    from shop.shipping.repository import pickup_methods

    pick_up(client, pickup_methods()[0].code)
    pay_by(client, "pay-on-pickup")
    place(client)
    assert shopper_orders().exclude(number__startswith="OSS-PAST-").get().lines.get().tax_code == "19"


# --- rates by tax class, shipping ----------------------------------------------------------------------------------


def test_a_book_to_ireland_has_zero_vat_and_to_france_five_point_five(client, settings):
    settings.SHOP_OSS_OPT_IN = True
    order, _page = order_to(client, DUBLIN, product("10.00", "reduced"))
    line = order.lines.get()
    assert line.tax_code == "IE-0"
    assert (line.unit_price_incl_tax, line.unit_price_excl_tax) == (D("10.70"), D("10.70"))
    assert [(t.percent, t.tax) for t in vat.order_breakdown(order)] == [(D("0"), D("0.00"))]

    other = client.__class__()
    order, _page = order_to(other, PARIS, product("10.00", "reduced"))
    assert order.lines.get().tax_code == "FR-5.5"
    assert order.lines.get().unit_price_excl_tax == D("10.14")  # 10.70 / 1.055


def test_shipping_vat_follows_the_destination_rates_of_the_goods(client, settings):
    settings.SHOP_OSS_OPT_IN = True
    order, _page = order_to(client, PARIS, product("20.00", "standard"), product("20.00", "reduced"))
    # Goods 23.80 € (20 %) and 21.40 € (5.5 %): shipping 14.90 € splits 7.85 / 7.05 € by the goods' gross.
    assert order.shipping_tax_code == "mixed"
    assert order.shipping_excl_tax == vat.cents(D("7.85") / D("1.20")) + vat.cents(D("7.05") / D("1.055"))
    totals = {t.percent: (t.gross, t.tax) for t in vat.order_breakdown(order)}
    assert totals == {D("20"): (D("31.65"), D("5.28")), D("5.5"): (D("28.45"), D("1.48"))}
    assert sum(gross for gross, _tax in totals.values()) == order.total_incl_tax == D("60.10")


# --- the invoice ---------------------------------------------------------------------------------------------------


def test_the_invoice_shows_the_destination_rate_and_the_place_of_supply(client, settings):
    settings.SHOP_OSS_OPT_IN = True
    order, _page = order_to(client, PARIS, product("10.00"))
    text = " ".join(pdf_text(stored_pdf(ship(order).invoice)).split())
    assert "Umsatzsteuer 20 % 4,47 €" in text
    assert "Nettobetrag zu 20 % 22,33 €" in text
    assert "Ort der Lieferung: Frankreich (§ 3c UStG)" in text
    assert "One-Stop-Shop-Verfahren (OSS)" in text
    assert "FR-20" not in text and "19 %" not in text


# --- the report ----------------------------------------------------------------------------------------------------


def current_quarter():
    today = timezone.localdate()
    return today.year, (today.month - 1) // 3 + 1


def test_the_report_totals_equal_the_orders_with_cancellations_deducted(client, settings):
    settings.SHOP_OSS_OPT_IN = True
    french, _ = order_to(client, PARIS, product("10.00"), product("20.00", "reduced"))
    irish, _ = order_to(client.__class__(), DUBLIN, product("30.00"))
    cancelled, _ = order_to(client.__class__(), PARIS, product("50.00"))
    handler = EventHandler()
    handler.handle_order_status_change(cancelled, "Paid")
    handler.handle_order_status_change(cancelled, "Cancelled")  # paid, then cancelled: a "Refunded" event
    german, _ = order_to(client.__class__(), ADDRESS, product("10.00"))  # German VAT: not in the OSS report

    rows = {(row.country, row.percent): (row.net, row.tax) for row in oss_report(*current_quarter())}
    expected = {}
    for order in (french, irish):
        for total in vat.order_breakdown(order):
            net, tax = expected.get((total.country, total.percent), (D("0"), D("0")))
            expected[(total.country, total.percent)] = (net + total.net, tax + total.tax)
    # The cancelled order's sale and its refund in the same quarter cancel out.
    assert {key: value for key, value in rows.items() if value != (D("0"), D("0"))} == expected
    assert set(expected) == {("FR", D("20")), ("FR", D("5.5")), ("IE", D("23"))}
    assert german.lines.get().tax_code == "19"


def test_a_refund_in_a_later_quarter_is_deducted_there_and_the_csv_keeps_negative_numbers(client, settings):
    settings.SHOP_OSS_OPT_IN = True
    order, _ = order_to(client, PARIS, product("10.00"))
    Order.objects.filter(pk=order.pk).update(date_placed=berlin(2025, 3, 20))
    order.refresh_from_db()
    handler = EventHandler()
    handler.handle_order_status_change(order, "Paid")
    handler.handle_order_status_change(order, "Cancelled")
    get_model("order", "PaymentEvent").objects.filter(order=order, event_type__name="Refunded").update(
        date_created=berlin(2025, 4, 2))
    assert [(r.country, r.net, r.tax) for r in oss_report(2025, 1)] == [("FR", D("22.33"), D("4.47"))]
    assert [(r.country, r.net, r.tax) for r in oss_report(2025, 2)] == [("FR", D("-22.33"), D("-4.47"))]

    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(email="finance@example.org"))
    response = client.get(reverse("oss_report"), {"year": 2025, "quarter": 2, "download": "1"})
    assert response["Content-Disposition"] == 'attachment; filename="OSS-2025-Q2.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    # Amounts are plain numbers (a spreadsheet adds them up); text cells would be neutralised (core/csv_safe.py).
    assert rows[1] == ["2025-Q2", "FR", "Frankreich", "20", "-22.33", "-4.47"]


def test_csv_cells_that_would_run_as_formulas_are_neutralised():
    from shop.oss import report

    row = report.ReportRow("FR", D("0.20"), D("1.00"), D("0.20"))
    out = io.StringIO()
    from core.csv_safe import writer

    writer(out, delimiter=";").writerow(["=cmd|' /C calc'!A0", row.country, str(-row.net)])
    assert out.getvalue().startswith("'=cmd")
    assert ";-1.00" in out.getvalue()


def test_the_report_page_shows_the_rows_to_finance_within_a_query_budget(client, settings, demo_user,
                                                                           django_assert_max_num_queries):
    settings.SHOP_OSS_OPT_IN = True
    orders = [order_to(client.__class__(), PARIS, product("10.00"), product("20.00", "reduced"))[0] for _n in range(3)]
    net_at_20 = sum(t.net for order in orders for t in vat.order_breakdown(order) if t.percent == 20)
    client.force_login(demo_user("finance@example.org"))
    year, quarter = current_quarter()
    with django_assert_max_num_queries(14):
        response = client.get(reverse("oss_report"), {"year": year, "quarter": quarter})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Frankreich (FR)" in page or "France (FR)" in page
    assert f"{net_at_20}".replace(".", ",") + " €" in page


@pytest.mark.parametrize("query", [{"year": "zwanzig", "quarter": "1"}, {"year": "2026", "quarter": "7"},
                                   {"year": "1999", "quarter": "1"}, {"year": "2999", "quarter": "1", "download": "1"}])
def test_bad_input_gets_a_form_error_and_no_report(client, demo_user, query):
    client.force_login(demo_user("finance@example.org"))
    response = client.get(reverse("oss_report"), query)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize("email", ["marketing@example.org", "shop@example.org", "designer@example.org"])
def test_only_finance_reads_the_report(client, demo_user, email):
    client.force_login(demo_user(email))
    year, quarter = current_quarter()
    for query in ({}, {"year": year, "quarter": quarter, "download": "1"}):
        response = client.get(reverse("oss_report"), query)
        assert response.status_code in (302, 403)
        assert b"OSS-" not in response.content
