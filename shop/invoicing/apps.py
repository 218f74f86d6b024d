from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvoicingConfig(AppConfig):
    name = "shop.invoicing"
    label = "invoicing"
    verbose_name = _("Invoices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from shop.order.refunds import order_refunded

        from .receivers import cancel_refunded_units

        order_refunded.connect(cancel_refunded_units, dispatch_uid="invoicing.cancel_refunded_units")
