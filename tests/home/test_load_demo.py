import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def row_counts():
    models = [m for m in apps.get_models() if m._meta.managed and not m._meta.proxy]
    return {model._meta.label: model.objects.count() for model in models}


def test_running_load_demo_again_changes_nothing(capsys):
    before = row_counts()
    call_command("load_demo", allow_production=True)
    after = row_counts()
    changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
    assert changed == {}
    out = capsys.readouterr().out
    emails = ("marketing@example.org", "approver@example.org", "shop@example.org", "finance@example.org")
    for email in (*emails, "designer@example.org"):
        assert email in out


def test_demo_has_one_login_per_role(django_user_model):
    for role in ("Marketing", "Marketing approvers", "Shop staff", "Finance", "Designers"):
        assert django_user_model.objects.filter(groups__name=role).count() == 1


def test_demo_partner_is_the_social_workshop():
    Partner = apps.get_model("partner", "Partner")
    assert Partner.objects.filter(name="Sozialwerkstatt im Depot").exists()


def test_load_demo_refuses_to_run_with_debug_off_unless_told(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")


def test_demo_stock_ledger_balances():
    """Every demo stock record, including the bulk-created ones, equals the sum of its movements."""
    from shop.partner.services import ledger_differences

    assert ledger_differences() == []


def test_the_demo_history_queues_no_mail():
    """The demo issues a year of Gutschriften as Finance would have; their e-mails are history, never sent."""
    OutgoingEmail = apps.get_model("core", "OutgoingEmail")
    assert apps.get_model("licensing", "Statement").objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_load_demo_corrects_the_vat_class_of_a_demo_loaded_before():
    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    Product.objects.filter(upc__in=["MIAN-P-002", "MIAN-P-004"]).update(tax_class="reduced")
    call_command("load_demo", allow_production=True)
    assert set(Product.objects.filter(upc__startswith="MIAN-P-").values_list("tax_class", flat=True)) == {"standard"}
