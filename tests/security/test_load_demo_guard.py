"""load_demo (logins with a published password) never runs on a database holding real users or orders."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("debug", [True, False])
def test_a_real_customer_account_stops_it_before_anything_is_written(settings, django_user_model, debug):
    settings.DEBUG = debug
    django_user_model.objects.filter(email="marketing@example.org").delete()
    django_user_model.objects.create_user(email="kundin@web.de", password="x-y-z-12345")
    with pytest.raises(CommandError, match="real data"):
        call_command("load_demo", allow_production=True, stdout=io.StringIO())
    assert not django_user_model.objects.filter(email="marketing@example.org").exists()


def test_a_real_guest_order_stops_it_too():
    from oscar.core.loading import get_model

    Order = get_model("order", "Order")
    order = Order.objects.filter(user=None).first() or Order.objects.first()
    Order.objects.filter(pk=order.pk).update(user=None, guest_email="gast@posteo.de")
    with pytest.raises(CommandError, match="real data"):
        call_command("load_demo", allow_production=True, stdout=io.StringIO())


def test_the_demo_itself_is_not_real_data():
    from home.management.commands.load_demo import real_data_present

    assert real_data_present() == (0, 0)
