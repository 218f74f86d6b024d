"""The four staff roles as Django groups, and the permissions each one holds.

Roles are data (groups), but what a role may do is code: it is kept here so that
every deployment and every test database gets the same groups after `migrate`.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.management import create_contenttypes
from django.db import transaction

MARKETING = "Marketing"
MARKETING_APPROVERS = "Marketing approvers"
SHOP_STAFF = "Shop staff"
FINANCE = "Finance"
DESIGNERS = "Designers"

# Documents for the website (flyers, funding notices): Marketing's. Finance's contracts live in the private
# collection of products/licensing/documents.py, which no Marketing permission reaches.
PUBLIC_DOCUMENTS_COLLECTION = "Website-Dokumente"

ROLE_NAMES = (MARKETING, MARKETING_APPROVERS, SHOP_STAFF, FINANCE, DESIGNERS)

# Editors and approvers share the same tools; only approvers may publish (see PAGE_PERMISSIONS).
_MARKETING_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    # No model-level document permissions: Wagtail's collection policy would apply them to every collection,
    # the private contracts included. Documents are granted per collection (COLLECTION_PERMISSIONS).
    "wagtail_localize.submit_translation",
    "home.change_sitesettings",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
    "campaigns.add_district",
    "campaigns.change_district",
    "campaigns.delete_district",
    "campaigns.add_funder",
    "campaigns.change_funder",
    "campaigns.delete_funder",
]

# Model permissions as "app_label.codename" ("app_label.*" for all of an app's). Wagtail page and collection
# permissions are object-level and are granted in _grant_wagtail_tree_permissions.
MODEL_PERMISSIONS = {
    MARKETING: _MARKETING_MODEL_PERMISSIONS,
    MARKETING_APPROVERS: _MARKETING_MODEL_PERMISSIONS,
    # Oscar's dashboard checks model permissions per view (e.g. order.view_order).
    SHOP_STAFF: [
        *(
            f"{app_label}.*"
            for app_label in (
                "catalogue",
                "partner",
                "order",
                "offer",
                "voucher",
                "shipping",
                "basket",
                "customer",
                "reviews",
                "communication",
                "payment",
                "address",
                "wishlists",
                "analytics",
                "flatpages",
            )
        ),
        "accounts.view_user",
    ],
    # Designers' private records, licences and their signed contracts (a private document collection).
    FINANCE: [
        "wagtailadmin.access_admin",
        "designers.*",
        "licensing.*",
        # Bank details customers pay into (home.PaymentSettings): Finance's alone.
        "home.change_paymentsettings",
        # The quarterly OSS report of EU distance sales (shop/oss).
        "oss.view_oss_report",
    ],
    DESIGNERS: [],
}

# Oscar's dashboard is for staff accounts; being in this role makes a user staff.
STAFF_ROLES = {SHOP_STAFF}

# Marketing editors submit pages for moderation; the approvers publish them.
PAGE_PERMISSIONS = {
    MARKETING: ["add_page", "change_page", "lock_page", "unlock_page"],
    MARKETING_APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Collection permissions: {role: [(collection, app_label, codename)]}; collection is ROOT, PUBLIC or PRIVATE.
# Images stay on the root collection: they are the website's pictures (renditions are public files by design, Wagtail
# has no view restriction for images) and no role that handles private data holds an image permission.
ROOT, PUBLIC, PRIVATE = "root", "public", "private"
_MARKETING_COLLECTION_PERMISSIONS = [
    (ROOT, "wagtailimages", "add_image"),
    (ROOT, "wagtailimages", "change_image"),
    (ROOT, "wagtailimages", "choose_image"),
    (PUBLIC, "wagtaildocs", "add_document"),
    (PUBLIC, "wagtaildocs", "change_document"),  # Wagtail's collection policy: "change" includes delete
    (PUBLIC, "wagtaildocs", "choose_document"),
]
COLLECTION_PERMISSIONS = {
    MARKETING: _MARKETING_COLLECTION_PERMISSIONS,
    MARKETING_APPROVERS: _MARKETING_COLLECTION_PERMISSIONS,
    FINANCE: [
        (PRIVATE, "wagtaildocs", "add_document"),
        (PRIVATE, "wagtaildocs", "change_document"),
        (PRIVATE, "wagtaildocs", "choose_document"),
    ],
}

CAMPAIGN_WORKFLOW_NAME = "Campaign approval"
CAMPAIGN_TASK_NAME = "Marketing approvers approve"


def _permissions(label, using):
    app_label, codename = label.split(".")
    permissions = Permission.objects.using(using).filter(content_type__app_label=app_label)
    if codename != "*":
        permissions = permissions.filter(codename=codename)
    found = list(permissions)
    if not found:
        raise LookupError(f"No permission {label}: is the app installed and migrated?")
    return found


def _grant_wagtail_tree_permissions(group, role, using):
    from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

    root_page = Page.get_first_root_node()
    wanted = PAGE_PERMISSIONS.get(role, [])
    # Taking a permission away (Marketing no longer publishes) must reach databases synced before.
    GroupPagePermission.objects.using(using).filter(group=group, page=root_page).exclude(
        permission__codename__in=wanted
    ).delete()
    for codename in wanted:
        permission = Permission.objects.using(using).get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.using(using).get_or_create(group=group, page=root_page, permission=permission)
    collections = _collections(using)
    wanted = {
        (collections[where].pk, _permission(app_label, codename, using).pk)
        for where, app_label, codename in COLLECTION_PERMISSIONS.get(role, [])
    }
    # A grant taken away (Marketing's documents on the root collection) must go from databases synced before.
    for grant in GroupCollectionPermission.objects.using(using).filter(group=group):
        if (grant.collection_id, grant.permission_id) not in wanted:
            grant.delete()
    for collection_id, permission_id in wanted:
        GroupCollectionPermission.objects.using(using).get_or_create(
            group=group, collection_id=collection_id, permission_id=permission_id
        )


def _permission(app_label, codename, using):
    return Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename)


def _collections(using):
    from products.licensing.documents import ensure_contract_collection

    return {
        ROOT: _root_collection(using),
        PUBLIC: ensure_public_collection(using),
        PRIVATE: ensure_contract_collection(),
    }


def _root_collection(using):
    from wagtail.models import Collection

    return Collection.objects.using(using).get(depth=1)


def ensure_public_collection(using="default"):
    """The website's document collection. When it is first made, the documents then in the root collection (the
    website's, from before the split) move into it: Marketing's permissions no longer reach the root collection."""
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    collection = Collection.objects.using(using).filter(name=PUBLIC_DOCUMENTS_COLLECTION).first()
    if collection is None:
        root = _root_collection(using)
        collection = root.add_child(instance=Collection(name=PUBLIC_DOCUMENTS_COLLECTION))
        get_document_model().objects.using(using).filter(collection=root).update(collection=collection)
    return collection


def sync_role_groups(using="default"):
    """Create the role groups and give each exactly the permissions listed above. Idempotent."""
    for app_config in global_apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0, using=using)
        create_permissions(app_config, verbosity=0, using=using)

    with transaction.atomic(using=using):
        for role in ROLE_NAMES:
            group, _ = Group.objects.using(using).get_or_create(name=role)
            group.permissions.set(
                [permission for label in MODEL_PERMISSIONS[role] for permission in _permissions(label, using)]
            )
            _grant_wagtail_tree_permissions(group, role, using)
        ensure_campaign_workflow(using)


def ensure_campaign_workflow(using="default"):
    """The moderation workflow of campaign pages: one approval task for the Marketing approvers,
    assigned to every campaign index page (each language). Idempotent; new index pages get it on save.
    """
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    approvers = Group.objects.using(using).get(name=MARKETING_APPROVERS)
    task = GroupApprovalTask.objects.using(using).filter(name=CAMPAIGN_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.using(using).create(name=CAMPAIGN_TASK_NAME)
    task.groups.set([approvers])
    workflow, _ = Workflow.objects.using(using).get_or_create(name=CAMPAIGN_WORKFLOW_NAME)
    WorkflowTask.objects.using(using).get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    from campaigns.models import CampaignIndexPage

    for index_page in CampaignIndexPage.objects.using(using).all():
        WorkflowPage.objects.using(using).update_or_create(page=index_page, defaults={"workflow": workflow})
    # Other pages keep Wagtail's default workflow, whose task waits for the "Moderators" group. Editors
    # cannot publish, so without the approvers there an editor's submission would reach nobody.
    for default_task in GroupApprovalTask.objects.using(using).filter(name="Moderators approval"):
        default_task.groups.add(approvers)
    return workflow


def assign_role(user, role):
    """Put a user into a role group; staff roles also get Oscar's dashboard access (is_staff)."""
    user.groups.add(Group.objects.get(name=role))
    if role in STAFF_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
