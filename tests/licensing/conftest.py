import pytest

from products.licensing.models import RoyaltyAdjustment, Statement


@pytest.fixture
def no_statements(db):
    """Start without the demo's statements, so that any past period may be settled in a test."""
    RoyaltyAdjustment.objects.all().delete()
    Statement.objects.all().delete()
