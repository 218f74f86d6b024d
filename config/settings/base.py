"""Settings shared by every environment.

Everything a deployment changes comes from the environment; the defaults give
SQLite and local files so that `make run` needs nothing set.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  (Oscar's settings are meant to be star-imported)

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so that their templates and Oscar forks win.
    "core",
    "accounts",
    "home",
    "campaigns",
    "products.catalogue.apps.CatalogueConfig",
    "products.designers",
    "products.licensing",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    # Oscar (catalogue is forked above)
    "oscar.config.Shop",
    "shop.privacy.AnalyticsConfig",  # Oscar's analytics models, without its recording receivers (issue 13)
    "shop.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "shop.shipping.apps.ShippingConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "shop.partner.apps.PartnerConfig",
    "shop.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "shop.order.apps.OrderConfig",
    "shop.customer.apps.CustomerConfig",
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "shop.dashboard.apps.DashboardConfig",
    "shop.stockroom.apps.StockroomConfig",
    "shop.outlets",
    "shop.oss",
    "shop.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "shop.dashboard.orders.apps.OrdersDashboardConfig",
    "shop.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "shop.invoicing.apps.InvoicingConfig",
    "widget_tweaks",
    "haystack",
    "treebeard",
    "django_tables2",
    "sorl.thumbnail",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.csp.AreaCSPMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout flagged during authentication into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "home.context_processors.site_home",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Without IMMEDIATE transactions and a busy timeout, concurrent writers
    # (Oscar's view counter, add-to-basket) fail with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
CACHE_URL = env("CACHE_URL", "locmem://")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Email ----------------------------------------------------------------
EMAIL_URL = env("EMAIL_URL", "console://")
globals().update(dj_email_url.parse(EMAIL_URL))  # EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, ...
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "shop@made-in-aachen-nord.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Users ------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out account+IP is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"

# --- Languages ----------------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("nl", "Nederlands"),
    ("fr", "Français"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]

# --- Static and media -----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

SITE_ID = 1

# --- Wagtail ----------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Made in Aachen-Nord"
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp", "avif": "avif"}
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# --- Oscar ------------------------------------------------------------------------
OSCAR_SHOP_NAME = "Made in Aachen-Nord"
OSCAR_SHOP_TAGLINE = _("Design from Aachen-Nord, made in the Depot")
OSCAR_DEFAULT_CURRENCY = "EUR"
OSCAR_CURRENCY_FORMAT = {"EUR": {"currency_digits": False, "format_type": "standard"}}
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Royalty statements below this gross amount pay nothing; the net amount carries to the next statement.
ROYALTY_PAYOUT_THRESHOLD = env("ROYALTY_PAYOUT_THRESHOLD", "25.00")
OSCAR_HOMEPAGE = reverse_lazy("catalogue:index")
OSCAR_ALLOW_ANON_CHECKOUT = True
# EU distance sales (§ 3c UStG, shop/oss/threshold.py): German VAT until the EU-wide € 10,000 threshold is exceeded,
# then the destination country's. True = the seller opted for destination VAT from the first sale (§ 3c (4) S. 2
# UStG; binding for two calendar years, declared to the BZSt with the OSS registration).
SHOP_OSS_OPT_IN = False
OSCAR_PRODUCTS_PER_PAGE = 20
OSCAR_THUMBNAILER = "oscar.core.thumbnails.SorlThumbnail"
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
# Order statuses (see shop/order/pipeline.py for who may move an order along).
OSCAR_INITIAL_ORDER_STATUS = "Pending payment"
# "Withdrawal declared" is set only by the shopper's declaration (shop.order.withdrawal), never from the dashboard's
# status list (shop.order.services.check_transition); staff record the refund and then cancel the order.
OSCAR_ORDER_STATUS_PIPELINE = {
    "Pending payment": ("Paid", "In fulfilment", "Cancelled", "Withdrawal declared"),
    "Paid": ("In fulfilment", "Cancelled", "Withdrawal declared"),
    "In fulfilment": ("Shipped", "Ready for pick-up", "Cancelled", "Withdrawal declared"),
    "Shipped": ("Completed", "Withdrawal declared"),
    "Ready for pick-up": ("Completed", "Cancelled", "Withdrawal declared"),
    "Completed": ("Withdrawal declared",),
    "Withdrawal declared": ("Cancelled",),
    "Cancelled": (),
}
OSCAR_OFFERS_INCL_TAX = True  # vouchers take euros off the gross price the shopper sees
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "last_name", "line1", "line4", "postcode", "country")
# Haystack's simple backend answers free-text queries through the ORM; the
# catalogue listing itself is an ORM queryset (products/catalogue/views.py).
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
# Stock pages for Shop staff (shop.stockroom), next to Oscar's own entries.
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,
    {
        "label": _("Stock"),
        "icon": "fas fa-boxes",
        "children": [
            {"label": _("Stock per product"), "url_name": "dashboard:stock-overview"},
            {"label": _("Movements"), "url_name": "dashboard:stock-movements"},
            {"label": _("Low stock"), "url_name": "dashboard:stock-alerts"},
            {"label": _("Transfer"), "url_name": "dashboard:stock-transfer"},
            {"label": _("Stocktake"), "url_name": "dashboard:stock-stocktake"},
            {"label": _("Outlet sales"), "url_name": "dashboard:stock-sales-imports"},
            {"label": _("Delivery times"), "url_name": "dashboard:delivery-times"},
        ],
    },
]
THUMBNAIL_KVSTORE = "sorl.thumbnail.kvstores.cached_db_kvstore.KVStore"
THUMBNAIL_PRESERVE_FORMAT = True

# --- Security defaults that hold everywhere ------------------------------------------
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# --- Login throttling (issue 12) ---------------------------------------------------------
# django-axes on every login that goes through django.contrib.auth.authenticate(): Oscar's shop login and
# Wagtail's admin login. A lockout is per account *and* client IP, so an attacker cannot lock a customer out
# from elsewhere, and a shared office IP does not lock out its colleagues.
AXES_ENABLED = True
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env("AXES_COOLOFF_MINUTES", "15")) / 60  # hours, as django-axes counts
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"  # both login forms post the e-mail address as "username"
AXES_USERNAME_CALLABLE = "accounts.throttling.client_username"
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip_address"
AXES_LOCKOUT_CALLABLE = "accounts.throttling.lockout_response"
# How many proxies in front of gunicorn append to X-Forwarded-For (0: use REMOTE_ADDR; production sets 1).
AXES_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

# --- Uploads, reviews (issue 12) ------------------------------------------------------------
# Image uploads above 40 megapixels are refused: enough for any photo the site shows, while decoding a
# 121-megapixel PNG (a few KB compressed) would take ~500 MB of memory per worker. Wagtail's default is 128 MP.
MAX_IMAGE_PIXELS = int(env("MAX_IMAGE_PIXELS", str(40_000_000)))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS


def _limit_pillow(max_pixels):
    """Pillow refuses bigger images everywhere else too (Oscar's product images, sorl thumbnails, PDFs).

    Pillow only warns between its limit and twice its limit; the filter makes that an error as well.
    """
    import warnings

    from PIL import Image

    Image.MAX_IMAGE_PIXELS = max_pixels
    warnings.simplefilter("error", Image.DecompressionBombWarning)


_limit_pillow(MAX_IMAGE_PIXELS)

# A label shop with a handful of products: reviews only from logged-in customers, published after moderation.
OSCAR_ALLOW_ANON_REVIEWS = False
# Guests may check out with an address that has an account: refusing would tell anyone the address is registered.
OSCAR_ALLOW_GUEST_CHECKOUT_WITH_ACCOUNT = True
OSCAR_MODERATE_REVIEWS = True

# --- Guest order links (issue 12) -------------------------------------------------------------
# How long the link in a guest's order e-mail (status, invoice, withdrawal) works. 90 days cover delivery, the
# 14-day withdrawal period and a return with its refund; after that a fresh link is one form away.
GUEST_ORDER_LINK_MAX_AGE_DAYS = int(env("GUEST_ORDER_LINK_MAX_AGE_DAYS", "90"))

# --- Background tasks and the outbox (issue 12) ---------------------------------
# E-mails and the documents they carry are sent after the commit by django-tasks (core.outbox, core.tasks);
# the database backend keeps the queue in PostgreSQL/SQLite and `manage.py db_worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
OUTBOX_MAX_ATTEMPTS = int(env("OUTBOX_MAX_ATTEMPTS", "6"))
OUTBOX_RETRY_DELAY = int(env("OUTBOX_RETRY_DELAY", "120"))  # seconds before the first retry; doubled each time

# --- Documents and media access (issue 12) ---------------------------------------------
# Documents (the private licence contracts among them) go only through Wagtail's /documents/ view, which checks the
# collection's view restriction; never through MEDIA_URL (config/urls.py serves only pictures from there).
# Only PDFs open in the browser; everything else (HTML, SVG, ...) is a download, with nosniff and
# "Content-Security-Policy: default-src 'none'" from Wagtail's serve view.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True

# --- Outlet sales imports (issue 12) ---------------------------------------------------
# Uploads larger than this are refused before they are read (a year of a busy outlet is well below 1 MB).
OUTLET_SALES_MAX_UPLOAD_BYTES = int(env("OUTLET_SALES_MAX_UPLOAD_BYTES", str(5 * 1024 * 1024)))


# --- Content-Security-Policy (issue 12) -----------------------------------------------------
# django-csp through core.csp.AreaCSPMiddleware. Public pages: no inline script anywhere (Oscar's page initialisers
# run from site/static/js/page-init.js); inline style *attributes* stay allowed (Oscar's basket and the portal's
# chart use them; the sanitiser strips them from staff text). Video embeds (campaigns.blocks.VideoBlock) come from
# YouTube and Vimeo.
from csp.constants import NONE, SELF, UNSAFE_INLINE  # noqa: E402

CSP_FRAME_SOURCES = [
    SELF, "https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": CSP_FRAME_SOURCES,
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    },
}
# Wagtail 8's admin and Oscar 4.2's dashboard run inline scripts and styles of their own (Wagtail's CSP work is not
# finished; Oscar's dashboard initialises jQuery widgets and TinyMCE inline), so they keep 'unsafe-inline' there,
# and only there. Everything else stays as strict as on public pages.
_STAFF_DIRECTIVES = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "style-src-attr": None,
    "img-src": [SELF, "data:", "blob:"],
}
CSP_AREA_POLICIES = [
    (
        r"/admin/",
        {
            **_STAFF_DIRECTIVES,
            # Avatars from Gravatar, Wagtail's check for new releases.
            "img-src": [*_STAFF_DIRECTIVES["img-src"], "https://www.gravatar.com"],
            "connect-src": [SELF, "https://releases.wagtail.io"],
        },
    ),
    (r"/[a-z]{2}/shop/dashboard/", _STAFF_DIRECTIVES),
]

# --- The site's address in e-mails and links (issue 13) ---------------------------------------------
# ONE setting: BASE_URL (scheme://host[:port], no path). Every absolute link the site sends (Oscar's mails through
# the Sites framework's Site row, kept in sync by core.sites; the project's own mails through core.sites.absolute_url;
# Wagtail's admin mails) is built from it, never from the request's Host header.
from urllib.parse import urlsplit as _urlsplit  # noqa: E402

BASE_URL = env("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL
OSCAR_URL_SCHEMA = _urlsplit(BASE_URL).scheme

# --- No tracking before consent (issue 13) -------------------------------------------------------------
# Oscar's "recently viewed" cookie (oscar_history) is not strictly necessary: shop.customer.history never sets it.
# Oscar's analytics receivers (per-user product views, searches, spend) are not connected: see shop/privacy.py.
OSCAR_RECENTLY_VIEWED_PRODUCTS = 0
# The "added to basket" notices live in the session, not in a cookie of their own: the visitor's browser holds only
# the session, CSRF and basket cookies (listed in the privacy notice).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
