#!/usr/bin/env python3
"""Benchmark the site under production settings with gunicorn and wrk (`make bench`).

Steps: build an isolated environment (own database, media and secret key), run
migrate / load_demo / collectstatic in it, start gunicorn on a free local port,
warm every target once (it must answer 200), run wrk against each target, print a
Markdown table and write bench/results/latest.json. gunicorn is always stopped,
also on Ctrl-C. See bench/README.md for the knobs.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
BASE_DIR = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"


# --- What is measured ---------------------------------------------------------------


def first_product_url(base_url: str) -> str:
    """The first product detail link on the catalogue page (/de/shop/catalogue/<slug>_<id>/)."""
    html = fetch(base_url + "/de/shop/catalogue/").body
    match = re.search(r'href="(/de/shop/catalogue/[-\w]+_\d+/)"', html)
    if not match:
        raise BenchError("no product link (/de/shop/catalogue/<slug>_<id>/) found on /de/shop/catalogue/")
    return match.group(1)


def first_add_to_basket_url(base_url: str) -> str:
    """The add-to-basket form's action on the first product page (/de/shop/basket/add/<id>/)."""
    html = fetch(base_url + first_product_url(base_url)).body
    match = re.search(r'action="(/de/shop/basket/add/\d+/)"', html)
    if not match:
        raise BenchError("no add-to-basket form found on the first product page")
    return match.group(1)


# Logged-in pages are requested with the session cookie of this demo user (see login_cookie()).
PORTAL_USER = "designer@example.org"

# The newest issued statement of a demo user, as a path (portal URL name "portal:statement", German prefix).
_STATEMENT_PATH = """
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from products.licensing.models import Statement
user = get_user_model().objects.get(email={email!r})
statement = Statement.objects.filter(designer__user=user).exclude(number=None).order_by("-period_end").first()
if statement is None:
    raise SystemExit("no issued statement for {email} in the demo (home/demo/royalties.py)")
try:
    with translation.override("de"):
        print(reverse("portal:statement", kwargs={{"pk": statement.pk}}))
except NoReverseMatch:
    raise SystemExit("no URL named portal:statement (is the designer portal installed?)")
"""

# A session for a demo user, stored in the bench database: "<cookie name>=<session key>".
_LOGIN_COOKIE = """
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
client = Client()
client.force_login(get_user_model().objects.get(email={email!r}))
print(f"{{settings.SESSION_COOKIE_NAME}}={{client.cookies[settings.SESSION_COOKIE_NAME].value}}")
"""


def latest_statement_path(base_url: str) -> str:
    """The portal page of the demo designer's newest statement (/de/portal/statements/<id>/)."""
    return django_shell(_STATEMENT_PATH.format(email=PORTAL_USER))


def login_cookie(email: str) -> str:
    return django_shell(_LOGIN_COOKIE.format(email=email))


@dataclass(frozen=True)
class Target:
    name: str
    # A path on the site, or a function (base URL -> path) that discovers it on the running site.
    path: str | Callable[[str], str]
    # Optional wrk Lua script (relative to bench/), e.g. for a POST such as add-to-basket.
    script: str | None = None
    # Status the warm-up GET must answer with before wrk runs.
    warmup_status: int = 200
    # A demo user's email: the page is requested logged in as that user (session cookie header).
    login: str | None = None


# Add pages here; each one costs BENCH_DURATION seconds.
BENCH_TARGETS: list[Target] = [
    Target("home", "/de/"),
    Target("content page", "/de/ueber-uns/"),
    Target("product list", "/de/shop/catalogue/"),
    Target("product detail", first_product_url),
    # Stock (issue 6); the dashboard's stock overview and the CSV import are timed by `manage.py bench_stock`.
    Target("where to buy", "/de/wo-kaufen/"),
    Target("designer page", "/de/designerinnen/dana/"),
    Target("add to basket", first_add_to_basket_url, script="add_to_basket.lua", warmup_status=405),
    Target("basket", "/de/shop/basket/"),
    Target("campaign index", "/de/kampagnen/"),
    Target("campaign page", "/de/kampagnen/kreativquartier-depot/"),
    # Designer portal (issue 7): one royalty statement with its lines, logged in as the demo designer.
    # The royalty run itself is timed by `manage.py bench_royalties` (PostgreSQL), see README.md.
    Target("portal statement", latest_statement_path, login=PORTAL_USER),
]

