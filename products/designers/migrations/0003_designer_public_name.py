from django.db import migrations, models


def public_name_from_page(apps, schema_editor):
    """The name a designer is published under is the title of their (first) designer page."""
    Designer = apps.get_model("designers", "Designer")
    DesignerPage = apps.get_model("designers", "DesignerPage")
    for designer in Designer.objects.filter(public_name=""):
        page = DesignerPage.objects.filter(designer=designer).order_by("pk").first()
        if page is not None:
            designer.public_name = page.title[:200]
            designer.save(update_fields=["public_name"])


class Migration(migrations.Migration):

    dependencies = [
        ('designers', '0002_alter_designer_vat_status'),
    ]

    operations = [
        migrations.AddField(
            model_name='designer',
            name='public_name',
            field=models.CharField(blank=True, help_text="The name as published on the designer page. Outside Finance's lists the record is shown only by this name, or by its code when empty; never by the legal name.", max_length=200, verbose_name='public name'),
        ),
        migrations.RunPython(public_name_from_page, migrations.RunPython.noop),
    ]
