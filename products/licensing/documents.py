"""Signed licence contracts are Wagtail documents in a collection only Finance may open."""

CONTRACTS_COLLECTION = "Lizenzverträge (privat)"


def contract_collection():
    from wagtail.models import Collection

    return Collection.objects.filter(name=CONTRACTS_COLLECTION).first()


def ensure_contract_collection(**kwargs):
    """Create the collection and its view restriction (Finance only). Idempotent; runs after migrate."""
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, CollectionViewRestriction

    from accounts.roles import FINANCE

    collection = contract_collection()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=CONTRACTS_COLLECTION)
    finance, _ = Group.objects.get_or_create(name=FINANCE)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.set([finance])
    return collection