WRK_THREADS = 2
WRK_CONNECTIONS = 8
GUNICORN_WORKERS = 2
DEFAULT_DURATION = 10  # seconds per target


# --- Helpers ---------------------------------------------------------------------------


class BenchError(Exception):
    """A failure that ends the benchmark with a clear message."""


@dataclass
class Response:
    status: int
    body: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # wrk does not follow redirects either: a 3xx must show up as such, not as the page it points to.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, timeout: float = 30, headers: dict[str, str] | None = None) -> Response:
    try:
        with _opener.open(urllib.request.Request(url, headers=headers or {}), timeout=timeout) as resp:
            return Response(resp.status, resp.read().decode("utf-8", "replace"))
    except urllib.error.HTTPError as exc:
        return Response(exc.code, exc.read().decode("utf-8", "replace"))


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redact(url: str) -> str:
    parts = urlsplit(url)
    if not parts.password:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@")))


def git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=BASE_DIR, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=BASE_DIR, capture_output=True, text=True).stdout
    return out.stdout.strip() + ("-dirty" if dirty.strip() else "")


def int_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BenchError(f"{name}={raw!r} is not a whole number of seconds") from None
    if value < 1:
        raise BenchError(f"{name} must be at least 1")
    return value


# --- Environment and set-up ---------------------------------------------------------


def bench_env() -> tuple[dict[str, str], str]:
    """Environment for manage.py and gunicorn, and the database URL it uses."""
    env = dict(os.environ)
    # Nothing from the caller's own deployment settings may leak into the bench.
    for name in ("DATABASE_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE", "STATIC_ROOT"):
        env.pop(name, None)
    database_url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{RESULTS_DIR / 'bench.sqlite3'}"
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        BASE_URL="https://127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(RESULTS_DIR / "media"),
        PYTHONUNBUFFERED="1",
    )
    if os.environ.get("BENCH_CACHE_URL"):
        env["CACHE_URL"] = os.environ["BENCH_CACHE_URL"]
    return env, database_url


# Files that decide what migrate + load_demo produce; a change to any of them rebuilds the snapshot.
SNAPSHOT_FILES = ("requirements.txt", "requirements-dev.txt", "home/management/commands/load_demo.py")
SNAPSHOT_TREES = ("config/settings", "home/demo", "site")  # every file below these
SNAPSHOT_SKIP_DIRS = {".venv", ".git", "staticfiles", "bench", "media", "node_modules", "__pycache__", "static"}


