import oscar.apps.partner.apps as apps
from django.db.models.signals import post_delete, post_save


class PartnerConfig(apps.PartnerConfig):
    name = "shop.partner"

    def ready(self):
        super().ready()
        from .selection import forget_workshop_ids

        partner = self.get_model("Partner")
        post_save.connect(forget_workshop_ids, sender=partner, dispatch_uid="partner-workshops-saved")
        post_delete.connect(forget_workshop_ids, sender=partner, dispatch_uid="partner-workshops-deleted")
