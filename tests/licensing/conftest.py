import pytest

from products.licensing.models import RoyaltyAdjustment, RoyaltyRun, Statement


@pytest.fixture
def no_statements(db):
    """Start without the demo's statements and runs, so that any past period may be settled in a test."""
    RoyaltyAdjustment.objects.all().delete()
    Statement.objects.all().delete()
    RoyaltyRun.objects.all().delete()


@pytest.fixture(autouse=True)
def _settle_from_scratch(request):
    # The demo has issued the last quarters; a test settling one of them would be refused ("later periods exist").
    # Only tests that read the demo's statements keep them; transactional tests start from a flushed database.
    marker = request.node.get_closest_marker("django_db")
    if marker is None or request.node.get_closest_marker("demo_statements"):
        return
    if marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("no_statements")


@pytest.fixture
def english():
    """Messages in the source language, which the assertions read (the catalogues have their own tests)."""
    from django.utils import translation

    with translation.override("en"):
        yield