def snapshot_fingerprint() -> str:
    files = {rel for rel in SNAPSHOT_FILES if (BASE_DIR / rel).is_file()}
    for root, dirs, names in os.walk(BASE_DIR):
        dirs[:] = [d for d in dirs if d not in SNAPSHOT_SKIP_DIRS and not d.startswith(".")]
        rel_root = Path(root).relative_to(BASE_DIR).as_posix()
        for name in names:
            rel = f"{rel_root}/{name}".removeprefix("./")
            in_tree = any(rel.startswith(tree + "/") for tree in SNAPSHOT_TREES)
            if in_tree or (Path(root).name == "migrations" and name.endswith(".py")):
                files.add(rel)
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for rel in sorted(files):
        digest.update(rel.encode() + b"\0" + (BASE_DIR / rel).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def sqlite_copy(src: Path, dst: Path) -> None:
    """Consistent copy of a SQLite database (WAL included) through SQLite's backup API."""
    with closing(sqlite3.connect(src)) as source, closing(sqlite3.connect(dst)) as target:
        source.backup(target)


def prepare_sqlite(env: dict[str, str], database_url: str) -> None:
    """Give every run the same starting data: a new SQLite file, restored from a snapshot when possible.

    Migrating Wagtail + Oscar from scratch takes most of a minute, so the state after
    migrate + load_demo is kept in bench/results/snapshot-<fingerprint>/ and copied for the
    next run. migrate and load_demo still run on the copy (both are no-ops when nothing changed).
    """
    db_path = BASE_DIR / database_url.removeprefix("sqlite:///")  # relative paths are relative to manage.py
    media = RESULTS_DIR / "media"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(media, ignore_errors=True)

    snapshot = RESULTS_DIR / f"snapshot-{snapshot_fingerprint()}"
    use_snapshot = (snapshot / "db.sqlite3").exists() and os.environ.get("BENCH_FRESH") != "1"
    if use_snapshot:
        log(f"restoring database and media from {snapshot.relative_to(BASE_DIR)} (BENCH_FRESH=1 rebuilds it)")
        sqlite_copy(snapshot / "db.sqlite3", db_path)
        shutil.copytree(snapshot / "media", media)
    else:
        log("building a new database (about a minute)")
        media.mkdir(parents=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo", "--allow-production")
    if not use_snapshot:
        for old in RESULTS_DIR.glob("snapshot-*"):
            shutil.rmtree(old)
        tmp = RESULTS_DIR / "snapshot.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        sqlite_copy(db_path, tmp / "db.sqlite3")
        shutil.copytree(media, tmp / "media")
        tmp.rename(snapshot)
        log(f"saved {snapshot.relative_to(BASE_DIR)} for the next run")


def manage(env: dict[str, str], *args: str) -> str:
    log("manage.py " + " ".join(args) if args[0] != "shell" else "manage.py shell (bench set-up)")
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise BenchError(f"manage.py {args[0]} failed with exit code {proc.returncode} (output above)")
    log(f"  done in {time.monotonic() - started:.1f} s")
    return proc.stdout


_ENV: dict[str, str] = {}  # the bench environment, set by main() for set-up code that reads the database


def django_shell(code: str) -> str:
    """Run Python in the bench's Django environment and return its last line of output."""
    lines = manage(_ENV, "shell", "--no-imports", "-c", code).strip().splitlines()
    if not lines:
        raise BenchError("manage.py shell printed nothing")
    return lines[-1]


def prepare(env: dict[str, str], database_url: str) -> None:
    if database_url.startswith("sqlite:"):
        prepare_sqlite(env, database_url)
    else:
        # A server database (BENCH_DATABASE_URL) is the caller's: it is migrated and filled, never dropped.
        (RESULTS_DIR / "media").mkdir(parents=True, exist_ok=True)
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo", "--allow-production")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


def bench_royalties(env: dict[str, str], database_url: str) -> None:
    """BENCH_ROYALTIES=1 with a PostgreSQL BENCH_DATABASE_URL: time the royalty run (1M sales lines, rolled back)."""
    if os.environ.get("BENCH_ROYALTIES") != "1":
        return
    if not database_url.startswith(("postgres:", "postgresql:")):
        log("BENCH_ROYALTIES=1 needs a PostgreSQL BENCH_DATABASE_URL; skipped")
        return
    lines = os.environ.get("BENCH_ROYALTY_LINES", "1000000")
    print(manage(env, "bench_royalties", "--lines", lines), flush=True)


# --- gunicorn ---------------------------------------------------------------------------


def start_gunicorn(env: dict[str, str], port: int, log_path: Path) -> subprocess.Popen:
    cmd = [
        sys.executable, "-m", "gunicorn", "config.wsgi:application",
        "--workers", str(GUNICORN_WORKERS),
        "--bind", f"127.0.0.1:{port}",
        "--error-logfile", "-",
        "--no-control-socket",  # gunicorn's default control socket is one shared path in $HOME
    ]  # fmt: skip
    log(f"starting gunicorn on 127.0.0.1:{port} ({GUNICORN_WORKERS} workers), log: {log_path.relative_to(BASE_DIR)}")
    # gunicorn's own log and Django's (tracebacks of 500s go to stderr) end up in one file.
    # Own session: a Ctrl-C reaches only this script, which then stops gunicorn in order.
    with log_path.open("ab") as log_file:
        return subprocess.Popen(
            cmd, cwd=BASE_DIR, env=env, stdin=subprocess.DEVNULL, stdout=log_file,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip


def wait_until_up(proc: subprocess.Popen, base_url: str, log_path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BenchError(f"gunicorn exited with code {proc.returncode}:\n{tail(log_path)}")
        try:
            fetch(base_url + "/robots.txt", timeout=5)
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.25)
    raise BenchError(f"gunicorn did not answer within {timeout:.0f} s:\n{tail(log_path)}")


def stop_gunicorn(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    log("stopping gunicorn")
    # A second Ctrl-C must not interrupt the clean-up and leave gunicorn running.
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# --- wrk ---------------------------------------------------------------------------------

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def to_ms(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", value)
    if not match:
        raise BenchError(f"cannot read wrk time {value!r}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def parse_wrk(output: str) -> dict:
    def number(pattern: str) -> float | None:
        match = re.search(pattern, output, re.MULTILINE)
        return float(match.group(1)) if match else None

    def percentile(pct: int) -> float | None:
        match = re.search(rf"^\s+{pct}%\s+(\S+)\s*$", output, re.MULTILINE)
        return round(to_ms(match.group(1)), 2) if match else None

    rps = number(r"^Requests/sec:\s+([\d.]+)")
    if rps is None:
        raise BenchError(f"cannot read wrk output:\n{output}")
    sock = {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        sock = dict(zip(sock, map(int, match.groups()), strict=True))
    non_2xx_3xx = int(number(r"Non-2xx or 3xx responses:\s+(\d+)") or 0)
    return {
        "requests": int(number(r"^\s+(\d+) requests in") or 0),
        "requests_per_sec": round(rps, 1),
        "p50_ms": percentile(50),
        "p75_ms": percentile(75),
        "p90_ms": percentile(90),
        "p99_ms": percentile(99),
        "non_2xx_3xx": non_2xx_3xx,
        "socket_errors": sock,
        "errors": non_2xx_3xx + sum(sock.values()),
    }


def run_wrk(url: str, duration: int, script: str | None, headers: dict[str, str] | None = None) -> tuple[dict, str]:
    cmd = ["wrk", f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{duration}s", "--latency"]
    for name, value in (headers or {}).items():
        cmd += ["-H", f"{name}: {value}"]
    if script:
        cmd += ["-s", str(BENCH_DIR / script)]
    cmd.append(url)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60)
    if proc.returncode != 0:
        raise BenchError(f"wrk failed ({proc.returncode}) for {url}:\n{proc.stdout}{proc.stderr}")
    return parse_wrk(proc.stdout), proc.stdout


# --- Report ------------------------------------------------------------------------------


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}" if value >= 100 else f"{value:.2f}"


def markdown_table(results: list[dict]) -> str:
    rows = [
        "| page | URL | req/s | p50 ms | p99 ms | errors |",
        "|---|---|--:|--:|--:|--:|",
    ]
    for r in results:
        rows.append(
            f"| {r['name']} | {r['path']} | {r['requests_per_sec']:.1f} | {fmt(r['p50_ms'])} "
            f"| {fmt(r['p99_ms'])} | {r['errors']} |"
        )
    return "\n".join(rows)


# --- Main --------------------------------------------------------------------------------


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    started = time.monotonic()
    if shutil.which("wrk") is None:
        print(
            "bench: wrk is not installed. Install it with `sudo apt-get install wrk` (Debian/Ubuntu) "
            "or `brew install wrk`, then run `make bench` again.",
            file=sys.stderr,
        )
        return 2
    # `kill` (SIGTERM) ends the run like Ctrl-C does, so that the finally block stops gunicorn.
    signal.signal(signal.SIGTERM, _raise_interrupt)

    duration = int_env("BENCH_DURATION", DEFAULT_DURATION)
    targets = BENCH_TARGETS
    if only := os.environ.get("BENCH_ONLY"):
        wanted = {name.strip() for name in only.split(",") if name.strip()}
        targets = [t for t in BENCH_TARGETS if t.name in wanted]
        if unknown := wanted - {t.name for t in BENCH_TARGETS}:
            raise BenchError(f"BENCH_ONLY names unknown targets: {', '.join(sorted(unknown))}")

    load_before = os.getloadavg()[0]
    if load_before > 0.5 * (os.cpu_count() or 1):
        log(f"note: the machine is busy (load average {load_before:.1f}); the numbers will be noisy")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    env, database_url = bench_env()
    log(f"database: {redact(database_url)}")
    _ENV.update(env)
    prepare(env, database_url)
    bench_royalties(env, database_url)
    # One session per demo user that a target logs in as, created before gunicorn starts.
    cookies = {email: login_cookie(email) for email in sorted({t.login for t in targets if t.login})}
    setup_seconds = time.monotonic() - started

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = RESULTS_DIR / "gunicorn.log"
    log_path.unlink(missing_ok=True)
    proc = start_gunicorn(env, port, log_path)
    results: list[dict] = []
    try:
        wait_until_up(proc, base_url, log_path)
        resolved = []
        for target in targets:
            path = target.path(base_url) if callable(target.path) else target.path
            headers = {"Cookie": cookies[target.login]} if target.login else {}
            # warm-up: first-request costs stay out of the numbers
            response = fetch(base_url + path, headers=headers)
            if response.status != target.warmup_status:
                raise BenchError(
                    f"{target.name}: GET {path} answered {response.status}, expected {target.warmup_status}"
                    f"\n--- gunicorn log ---\n{tail(log_path)}"
                )
            resolved.append((target, path, headers))
        log(f"warm-up ok; running wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{duration}s per target")
        for target, path, headers in resolved:
            log(f"wrk {target.name}: {path}" + (f" (logged in as {target.login})" if target.login else ""))
            stats, raw = run_wrk(base_url + path, duration, target.script, headers)
            results.append({"name": target.name, "path": path, "script": target.script, **stats, "wrk_output": raw})
    finally:
        stop_gunicorn(proc)

    total_seconds = time.monotonic() - started
    table = markdown_table(results)
    print(table, flush=True)
    print(
        f"\nwrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{duration}s, gunicorn {GUNICORN_WORKERS} sync workers, "
        f"{redact(database_url).split(':')[0]}; set-up {setup_seconds:.0f} s, total {total_seconds:.0f} s",
        flush=True,
    )
    report = {
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "git_commit": git_commit(),
        "python": platform.python_version(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "load_average_before": load_before},
        "settings": "config.settings.production",
        "database": redact(database_url),
        "cache": env.get("CACHE_URL", "locmem://"),
        "gunicorn": {"workers": GUNICORN_WORKERS, "worker_class": "sync"},
        "wrk": {"threads": WRK_THREADS, "connections": WRK_CONNECTIONS, "duration_s": duration},
        "setup_seconds": round(setup_seconds, 1),
        "total_seconds": round(total_seconds, 1),
        "results": results,
        "table": table,
    }
    out = RESULTS_DIR / "latest.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    log(f"results written to {out.relative_to(BASE_DIR)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        sys.exit(130)
