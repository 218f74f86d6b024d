"""Licences with impossible terms are rejected with a message, and nothing is saved."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from products.licensing.forms import LicenceForm
from products.licensing.models import Licence
from tests.factories import DesignerFactory, LicenceFactory, ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages():
    # The assertions read the English messages; the German ones are in the catalogue.
    with translation.override("en"):
        yield


def licence(**overrides):
    values = {
        "designer": DesignerFactory(),
        "contract_number": "L-TEST-1",
        "start_date": datetime.date(2025, 1, 1),
        "end_date": datetime.date(2026, 12, 31),
        "royalty_percentage": Decimal("10"),
    }
    values.update(overrides)
    return Licence(**values)


def errors_of(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return {field: " ".join(messages) for field, messages in caught.value.message_dict.items()}


def test_valid_percentage_and_per_unit_licences_pass():
    licence().full_clean()
    licence(royalty_percentage=None, royalty_per_unit=Decimal("2.50"), advance=Decimal("100")).full_clean()


def test_end_before_start_is_rejected():
    errors = errors_of(licence(end_date=datetime.date(2024, 12, 31)))
    assert "cannot end before it starts" in errors["end_date"]


def test_messages_are_translated_for_german_finance_staff():
    with translation.override("de"):
        errors = errors_of(licence(end_date=datetime.date(2024, 12, 31)))
    assert "Die Lizenz kann nicht enden, bevor sie beginnt." in errors["end_date"]


def test_neither_percentage_nor_per_unit_amount_is_rejected():
    errors = errors_of(licence(royalty_percentage=None))
    assert "percentage of net revenue or an amount per unit" in errors["royalty_percentage"]


def test_both_kinds_of_royalty_are_rejected():
    errors = errors_of(licence(royalty_per_unit=Decimal("1.00")))
    assert "not both" in errors["royalty_per_unit"]


@pytest.mark.parametrize("percentage", ["-1", "100.01", "150"])
def test_percentage_outside_0_to_100_is_rejected(percentage):
    errors = errors_of(licence(royalty_percentage=Decimal(percentage)))
    assert "100" in errors["royalty_percentage"]


def test_advance_without_terms_is_rejected():
    errors = errors_of(licence(royalty_percentage=None, advance=Decimal("500")))
    assert "enter the royalty terms first" in errors["advance"]


def form_data(designer, products, **overrides):
    data = {
        "designer": designer.pk,
        "contract_number": "L-FORM-1",
        "products": [product.pk for product in products],
        "start_date": "2025-01-01",
        "end_date": "2025-12-31",
        "royalty_percentage": "10",
        "royalty_per_unit": "",
        "advance": "0",
        "minimum_guarantee": "0",
        "notes": "",
    }
    data.update(overrides)
    return data


def licence_form(data):
    from wagtail.admin.panels import get_edit_handler

    form_class = get_edit_handler(Licence).get_form_class()
    assert issubclass(form_class, LicenceForm)
    return form_class(data=data, instance=Licence())


def test_same_product_in_overlapping_licences_is_rejected_and_nothing_is_saved():
    product = ProductFactory(title="Doppelt lizenziert")
    existing = LicenceFactory(products=[product], start_date=datetime.date(2024, 1, 1),
                              end_date=datetime.date(2025, 3, 31))
    count = Licence.objects.count()
    form = licence_form(form_data(DesignerFactory(), [product, ProductFactory()]))
    assert not form.is_valid()
    message = " ".join(form.errors["products"])
    assert "Doppelt lizenziert" in message and existing.contract_number in message
    assert Licence.objects.count() == count


def test_same_product_in_consecutive_licences_is_accepted():
    product = ProductFactory()
    LicenceFactory(products=[product], start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2024, 12, 31))
    form = licence_form(form_data(DesignerFactory(), [product]))
    assert form.is_valid(), form.errors
    saved = form.save()
    assert list(saved.products.all()) == [product]


def test_form_shows_model_errors_and_saves_nothing():
    count = Licence.objects.count()
    form = licence_form(form_data(DesignerFactory(), [ProductFactory()], royalty_percentage="", advance="300"))
    assert not form.is_valid()
    assert "enter the royalty terms first" in " ".join(form.errors["advance"])
    assert Licence.objects.count() == count
