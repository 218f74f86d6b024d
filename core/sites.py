"""The site's public address (settings.BASE_URL) for every absolute link in e-mails.

Links in mails are built from the configured address, never from the request: the Host header is the client's to
choose (a forged one would put an attacker's domain into an activation or password-reset link), and a mail queued
in the background has no request. Oscar builds its mail links from the Sites framework's Site row (SITE_ID), so
that row is kept equal to BASE_URL after every migrate and whenever the setting changes (tests).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.signals import setting_changed


def base_url():
    return settings.BASE_URL.rstrip("/")


def absolute_url(path):
    """The absolute URL of a site path such as reverse(...) returns."""
    return base_url() + path


def domain():
    return urlsplit(base_url()).netloc


def sync_site(using="default", apps=None):
    """Make Site(SITE_ID) carry BASE_URL's host (Oscar's mails read site.domain and site.name)."""
    if apps is None:
        from django.contrib.sites.models import Site
    else:
        Site = apps.get_model("sites", "Site")
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain(), "name": settings.OSCAR_SHOP_NAME}
    )
    from django.contrib.sites.models import SITE_CACHE

    SITE_CACHE.clear()


def _after_migrate(sender, using="default", apps=None, **kwargs):
    from django.contrib.sites.management import create_default_site

    # Django's own creation of the first row first: it also resets PostgreSQL's sequence after the explicit pk.
    create_default_site(sender, verbosity=0, using=using, apps=apps)
    sync_site(using=using, apps=apps)


def _on_setting_changed(setting, **kwargs):
    if setting in ("BASE_URL", "SITE_ID"):
        sync_site()


def connect_receivers():
    from django.apps import apps as global_apps
    from django.db.models.signals import post_migrate

    # After the sites app's own migrations: its first Site row gets BASE_URL's host instead of example.com.
    post_migrate.connect(_after_migrate, sender=global_apps.get_app_config("sites"), dispatch_uid="core.sites.sync")
    setting_changed.connect(_on_setting_changed, dispatch_uid="core.sites.setting_changed")
