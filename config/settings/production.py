"""Production: PostgreSQL, Redis, whitenoise with compressed manifest storage, HTTPS behind a proxy."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_URL, STORAGES, env, env_list

DEBUG = False

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
        "string (e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is not set: list the site's host names, comma-separated.")

# Links in e-mails are built from BASE_URL (base.py); a default of 127.0.0.1 would mail unusable links.
if not env("BASE_URL"):
    raise ImproperlyConfigured("BASE_URL is not set: the site's public address, e.g. https://shop.example.org.")
if not BASE_URL.startswith("https://"):
    raise ImproperlyConfigured("BASE_URL must start with https:// in production (links in e-mails).")

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# TLS ends at the proxy in front of gunicorn.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True

# Wagtail's live preview shows the page in a same-origin iframe of the admin, so
# X-Frame-Options stays SAMEORIGIN (base.py) instead of the DENY that W019 asks for.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# --- HSTS scope and client IP behind the proxy (issue 12) ---------------------------------------------
# includeSubDomains and preload bind every subdomain of the domain to HTTPS (preload for months, through the
# browsers' built-in lists): a decision for whoever owns the domain, so both are off unless the environment
# turns them on. While off, Django's reminders (W005, W021) are silenced on purpose.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env("SECURE_HSTS_INCLUDE_SUBDOMAINS", "false").lower() == "true"
SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD", "false").lower() == "true"
if not SECURE_HSTS_INCLUDE_SUBDOMAINS:
    SILENCED_SYSTEM_CHECKS.append("security.W005")
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")
# gunicorn runs behind one proxy that appends the client's address to X-Forwarded-For (login throttling).
AXES_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "1"))
