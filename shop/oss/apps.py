from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OssConfig(AppConfig):
    name = "shop.oss"
    label = "oss"
    verbose_name = _("EU distance sales (OSS)")
    default_auto_field = "django.db.models.BigAutoField"
