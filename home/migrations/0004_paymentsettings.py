import django.db.models.deletion
from django.db import migrations, models

BANK_FIELDS = ("bank_account_holder", "bank_name", "iban", "bic")


def copy_bank_details(apps, schema_editor):
    """Bank details move out of the site settings Marketing edits into Finance's own settings object."""
    SiteSettings = apps.get_model("home", "SiteSettings")
    PaymentSettings = apps.get_model("home", "PaymentSettings")
    for site_settings in SiteSettings.objects.all():
        PaymentSettings.objects.update_or_create(
            site_id=site_settings.site_id,
            defaults={field: getattr(site_settings, field) for field in BANK_FIELDS},
        )


def copy_bank_details_back(apps, schema_editor):
    SiteSettings = apps.get_model("home", "SiteSettings")
    PaymentSettings = apps.get_model("home", "PaymentSettings")
    for payment_settings in PaymentSettings.objects.all():
        SiteSettings.objects.filter(site_id=payment_settings.site_id).update(
            **{field: getattr(payment_settings, field) for field in BANK_FIELDS}
        )


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0003_content_blocks'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='PaymentSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('bank_account_holder', models.CharField(blank=True, help_text='Empty: the organisation name.', max_length=200, verbose_name='account holder')),
                ('bank_name', models.CharField(blank=True, max_length=200, verbose_name='bank')),
                ('iban', models.CharField(blank=True, max_length=34, verbose_name='IBAN')),
                ('bic', models.CharField(blank=True, max_length=11, verbose_name='BIC')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'bank details',
                'verbose_name_plural': 'bank details',
            },
        ),
        migrations.RunPython(copy_bank_details, copy_bank_details_back),
        migrations.RemoveField(
            model_name='sitesettings',
            name='bank_account_holder',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='bank_name',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='bic',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='iban',
        ),
    ]
