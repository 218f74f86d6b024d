"""Browser journeys: Playwright drives Debian's chromium against Django's live server.

Each test gets a transactional database holding the demo content. The migrations' own rows (Wagtail's
root page, default locale and collection) come back through ``serialized_rollback`` after the previous
test's flush; ``load_demo`` then builds the demo pages, products and users on top of them.
"""

import asyncio
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections

CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}

SKIP_REASON = (
    f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium; .ci/run installs it); "
    "Playwright's own browsers cannot be downloaded here"
)


def pytest_collection_modifyitems(config, items):
    """Without chromium, every browser test is skipped, with the reason in the summary."""
    if CHROMIUM.exists():
        return
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


# Playwright's sync API marks its event loop as running in the test thread, and Django refuses ORM calls
# (load_demo, the database flush) from a thread with a running event loop unless told it is safe. It is:
# the loop only runs while a Playwright call waits, never at the same time as the ORM.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def cache_all_content_types():
    """Fill Django's content type cache with every model's row, as the database holds it now.

    Restoring the serialized rows instantiates Wagtail's GroupApprovalTask without its parent's id, so
    ``Task.__init__`` asks for its content type while the table is still empty; an uncached lookup would
    create a row that collides with the restored one. With the cache full, nothing is looked up.
    """
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)


@contextmanager
def outside_playwrights_event_loop():
    """Run a block as plain synchronous code again.

    Playwright's sync API leaves its event loop marked as running between calls. Django's
    ``connections`` (an asgiref ``Local``) then keeps a second set of connections for that context.
    """
    loop = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    try:
        yield
    finally:
        asyncio._set_running_loop(loop)


@pytest.fixture(scope="session")
def django_db_setup(playwright, django_db_setup, django_db_blocker):
    """Prepare the test database for browser tests, once Playwright runs.

    - When other tests ran first, the database was created, and its migrated state serialized, on the
      connection of the synchronous context; the browser tests use the connection of Playwright's
      context (same in-memory database), which needs that serialized state for ``serialized_rollback``.
    - ``tests/conftest.py`` loads the demo once per run for the other tests; that demo replaced
      Wagtail's placeholder page and site, so ``serialized_rollback`` could not restore the migrated
      rows on top of it. After this flush every browser test starts from the migrated database
      (restored by ``serialized_rollback``) and loads its own demo.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    if not hasattr(connection, "_test_serialized_contents"):
        with outside_playwrights_event_loop():
            creator = connections[DEFAULT_DB_ALIAS]
        if not hasattr(creator, "_test_serialized_contents"):
            pytest.fail("the test database was not serialized: browser tests need serialized_rollback")
        connection._test_serialized_contents = creator._test_serialized_contents
    with django_db_blocker.unblock():
        cache_all_content_types()
        call_command("flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0)
    yield


@pytest.fixture(scope="session")
def live_server(playwright, django_db_setup, live_server):
    """pytest-django's live server, started once the test database exists and Playwright runs.

    For an in-memory SQLite database the server thread shares the test's connection; started in this
    order, that is the connection the tests write the demo content through.
    """
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, browser_name):
    if browser_name not in (None, "chromium"):
        return browser_type_launch_args
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    """``page.goto("/de/")`` opens the live server; German is the browser's language, as for most visitors."""
    return {**browser_context_args, "base_url": live_server.url, "locale": "de-DE"}


@pytest.fixture(autouse=True)
def demo_content(request, live_server):
    """Every browser test sees the demo content (pages in four languages, products, users) on the live server.

    Tests need ``@pytest.mark.django_db(transaction=True, serialized_rollback=True)``: the live server
    runs in another thread, so the data must be committed, and the flush after each test also removes
    the rows that Wagtail's migrations created, which ``serialized_rollback`` restores.
    """
    marker = request.node.get_closest_marker("django_db")
    assert marker and marker.kwargs.get("transaction") and marker.kwargs.get("serialized_rollback"), (
        "browser tests need @pytest.mark.django_db(transaction=True, serialized_rollback=True)"
    )
    cache_all_content_types()
    call_command("load_demo", allow_production=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    # load_demo syncs the role groups through create_contenttypes(), which empties the cache: fill it
    # again for the restore before the next test.
    cache_all_content_types()
    # After a flush the demo comes back with new primary keys: drop the site root paths and anything
    # else that the previous test left in the in-process cache, which the live server shares.
    cache.clear()


def axe_violations(page, tags=None):
    """Run axe-core on the page; return its serious and critical violations against WCAG 2.1 AA."""
    # Evaluated through the DevTools protocol, not added as an inline <script>: the site's
    # Content-Security-Policy blocks inline scripts, and the tests must see the page as shoppers do.
    page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        tags or WCAG_21_AA,
    )
    return [v for v in result["violations"] if v.get("impact") in BLOCKING_IMPACTS]


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"]:
            # A target is a CSS selector, or a path of selectors through iframes and shadow roots.
            target = " >>> ".join(" >>> ".join(t) if isinstance(t, list) else t for t in node["target"])
            lines.append(f"    {target}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


@pytest.fixture
def axe():
    """``axe(page)`` asserts that axe-core finds no serious or critical WCAG 2.1 AA violation on the page."""

    def check(page):
        violations = axe_violations(page)
        assert not violations, (
            f"axe-core found {len(violations)} serious/critical WCAG 2.1 AA violation(s) on {page.url}:\n"
            + format_violations(violations)
        )

    return check
