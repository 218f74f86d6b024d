import os
import shutil

import pytest
from django.conf import settings
from django.core.management import call_command


def pytest_collection_modifyitems(config, items):
    # Browser journeys use transactional databases, which empty the tables when they finish;
    # running them last keeps the shared demo data intact for every other test.
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the demo content, loaded once per run, as a visitor of `make run` sees it."""
    with django_db_blocker.unblock():
        call_command("load_demo", allow_production=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def demo_user(django_user_model):
    def get(email):
        return django_user_model.objects.get(email=email)

    return get


@pytest.fixture(autouse=True)
def _empty_cache():
    # The database is rolled back after each test; cached page furniture must not outlive it.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
