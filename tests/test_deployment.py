"""Production settings are safe to deploy and refuse to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-key-for-the-check-only",
    "ALLOWED_HOSTS": "made-in-aachen-nord.example",
    "BASE_URL": "https://made-in-aachen-nord.example",
    "DATABASE_URL": "sqlite:///:memory:",
}


def manage(*args, env_overrides=None, drop=()):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(PRODUCTION_ENV)
    env.update(env_overrides or {})
    for name in drop:
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_for_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_missing_secret_key_stops_start_up_with_a_message():
    result = manage("check", drop=("SECRET_KEY",))
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr.split("ImproperlyConfigured")[-1].split("\n", 1)[0]


def test_missing_allowed_hosts_stops_start_up_with_a_message():
    result = manage("check", drop=("ALLOWED_HOSTS",))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


@pytest.mark.django_db
def test_models_and_migrations_agree():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_missing_base_url_stops_start_up_with_a_message():
    """Links in e-mails come from BASE_URL: production refuses to start without it (issue 13)."""
    result = manage("check", drop=("BASE_URL",))
    assert result.returncode != 0
    assert "BASE_URL is not set" in result.stderr
