from django.db import models
from django.utils.translation import gettext_lazy as _


class OssReport(models.Model):
    """No table: the holder of Finance's permission to read the OSS report (accounts/roles.py grants it).

    Shop staff hold every permission of the order app, so the report cannot hang on an order permission.
    """

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_oss_report", _("Can view the OSS report of EU distance sales"))]

    def __str__(self):
        return str(_("OSS report"))
