"""HSTS includeSubDomains and preload are the domain owner's decision: off unless the environment turns them on."""

from tests.test_deployment import manage

PRINT = (
    "from django.conf import settings;"
    "print(settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, settings.SECURE_HSTS_PRELOAD, settings.SECURE_HSTS_SECONDS)"
)


def hsts_settings(**env):
    result = manage("shell", "-c", PRINT, env_overrides=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1].split()


def test_subdomains_and_preload_are_off_by_default_and_check_deploy_stays_clean():
    assert hsts_settings() == ["False", "False", "31536000"]
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_environment_turns_them_on():
    env = {"SECURE_HSTS_INCLUDE_SUBDOMAINS": "true", "SECURE_HSTS_PRELOAD": "true"}
    assert hsts_settings(**env) == ["True", "True", "31536000"]
    result = manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=env)
    assert result.returncode == 0, result.stdout + result.stderr
