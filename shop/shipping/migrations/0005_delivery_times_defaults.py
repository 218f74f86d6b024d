from django.db import migrations

# The shop's times when the feature came: 2–4 working days from the workshop's stock, 10–15 made to order,
# pick-up ready in 1–2 working days. Shop staff change them in the dashboard.
DEFAULTS = {"in_stock": (2, 4), "made_to_order": (10, 15), "pickup": (1, 2)}


def seed(apps, schema_editor):
    DeliveryTime = apps.get_model("shipping", "DeliveryTime")
    for state, (low, high) in DEFAULTS.items():
        DeliveryTime.objects.get_or_create(state=state, defaults={"min_days": low, "max_days": high})


class Migration(migrations.Migration):
    dependencies = [("shipping", "0004_delivery_times")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
