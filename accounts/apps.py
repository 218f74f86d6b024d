from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="accounts-sync-roles")


def _sync_roles(sender, using="default", apps=None, **kwargs):
    from .roles import sync_role_groups

    sync_role_groups(using=using)
