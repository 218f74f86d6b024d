"""Clean the staff rich text already stored (issue 12: stored XSS by shop staff).

New rows are cleaned on save (the forked catalogue models; core.sanitize's pre_save receivers for Oscar's offer app
and flat pages). This migration brings existing rows to the same state. It lives here because the catalogue is the
project's fork of Oscar; the offer and flatpages apps are not forked, so their tables are cleaned from here too.
Reversing it keeps the cleaned text: the removed markup was never meant to run.
"""

from django.db import migrations

from core.sanitize import sanitize_html

FIELDS = {
    ("catalogue", "Category"): ("description", "long_description"),
    ("catalogue", "Product"): ("description",),
    ("catalogue", "ProductTranslation"): ("description",),
    ("catalogue", "ProductAttributeValue"): ("value_richtext",),
    ("offer", "ConditionalOffer"): ("description",),
    ("offer", "Range"): ("description",),
    ("flatpages", "FlatPage"): ("content",),
}


def clean_stored_html(apps, schema_editor):
    for (app_label, model_name), fields in FIELDS.items():
        model = apps.get_model(app_label, model_name)
        changed = []
        for row in model.objects.only("pk", *fields).iterator(chunk_size=500):
            dirty = False
            for field in fields:
                value = getattr(row, field)
                if value and sanitize_html(value) != value:
                    setattr(row, field, sanitize_html(value))
                    dirty = True
            if dirty:
                changed.append(row)
        model.objects.bulk_update(changed, fields, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0034_label_fields_and_translations"),
        ("offer", "0013_range_excluded_categories"),
        ("flatpages", "0001_initial"),
    ]

    operations = [migrations.RunPython(clean_stored_html, migrations.RunPython.noop)]
