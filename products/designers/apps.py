from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DesignersConfig(AppConfig):
    name = "products.designers"
    label = "designers"
    verbose_name = _("Designers")
    default_auto_field = "django.db.models.BigAutoField"
