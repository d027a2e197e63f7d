"""Settings shared by every profile. Secrets and hosts come from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "tambon.thai",
    "tambon.core",
    "tambon.pages",
    "tambon.people",
    "tambon.stats",
    "tambon.infocenter",
    "tambon.procurement",
    "tambon.search",
    "tambon.cases",
    "tambon.participation",
    "tambon.composition",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "tambon.core.staff_apps.StaffUsersConfig",  # Wagtail's users, scoped to the organization
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Answers the load balancer's /healthz and /readyz on any host, before anything else sees
    # them (core/health.py).
    "tambon.core.health.HealthMiddleware",
    # Before anything else: sends an extra host name of a site to its main one, and refuses an
    # unknown host when ALLOWED_HOSTS leaves the hosts to the database (core/hostnames.py).
    "tambon.core.hostnames.HostNameMiddleware",
    # Counts the page view and fills the visitor counter after the page cache.
    "tambon.stats.middleware.VisitCounterMiddleware",
    "tambon.core.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Permissions count in the organization the request is for (core/permissions.py).
    "tambon.core.permissions.OrganizationContextMiddleware",
    # Refuses a sign-in while its account and address are locked out (core/throttle.py).
    "tambon.core.throttle.LoginThrottleMiddleware",
    # Staff give a code from their phone after the password (core/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "tambon.core.two_factor.StaffTwoFactorMiddleware",
    # An admin address naming another organization's page, file or user: 404.
    "tambon.core.admin_boundary.AdminBoundaryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # The hashes of the admin page's own inline scripts, added to its policy (core/admin_csp.py).
    "tambon.core.admin_csp.AdminInlineScriptsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "tambon.urls"

# A group of an organization gives its permissions on that organization's site only.
AUTHENTICATION_BACKENDS = ["tambon.core.permissions.OrganizationPermissionBackend"]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "tambon.wsgi.application"

# SQLite by default (embedded profile); DATABASE_URL selects PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("TAMBON_DB_CONN_MAX_AGE", "60")),
        # A kept connection is checked before a request uses it: after a database restart
        # the first request reconnects instead of failing on the dead connection.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer gives the Thai 503 page (core/views.server_error) in
    # seconds, not after the operating system's minutes.
    DATABASES["default"]["OPTIONS"] = {"connect_timeout": 5}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the one writer work at the same time.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
    }

# A streaming replica of the PostgreSQL primary (docs/deploy.md): reads that tolerate a second of
# lag go there (tambon/core/replica.py). It gets 1 s to connect; after a failure its reads go to
# the primary for TAMBON_REPLICA_REST_SECONDS.
TAMBON_REPLICA_URL = os.environ.get("TAMBON_REPLICA_URL", "")
TAMBON_REPLICA_REST_SECONDS = float(os.environ.get("TAMBON_REPLICA_REST_SECONDS", "10"))
if TAMBON_REPLICA_URL and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["replica"] = {
        **dj_database_url.parse(
            TAMBON_REPLICA_URL,
            conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
            conn_health_checks=True,
        ),
        "OPTIONS": {"connect_timeout": 1},
        # Tests: no test database of its own; it is the primary's, replicated (Django sets its
        # NAME). tambon/settings/test.py says how the unit tests use it.
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["tambon.core.replica.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Thai first: the site speaks Thai, dates are read in Bangkok time.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("Thai")), ("en", _("English"))]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True
# Ours first (our words, and the Wagtail words we reword: docs/translation.md), then the Thai
# that completes Wagtail's admin (docs/admin-translation.md), both before the apps' own.
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "wagtail_locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("TAMBON_STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("TAMBON_MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
# Shown where a site has no name of its own (the dashboard, the sign-in page): in Thai.
WAGTAIL_SITE_NAME = _("Local government website")
WAGTAILADMIN_BASE_URL = os.environ.get("TAMBON_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "tambon.search.backend"}}  # cleans queries
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "doc", "xls", "odt", "ods", "csv", "zip"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "tambon.infocenter.uploads.CheckedDocumentForm"  # checks content
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif", "svg"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("th", "ไทย"), ("en", "English")]
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no calls to the outside world
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

# Security headers that hold in every profile; production tightens the rest.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# No page uses the camera, the microphone or the location API (a photo comes from a file input,
# a place is typed or picked on the no-JavaScript map), and none may be embedded to ask for them.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# Content Security Policy: everything from our own origin; no inline script on public pages.
# Wagtail's admin needs inline styles and data: images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://www.youtube.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Serve uploaded media from Django itself (single small server); set 0 where nginx serves /media/.
TAMBON_SERVE_MEDIA = os.environ.get("TAMBON_SERVE_MEDIA", "1") == "1"

# Staff sign in with a password and a code from an authenticator app (core/two_factor.py).
TAMBON_STAFF_2FA = os.environ.get("TAMBON_STAFF_2FA", "1") == "1"
OTP_TOTP_ISSUER = os.environ.get("TAMBON_OTP_ISSUER", "tambon")
# How long the one-time code an administrator gives for setting up the app stays valid.
TAMBON_ENROLMENT_CODE_HOURS = int(os.environ.get("TAMBON_ENROLMENT_CODE_HOURS", "72"))
# Wrong passwords before a pause (core/throttle.py): for one account from one address; for one
# account from any address (someone trying it from many machines); from one address for any
# account (one password tried across many accounts).
TAMBON_LOGIN_ATTEMPTS = int(os.environ.get("TAMBON_LOGIN_ATTEMPTS", "5"))
TAMBON_LOGIN_ATTEMPTS_PER_ACCOUNT = int(os.environ.get("TAMBON_LOGIN_ATTEMPTS_PER_ACCOUNT", "20"))
TAMBON_LOGIN_ATTEMPTS_PER_ADDRESS = int(os.environ.get("TAMBON_LOGIN_ATTEMPTS_PER_ADDRESS", "20"))
TAMBON_LOGIN_LOCKOUT_MINUTES = int(os.environ.get("TAMBON_LOGIN_LOCKOUT_MINUTES", "15"))

# Caches. Embedded profile: in this process. With TAMBON_REDIS_URL: Redis, shared by all workers.
# "limits" holds the counts behind the sign-in and tracking limits (core/addresses.py), which
# every worker must share in both profiles: without Redis they live in a database table (made
# by core's migration 0008), so that a second worker does not start a limit from zero.
REDIS_URL = os.environ.get("TAMBON_REDIS_URL", "")
# Redis is asked with this timeout; after a failure it is left alone for TAMBON_REDIS_REST_SECONDS,
# and meanwhile each alias uses its fallback (core/redis_cache.py): the limits the database
# table, other values this process's memory; the page cache renders pages (core/pagecache.py).
TAMBON_REDIS_TIMEOUT_SECONDS = float(os.environ.get("TAMBON_REDIS_TIMEOUT_SECONDS", "0.5"))
TAMBON_REDIS_REST_SECONDS = float(os.environ.get("TAMBON_REDIS_REST_SECONDS", "2"))
LIMITS_TABLE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "tambon_limits",
    # Never cull: dropping a third of the counts when full would let someone who
    # fills it with other keys start their own count again.
    "OPTIONS": {"MAX_ENTRIES": 10_000_000},
}
from tambon.core.redis_cache import embedded_caches, shared_caches  # noqa: E402

if REDIS_URL:
    CACHES = shared_caches(
        REDIS_URL, TAMBON_REDIS_TIMEOUT_SECONDS, TAMBON_REDIS_REST_SECONDS, LIMITS_TABLE
    )
else:
    CACHES = embedded_caches(LIMITS_TABLE)

# Full-page cache of anonymous pages (see tambon/core/pagecache.py and docs/caching.md).
TAMBON_PAGE_CACHE = os.environ.get("TAMBON_PAGE_CACHE", "1") == "1"
# Pages each worker keeps in memory (least recently used dropped first), whatever the number of
# organizations: the bound of a worker's memory for the page cache.
TAMBON_PAGE_CACHE_MAX_ENTRIES = int(os.environ.get("TAMBON_PAGE_CACHE_MAX_ENTRIES", "2000"))
# Small values each worker keeps until the next purge (host names, site settings, menus, counter
# blocks): about ten per organization served, least recently used dropped first.
TAMBON_REMEMBERED_MAX_ENTRIES = int(os.environ.get("TAMBON_REMEMBERED_MAX_ENTRIES", "20000"))
TAMBON_PAGE_CACHE_GENERATION_FILE = os.environ.get(
    "TAMBON_PAGE_CACHE_GENERATION_FILE", str(BASE_DIR / "var" / "page-cache-generation")
)

# Visitor statistics (see docs/stats.md).
TAMBON_VISIT_WINDOW_MINUTES = int(os.environ.get("TAMBON_VISIT_WINDOW_MINUTES", "30"))
TAMBON_STATS_FLUSH_SECONDS = float(os.environ.get("TAMBON_STATS_FLUSH_SECONDS", "5"))
# The counter's figures on a page are at most this old: each worker computes a site's figures
# again at most this often, however many sites it serves and however many visitors come.
TAMBON_COUNTER_REFRESH_SECONDS = float(os.environ.get("TAMBON_COUNTER_REFRESH_SECONDS", "30"))
# How many proxies in front of the app add to X-Forwarded-For (0: use the connection's address).
TAMBON_TRUSTED_PROXY_HOPS = int(os.environ.get("TAMBON_TRUSTED_PROXY_HOPS", "0"))
# ...and the addresses (or networks) those proxies connect from: X-Forwarded-For is believed
# only on their connections. Comma-separated; loopback when nginx runs on the same machine.
TAMBON_TRUSTED_PROXIES = [
    proxy.strip()
    for proxy in os.environ.get("TAMBON_TRUSTED_PROXIES", "127.0.0.1,::1").split(",")
    if proxy.strip()
]
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no calls to the outside world (and the CSP would block it)

# Background tasks (Django's tasks API from the django-tasks package; docs/operations.md
# "Background tasks"): kept in the database, run by `manage.py task_worker` (core/tasks.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
