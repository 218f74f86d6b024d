import pytest


def pytest_collection_modifyitems(config, items):
    # PostgreSQL concurrency tests are transactional: their flush empties the demo tables, so they run
    # after every other non-browser test (tests/conftest.py then moves the browser tests last, keeping this order).
    items.sort(key=lambda item: item.get_closest_marker("postgres") is not None)


@pytest.fixture
def skip_unless_postgres():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises all writers, so it cannot show row-lock races")
