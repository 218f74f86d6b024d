"""German VAT: gross from net per unit (half-up), 19 %/7 % by tax class, VAT per rate, vouchers on gross."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from shop import vat
from shop.partner.strategy import Selector
from tests.shop.checkout_helpers import product

Basket = get_model("basket", "Basket")
Range = get_model("offer", "Range")
Condition = get_model("offer", "Condition")
Benefit = get_model("offer", "Benefit")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Voucher = get_model("voucher", "Voucher")
Applicator = get_class("offer.applicator", "Applicator")

pytestmark = pytest.mark.django_db
D = Decimal


def basket_with(*items):
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for item, quantity in items:
        basket.add_product(item, quantity)
    return basket


def percent_voucher(percent, code="ZEHN"):
    everything = Range.objects.create(name=f"Alles {code}", includes_all_products=True)
    offer = ConditionalOffer.objects.create(
        name=f"Gutschein {code}", offer_type=ConditionalOffer.VOUCHER,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=percent),
    )
    now = timezone.now()
    voucher = Voucher.objects.create(
        name=code, code=code, usage=Voucher.MULTI_USE,
        start_datetime=now - timedelta(days=1), end_datetime=now + timedelta(days=1),
    )
    voucher.offers.add(offer)
    return voucher


def test_gross_prices_by_tax_class_rounded_half_up_per_unit():
    standard, reduced = product("10.00", "standard"), product("7.56", "reduced")
    strategy = Selector().strategy()
    assert strategy.fetch_for_product(standard).price.incl_tax == D("11.90")
    info = strategy.fetch_for_product(reduced).price
    # 7.56 × 0.07 = 0.5292 → 0.53: the shopper sees 8.09 €.
    assert (info.excl_tax, info.tax, info.incl_tax, info.tax_code) == (D("7.56"), D("0.53"), D("8.09"), "7")
    # 0.025 cents of tax round half-up: 0.05 × 0.19 = 0.0095 → 0.01
    assert vat.tax_on(D("0.05"), D("0.19")) == D("0.01")


def test_mixed_basket_vat_per_rate_adds_up_to_the_cent():
    basket = basket_with((product("24.37", "standard"), 3), (product("7.56", "reduced"), 2))
    rates = vat.basket_breakdown(basket)
    assert [(r.percent, r.net, r.tax) for r in rates] == [
        (D("19"), D("73.11"), D("13.89")), (D("7"), D("15.12"), D("1.06")),
    ]
    assert sum(r.gross for r in rates) == basket.total_incl_tax == D("103.18")
    assert sum(r.net for r in rates) == basket.total_excl_tax


def test_voucher_on_a_mixed_basket_keeps_every_line_and_total_consistent():
    basket = basket_with((product("24.37", "standard"), 3), (product("7.56", "reduced"), 2))
    basket.vouchers.add(percent_voucher(10))
    Applicator().apply(basket, AnonymousUser())
    assert basket.total_incl_tax == D("92.86")  # 103.18 − 10 %, rounded per line
    for line in basket.all_lines():
        net, gross = line.line_price_excl_tax_incl_discounts, line.line_price_incl_tax_incl_discounts
        assert net == net.quantize(D("0.01")) and gross == gross.quantize(D("0.01"))
        rate = vat.rate_for(line.product)
        # The VAT of a discounted line is still its rate's share of the gross (to the cent).
        assert abs(gross - net - vat.cents(net * rate)) <= D("0.01")
    rates = vat.basket_breakdown(basket)
    assert sum(r.gross for r in rates) == basket.total_incl_tax
    assert sum(r.net for r in rates) == basket.total_excl_tax


def test_shipping_vat_follows_the_goods_in_proportion():
    parts = vat.split_gross_by_shares(D("4.90"), {D("0.19"): D("75.00"), D("0.07"): D("25.00")})
    assert [(p[0], p[1]) for p in parts] == [(D("0.19"), D("3.68")), (D("0.07"), D("1.22"))]
    assert sum(p[1] for p in parts) == D("4.90")
    assert all(p[2] + p[3] == p[1] for p in parts)
    rates = vat.breakdown([("19", D("11.90"))], D("4.90"))
    assert [(r.net, r.tax) for r in rates] == [(D("14.12"), D("2.68"))]


def test_vat_per_rate_is_rounded_once_on_the_rate_total_not_per_unit():
    # 6 × 4.99 € net = 29.94 € at 19 %: 5.69 € VAT (29.94 × 0.19 = 5.6886), not 6 × 0.95 = 5.70 € per unit.
    basket = basket_with((product("4.99", "standard"), 6))
    [standard] = vat.basket_breakdown(basket)
    assert standard.tax == D("5.69")
    # The shopper pays the gross line total (6 × 5.94 €); the invoice's net is the rest, so both add up.
    assert standard.gross == basket.total_incl_tax == D("35.64")
    assert standard.net == D("29.95") and vat.cents(standard.net * D("0.19")) == D("5.69")


def test_rate_totals_from_rate_and_gross_pairs():
    rates = vat.rate_totals([(D("0.19"), D("5.94"))] * 6 + [(D("0.07"), D("8.09")), (D("0.07"), D("8.09"))])
    assert [(r.percent, r.gross, r.net, r.tax) for r in rates] == [
        (D("19"), D("35.64"), D("29.95"), D("5.69")), (D("7"), D("16.18"), D("15.12"), D("1.06")),
    ]


def test_voucher_on_a_mixed_basket_vat_per_rate_from_the_rate_totals_after_the_voucher():
    basket = basket_with((product("4.99", "standard"), 6), (product("7.56", "reduced"), 2))
    basket.vouchers.add(percent_voucher(10))
    Applicator().apply(basket, AnonymousUser())
    gross_by_rate = {}
    for line in basket.all_lines():
        rate = vat.rate_for(line.product)
        gross_by_rate[rate] = gross_by_rate.get(rate, D("0")) + line.line_price_incl_tax_incl_discounts
    rates = vat.basket_breakdown(basket)
    assert [(r.rate, r.gross) for r in rates] == sorted(gross_by_rate.items(), reverse=True)
    for entry in rates:
        assert entry.tax == vat.cents(entry.gross * entry.rate / (1 + entry.rate))
        assert entry.net + entry.tax == entry.gross
    # 32.08 € at 19 % (35.64 − 10 %) holds 5.12 € VAT; summed per line (6 × 0.95 − 10 %) it was 5.13 €.
    assert [(r.percent, r.gross, r.tax) for r in rates] == [(D("19"), D("32.08"), D("5.12")),
                                                            (D("7"), D("14.56"), D("0.95"))]
    assert sum(r.gross for r in rates) == basket.total_incl_tax


@pytest.mark.parametrize("upc", ["MIAN-P-001", "MIAN-P-002", "MIAN-P-003", "MIAN-P-004"])
def test_demo_prints_postcards_posters_and_calendars_are_standard_rate(upc):
    # Anlage 2 Nr. 49 UStG (7 %) covers books, brochures, newspapers, picture books, printed music and maps
    # (customs headings 4901–4905, 4907); postcards (4909), calendars (4910), posters and prints (4911) are 19 %.
    product = get_model("catalogue", "Product").objects.get(upc=upc)
    assert product.tax_class == "standard"
    info = Selector().strategy().fetch_for_product(product).price
    assert info.tax_code == "19" and info.incl_tax == vat.cents(info.excl_tax * D("1.19"))


def test_the_vat_class_help_text_names_the_real_rule():
    from django.utils import translation

    field = get_model("catalogue", "Product")._meta.get_field("tax_class")
    with translation.override("en"):
        text = str(field.help_text)
    assert "Anlage 2 Nr. 49 UStG" in text and "4901–4905" in text
    assert "postcards, posters, art prints and calendars" in text
    assert "e.g. for printed matter" not in text
