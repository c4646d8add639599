"""Settings shared by every environment; dev, test and prod start from these."""

from datetime import timedelta
from pathlib import Path

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
ALLOWED_HOSTS = []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "imagekit",
    "adminsortable2",
    "django_prose_editor",
    "django_tasks",
    "django_tasks_db",
    "publishing",
    "missions",
    "gallery",
    "articles",
    "addresses",
    "live",
    "search",
    "jobs",
    "operations",
    "backups",
    "caching",
    "reversion",
    "revisions",
    "axes",
    # After axes: its admin replaces the one axes registers.
    "signin",
]

MIDDLEWARE = [
    # Outermost, so the reader pages it keeps carry every header the stack adds; the
    # page cache's front (caching/wsgi.py) serves them before Django runs.
    "caching.middleware.ReaderPageCacheMiddleware",
    # Outside the rest, so it can answer a database outage wherever in the stack it shows.
    "operations.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files carry the same headers as pages.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "publishing.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 304 for a reader whose copy of a rendered page is current (the front answers
    # those of kept pages).
    "django.middleware.http.ConditionalGetMiddleware",
    # Inside the page cache, which then keeps the compressed page.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The admin in the desk's time zone (DESK_TIME_ZONE).
    "publishing.desktime.DeskTimeZoneMiddleware",
    # After authentication, which tells staff (sent on to drafts) from readers; inside
    # CommonMiddleware, whose added slash comes first; inside the page cache, which
    # keeps no redirect, so an old address follows every later change of its item.
    "addresses.middleware.OldAddressRedirectMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as axes asks: turns a refused sign-in into the lockout page (signin.lockout).
    "axes.middleware.AxesMiddleware",
]

# Photos load from the object store's public host where there is one.
IMG_SRC = " ".join(["img-src 'self' data:", *env.media_origins()])

# Reader pages: no inline script or style at all, and no nonce (the page cache
# replays them to every reader; publishing/middleware.py).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        IMG_SRC,
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# The stylesheet the rich-text editor (TipTap, inside django-prose-editor 0.28) adds
# to the page as a <style> element: the only inline style the admin needs. Another
# version of the editor may change it; tests/browser/test_admin_policy.py then fails
# and Chromium's console names the new hash.
PROSE_EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
# The admin: never cached, so each response has a nonce of its own ({nonce}) for the
# inline scripts it runs (the rich-text editor's import map); no other inline script
# or style.
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        IMG_SRC,
        "script-src 'self' 'nonce-{nonce}'",
        f"style-src 'self' {PROSE_EDITOR_STYLE_HASH}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# Powerful browser features no page of the site uses, denied to it and to anything it
# might embed, so a script injected into a page cannot ask for them either. Only
# features Chromium knows: it logs an error on every page for any other name.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
)
# Django's own security headers, named here rather than left to its defaults.
# Other sites a reader follows a link to see the site's origin, not the page.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "publishing.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite is the embedded default; set DATABASE_URL (postgres://...) for PostgreSQL.
DATABASES = {"default": env.database(f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Full-text search lookups and the unaccent extension's operations.
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
# The newsroom's zone: the admin shows and takes times in it, with UTC beside them
# (publishing/desktime.py). Stored times stay in UTC.
DESK_TIME_ZONE = env.desk_time_zone()
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.static_root(BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]

MEDIA_URL = "/media/"
# Uploads on local disk, where there is no object storage (config/env.py).
MEDIA_ROOT = env.media_root(BASE_DIR / "media")
# Django serves uploads itself only in development and tests.
SERVE_MEDIA = False

STORAGES = {
    # Object storage with AWS_STORAGE_BUCKET_NAME (config/env.py), else local disk.
    "default": env.media_storage() or {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Photo originals: private, never at a public address (gallery/storage.py).
    "originals": env.originals_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Redis with REDIS_URL, shared by every app server; else this process's memory.
CACHES = {"default": env.cache()}
# Reader pages, feeds and sitemaps are kept this long at most in that cache (any
# change to content, or a scheduled item going live, makes them stale before:
# caching/versions.py); on with Redis only. CDNs may keep them for the shorter time.
PAGE_CACHE_SECONDS = env.page_cache_seconds()
PAGE_CACHE_SHARED_SECONDS = 10

# Slow work (photo renditions) runs in `manage.py worker` processes that share a
# queue kept in the database: no extra service, and on PostgreSQL several workers
# claim jobs safely. Development and tests run jobs at once instead.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Renditions are made by the worker (gallery.tasks), never while an editor or a
# reader waits, and a page render must not ask the storage whether a file exists.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "gallery.renditions.MadeByWorker"
IMAGEKIT_CACHEFILE_DIR = "renditions"
# The largest photo upload accepted (gallery.imaging): camera originals are 10-25 MB.
PHOTO_UPLOAD_MAX_BYTES = 25 * 1024 * 1024
PHOTO_UPLOAD_MAX_PIXELS = 50_000_000

FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024

# The name readers see in the header, titles, feeds and structured data.
SITE_NAME = "Launch Desk"
# The description of pages that have none of their own (lists, the front page).
SITE_DESCRIPTION = (
    "Launch stories and photo essays: the articles, photos, people and missions of "
    "human spaceflight."
)

LOGIN_URL = "admin:login"

# Sign-in protection (django-axes): after 5 failed sign-ins for one user name from one
# address, that pair is refused for 15 minutes; every attempt meanwhile starts the 15
# minutes again. Other user names from that address, and that user name from other
# addresses, still sign in, so a guesser cannot lock an editor out everywhere. The
# attempts are kept in the database, so every app server sees the same lock.
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked pair before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "signin.lockout.locked_out_page"
AXES_CLIENT_IP_CALLABLE = "signin.addresses.client_address"
# Proxies of ours in front of the app servers (config/env.py); 0 reads REMOTE_ADDR only.
TRUSTED_PROXY_COUNT = env.trusted_proxy_count()

# Every process logs to stderr, errors with their traceback; the process manager or
# the platform keeps the log. LOG_LEVEL=DEBUG shows more.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(process)d: %(message)s"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["stderr"], "level": env.log_level()},
    "loggers": {
        # Django's own default sends request errors nowhere once DEBUG is off.
        "django": {"handlers": ["stderr"], "level": env.log_level(), "propagate": False},
        # Sign-in protection logs a line at every start and every sign-in at INFO; its
        # lockouts are logged by signin/ with the user name and address.
        "axes": {"level": "WARNING"},
    },
}

# dumpdata and loaddata: Django's JSON with times kept to the microsecond, so a
# backup restores every page exactly (backups/serializers.py).
SERIALIZATION_MODULES = {"json": "backups.serializers"}

# How often a reader's live page asks for new entries: 10,000 readers at 10 s are
# 1,000 requests a second, answered 304 from the page cache while nothing changes.
LIVE_POLL_SECONDS = 10
