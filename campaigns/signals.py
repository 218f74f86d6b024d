from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import CampaignIndexPage


@receiver(post_save, sender=CampaignIndexPage, dispatch_uid="campaigns-index-workflow")
def assign_campaign_workflow(sender, instance, created, raw=False, using="default", **kwargs):
    """A new campaign index page (also a translation) is moderated by the campaign workflow at once."""
    if not created or raw:
        return
    from wagtail.models import Workflow, WorkflowPage

    from accounts.roles import CAMPAIGN_WORKFLOW_NAME

    workflow = Workflow.objects.using(using).filter(name=CAMPAIGN_WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowPage.objects.using(using).update_or_create(page=instance, defaults={"workflow": workflow})
