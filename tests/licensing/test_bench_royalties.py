"""`manage.py bench_royalties` measures the royalty run and leaves no data behind."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from products.licensing.models import Statement

pytestmark = pytest.mark.django_db


def test_bench_runs_twice_reports_the_table_and_rolls_everything_back():
    before = list(Statement.objects.order_by("pk").values_list("pk", "status"))
    out = io.StringIO()
    call_command("bench_royalties", lines=400, designers=4, products_per_designer=3, stdout=out)
    text = out.getvalue()
    assert "160 outlet sales lines" in text and "240 lines" in text
    assert "| statements (created / updated / unchanged)" in text
    second_run = next(line for line in text.splitlines() if line.startswith("| statements"))
    assert second_run.split("|")[3].strip().startswith("0 / 0 /")  # the second run changes nothing
    assert "Generated data rolled back." in text
    assert list(Statement.objects.order_by("pk").values_list("pk", "status")) == before


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the limit applies to SQLite only")
def test_a_million_lines_on_sqlite_are_refused_with_the_reason():
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("bench_royalties", lines=1_000_000, stdout=io.StringIO())
