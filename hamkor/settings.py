"""Hamkor's one settings module, read from the environment (12-factor).

Every setting has a safe default for the embedded mode (SQLite in ``var/``, eager tasks,
local-memory cache, e-mail kept in the outbox). Production sets ``DATABASE_URL``,
``REDIS_URL``, ``SECRET_KEY``, ``ALLOWED_HOSTS``, ``EMAIL_URL`` and ``HTTPS=on``.
A setting that cannot be read stops start-up with :class:`ImproperlyConfigured` naming it;
``hamkor`` prints that as one line.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from hamkor import languages
from hamkor.core.client_ip import trusted_proxies_parse
from hamkor.schedule import BEAT_SCHEDULE

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent

env = environ.Env()


def _read(name: str, reader, **kwargs):
    """Read one variable; any failure names the variable in one line."""
    try:
        return reader(name, **kwargs)
    except ImproperlyConfigured:
        raise
    except Exception as exc:  # environ raises several kinds for a malformed value
        raise ImproperlyConfigured(f"{name}: cannot read this setting ({exc})") from exc


VAR_DIR = Path(_read("HAMKOR_VAR_DIR", env.str, default=str(PROJECT_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = _read("DEBUG", env.bool, default=False)

# SECRET_KEY: production passes it; the embedded mode generates one once and keeps it.
SECRET_KEY = _read("SECRET_KEY", env.str, default="")
if not SECRET_KEY:
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    SECRET_KEY = key_file.read_text().strip()

ALLOWED_HOSTS = _read("ALLOWED_HOSTS", env.list, default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = _read("CSRF_TRUSTED_ORIGINS", env.list, default=[])

# Behind TLS (production): secure cookies, HSTS, redirect to https.
HTTPS = _read("HTTPS", env.bool, default=False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Sessions end after so many minutes without a request (applicants write long forms: their
# own, longer limit), and in any case so many hours after the login (the cookie's age too).
HAMKOR_SESSION_IDLE_MINUTES = _read("HAMKOR_SESSION_IDLE_MINUTES", env.int, default=30)
HAMKOR_APPLICANT_IDLE_MINUTES = _read("HAMKOR_APPLICANT_IDLE_MINUTES", env.int, default=120)
SESSION_COOKIE_AGE = _read("HAMKOR_SESSION_MAX_HOURS", env.int, default=12) * 3600

INSTALLED_APPS = [
    "hamkor.core",
    "hamkor.accounts",
    "hamkor.partners",
    "hamkor.agreements",
    "hamkor.mobility",
    "hamkor.website",
    "hamkor.grants",
    "hamkor.students",
    "hamkor.events",
    "hamkor.calls",
    "hamkor.reports",
    "hamkor.workbench",
    "hamkor.hemis",
    "hamkor.feeds",
    "hamkor.webhooks",
    "hamkor.privacy",
    "hamkor.api",
    "hamkor.ewp",
    "hamkor.security",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "django_filters",
    "django_tables2",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_countries",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The client's address for events a service logs without the request (docs/security-log.md).
    "hamkor.security.log.SecurityAddressMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After the language and the user are known: its 404 and 400 pages speak the visitor's.
    "hamkor.core.middleware.NulAddressMiddleware",
    "hamkor.accounts.middleware.UserLanguageMiddleware",
    "hamkor.accounts.middleware.SessionIdleMiddleware",
    "hamkor.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Outermost of the two, so that the 405 page is marked private as well.
    "hamkor.core.middleware.PrivateCacheControlMiddleware",
    "hamkor.core.middleware.MethodNotAllowedPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    # Innermost: a page served from the cache still passes every header-setting layer above.
    "hamkor.website.middleware.PublicPageCacheMiddleware",
]

ROOT_URLCONF = "hamkor.urls"
WSGI_APPLICATION = "hamkor.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hamkor.core.context_processors.navigation",
            ],
        },
    },
]

# Database: one URL switches between the embedded SQLite file and PostgreSQL.
DATABASES = {
    "default": _read("DATABASE_URL", env.db_url, default=f"sqlite:///{VAR_DIR / 'hamkor.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] not in (
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
):
    raise ImproperlyConfigured(
        "DATABASE_URL: use sqlite:///path or postgres://user:password@host:port/name"
    )
DATABASES["default"].setdefault(
    "CONN_MAX_AGE", 60 if "postgres" in DATABASES["default"]["ENGINE"] else 0
)
# A connection kept between requests is checked before use, so that after PostgreSQL went
# away and came back the next request reconnects by itself (docs/deployment.md, decision 0020).
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if "postgres" in DATABASES["default"]["ENGINE"]:
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    # The search's near misses: pg_trgm's word similarity a row needs (hamkor/core/search.py).
    DATABASES["default"]["OPTIONS"].setdefault(
        "options", "-c pg_trgm.word_similarity_threshold=0.5"
    )
SQLITE_OPTIONS = {
    # WAL lets the demo server and a management command work on the file side by side.
    "init_command": "PRAGMA journal_mode=WAL;",
    # A transaction takes the write lock when it begins (BEGIN IMMEDIATE), so two saves of one
    # record wait for each other (up to ``timeout`` seconds) instead of failing with
    # "database is locked" when a read turns into a write; the second then meets the version
    # check and gets the conflict page.
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and background work: Redis when REDIS_URL is set, otherwise in-process.
REDIS_URL = _read("REDIS_URL", env.str, default="")
if REDIS_URL:
    # Redis out of reach is a cache miss (pages are computed without it); rate limits stay
    # strict (hamkor/core/faults.py). Short timeouts: an outage is noticed in seconds.
    CACHES = {
        "default": {
            "BACKEND": "hamkor.core.faults.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = "memory://"
    CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged when it has finished: a worker lost mid-task leaves its message to
# be delivered again, and hamkor.core.jobs.job_run runs the work once (decision 0020).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# How long an unacknowledged message waits before Redis gives it to another worker.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _read("HAMKOR_TASK_VISIBILITY_SECONDS", env.int, default=3600)
}
CELERY_RESULT_BACKEND = None
CELERY_TIMEZONE = "Asia/Tashkent"
CELERY_BEAT_SCHEDULE = BEAT_SCHEDULE  # hamkor/schedule.py
# Where the nightly archives go (``hamkor backup``; docs/deployment.md), and how many stay.
BACKUP_DIR = Path(_read("HAMKOR_BACKUP_DIR", env.str, default=str(VAR_DIR / "backups")))
BACKUP_KEEP = _read("HAMKOR_BACKUP_KEEP", env.int, default=14)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "hamkor.accounts.passwords.BreachedPasswordValidator"},
    # Not a check: its password_changed() revokes the user's API and calendar tokens.
    {"NAME": "hamkor.accounts.passwords.CredentialsRevokedOnChange"},
]
# Leaked passwords, offline: Have I Been Pwned's "SHA1:COUNT" file, sorted (docs/deployment.md).
HAMKOR_BREACHED_PASSWORDS = _read("HAMKOR_BREACHED_PASSWORDS", env.str, default="")
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workbench:home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

# Lockout after repeated failed logins (django-axes): per account, whatever the addresses
# the guesses come from ("username" alone), and per account and address. An address alone
# is not an axes parameter: the campus reaches us through one address, and five typos
# there would lock everybody out; failures per address have their own, higher ceiling.
AXES_FAILURE_LIMIT = _read("AXES_FAILURE_LIMIT", env.int, default=5)
AXES_COOLOFF_TIME = _read("AXES_COOLOFF_MINUTES", env.int, default=15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", ["username", "ip_address"]]
# The proxies in front of Hamkor (nginx, a load balancer): how many, or their addresses and
# networks, comma-separated; empty: none, REMOTE_ADDR is the client. Every rate limit and
# axes read the client's address through hamkor.core.client_ip.client_ip.
HAMKOR_TRUSTED_PROXIES = trusted_proxies_parse(_read("HAMKOR_TRUSTED_PROXIES", env.str, default=""))
AXES_CLIENT_IP_CALLABLE = "hamkor.core.client_ip.client_ip"
HAMKOR_LOGIN_FAILURES_PER_IP = _read("HAMKOR_LOGIN_FAILURES_PER_IP", env.int, default=30)
# Password-reset e-mails: at most so many per address asked for and per client address,
# per window (counted in the cache, shared by the app servers).
HAMKOR_PASSWORD_RESET_PER_EMAIL = _read("HAMKOR_PASSWORD_RESET_PER_EMAIL", env.int, default=3)
HAMKOR_PASSWORD_RESET_PER_IP = _read("HAMKOR_PASSWORD_RESET_PER_IP", env.int, default=10)
HAMKOR_PASSWORD_RESET_WINDOW = _read("HAMKOR_PASSWORD_RESET_MINUTES", env.int, default=60) * 60
# Public event registrations accepted from one client address per hour.
HAMKOR_EVENT_REGISTRATIONS_PER_IP = _read("HAMKOR_EVENT_REGISTRATIONS_PER_IP", env.int, default=20)
# Public inquiries and reception bookings: so many per e-mail address and per client
# address in each window; a form sent sooner than the minimum after it was shown is refused.
HAMKOR_PUBLIC_SENDS_PER_EMAIL = _read("HAMKOR_PUBLIC_SENDS_PER_EMAIL", env.int, default=3)
HAMKOR_PUBLIC_SENDS_PER_IP = _read("HAMKOR_PUBLIC_SENDS_PER_IP", env.int, default=10)
HAMKOR_PUBLIC_SENDS_WINDOW = _read("HAMKOR_PUBLIC_SENDS_MINUTES", env.int, default=60) * 60
HAMKOR_PUBLIC_FORM_MIN_SECONDS = _read("HAMKOR_PUBLIC_FORM_MIN_SECONDS", env.int, default=3)
# The files an applicant may store on one application: how many (every version counts)
# and how many megabytes in all.
HAMKOR_APPLICATION_MAX_FILES = _read("HAMKOR_APPLICATION_MAX_FILES", env.int, default=15)
HAMKOR_APPLICATION_MAX_MB = _read("HAMKOR_APPLICATION_MAX_MB", env.int, default=60)
# How far ahead visitors may book a reception slot.
HAMKOR_RECEPTION_WEEKS = _read("HAMKOR_RECEPTION_WEEKS", env.int, default=4)
# Who may show the public widgets (/<lang>/embed/...) in an <iframe>: CSP frame-ancestors
# sources, comma-separated. Every other page may be framed by nobody (hamkor/website/embed.py).
HAMKOR_EMBED_ANCESTORS = _read("HAMKOR_EMBED_ANCESTORS", env.list, default=["'self'", "https:"])
# Sources only ('self', a scheme such as https:, an origin such as https://www.example.uz or
# https://*.example.uz): anything else (a keyword like 'unsafe-inline') is refused.
for _source in HAMKOR_EMBED_ANCESTORS:
    if not re.fullmatch(r"'self'|https?:|https?://(\*\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?", _source):
        raise ImproperlyConfigured(
            f"HAMKOR_EMBED_ANCESTORS: {_source!r} is not 'self', https: or an origin such as "
            "https://www.example.uz"
        )
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Two-factor (TOTP): roles that must use it; the others may enrol voluntarily.
TWO_FACTOR_REQUIRED_ROLES = _read("TWO_FACTOR_REQUIRED_ROLES", env.list, default=["administrator"])
OTP_TOTP_ISSUER = _read("OTP_TOTP_ISSUER", env.str, default="Hamkor")

# Languages: Uzbek (Latin and Cyrillic), Russian, English. See hamkor/languages.py.
LANGUAGE_CODE = _read("LANGUAGE_CODE", env.str, default="uz")
LANGUAGES = [(code, name) for code, name in languages.LANGUAGES]
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(f"LANGUAGE_CODE: must be one of {', '.join(dict(LANGUAGES))}")
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["hamkor.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = _read("TIME_ZONE", env.str, default="Asia/Tashkent")
LANGUAGE_COOKIE_NAME = "hamkor_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = Path(_read("STATIC_ROOT", env.str, default=str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
# Without collectstatic (the embedded mode) WhiteNoise serves straight from the apps.
WHITENOISE_USE_FINDERS = _read("STATIC_FROM_FINDERS", env.bool, default=True)

# Documents are private: stored outside any public URL and served through checked views.
MEDIA_ROOT = Path(_read("MEDIA_ROOT", env.str, default=str(VAR_DIR / "media")))
MEDIA_URL = "/media-not-served/"
S3_BUCKET = _read("S3_BUCKET", env.str, default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": _read("S3_ENDPOINT_URL", env.str, default="") or None,
            "access_key": _read("S3_ACCESS_KEY", env.str, default=""),
            "secret_key": _read("S3_SECRET_KEY", env.str, default=""),
            "region_name": _read("S3_REGION", env.str, default="") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
FILE_UPLOAD_MAX_SIZE = _read("FILE_UPLOAD_MAX_MB", env.int, default=20) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = FILE_UPLOAD_MAX_SIZE

# E-mail: the console plus the administrators' outbox page, unless EMAIL_URL says SMTP.
EMAIL_URL = _read("EMAIL_URL", env.str, default="")
if EMAIL_URL:
    vars().update(_read("EMAIL_URL", env.email_url))
    EMAIL_BACKEND = "hamkor.core.mail.OutboxSMTPBackend"
else:
    EMAIL_BACKEND = "hamkor.core.mail.OutboxConsoleBackend"
DEFAULT_FROM_EMAIL = _read("DEFAULT_FROM_EMAIL", env.str, default="hamkor@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Content Security Policy: no inline script or style anywhere (scripts set styles through
# the CSSOM, which the policy allows; docs/decisions/0021-headers-sessions-passwords.md).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

REST_FRAMEWORK = {
    # A token first: its challenge makes a request without credentials a 401.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "hamkor.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "EXCEPTION_HANDLER": "hamkor.api.errors.exception_handler",
    "DEFAULT_PERMISSION_CLASSES": ["hamkor.core.api.permissions.RolePermissions"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Hamkor API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Countries appear as a country and as a citizenship: one enum in the schema.
    "ENUM_NAME_OVERRIDES": {
        "CountryEnum": "hamkor.core.countries.countries",
        # A party's, a consortium member's and a participant's roles are different lists.
        "AgreementPartyRoleEnum": "hamkor.agreements.models.AgreementParty.Role",
        "ProjectRoleEnum": "hamkor.grants.models.projects.Project.Role",
        "ParticipantRoleEnum": "hamkor.events.models.Participant.Role",
        # A call's and an application's study levels and language levels are one list each.
        "CallStudyLevelEnum": "hamkor.calls.models.StudyLevel",
        "CefrEnum": "hamkor.calls.models.Cefr",
    },
}

DJANGO_TABLES2_TEMPLATE = "core/tables/table.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table table-hover table-sm align-middle"}

SIMPLE_HISTORY_REVERT_DISABLED = True

# Hamkor's own knobs.
HAMKOR_PAGE_SIZES = (25, 50, 100, 250)
# An export of more rows than this runs in the background, with a progress page.
HAMKOR_EXPORT_INLINE_MAX = _read("HAMKOR_EXPORT_INLINE_MAX", env.int, default=5000)
# The security log (docs/security-log.md): days an event is kept (0 keeps them all), and
# whether a mistake in logging an event raises (development, tests) or is only reported.
HAMKOR_SECURITY_LOG_DAYS = _read("HAMKOR_SECURITY_LOG_DAYS", env.int, default=730)
HAMKOR_SECURITY_LOG_STRICT = _read("HAMKOR_SECURITY_LOG_STRICT", env.bool, default=DEBUG)
HAMKOR_DATA_DIR = _read("HAMKOR_DATA_DIR", env.str, default="")  # the shared data files, if any
# Erasmus Without Paper (hamkor/ewp, docs/ewp.md): the folder holding the official XSDs
# (validated offline through it); without it the schemas are fetched from their official
# addresses into VAR_DIR/ewp-schemas once. The partners allowed to call the EWP endpoints
# without a staff session: "hei-id=secret hei-id=secret", sent as the X-Hamkor-EWP-Key header.
HAMKOR_EWP_SCHEMAS = _read("HAMKOR_EWP_SCHEMAS", env.str, default="")
HAMKOR_EWP_CLIENTS = _read("HAMKOR_EWP_CLIENTS", env.str, default="")
# Where `hamkor load-directory` (without --from) downloads the lists. The EU publishes the
# Erasmus charter list under a file name that changes with each edition: set its address.
HAMKOR_DIRECTORY_SOURCES = {
    "eche_accredited_heis_2021-2027.xlsx": _read("HAMKOR_ECHE_URL", env.str, default="") or None,
}
# Deadlines of foreign guests and travellers (see hamkor/mobility/deadlines.py).
HAMKOR_REGISTRATION_DAYS = _read("HAMKOR_REGISTRATION_DAYS", env.int, default=3)
HAMKOR_REGISTRATION_COUNT = _read("HAMKOR_REGISTRATION_COUNT", env.str, default="calendar")
if HAMKOR_REGISTRATION_COUNT not in ("calendar", "working", "no_sundays"):
    raise ImproperlyConfigured("HAMKOR_REGISTRATION_COUNT: use calendar, working or no_sundays")
HAMKOR_TRIP_REPORT_DAYS = _read("HAMKOR_TRIP_REPORT_DAYS", env.int, default=5)
HAMKOR_EXTRA_HOLIDAYS = _read("HAMKOR_EXTRA_HOLIDAYS", env.list, default=[])  # ISO dates
# Kosovo has no ISO 3166 code; the EU lists use XK.
COUNTRIES_OVERRIDE = {"XK": _("Kosovo")}
HAMKOR_SITE_NAME = _("Hamkor")
# The address of this installation, for links in e-mails sent by background tasks.
HAMKOR_BASE_URL = _read("HAMKOR_BASE_URL", env.str, default="http://127.0.0.1:8000")
# An active partner with no interaction, agreement or exchange in this many months is dormant.
HAMKOR_DORMANT_AFTER_MONTHS = _read("HAMKOR_DORMANT_AFTER_MONTHS", env.int, default=12)
# The Central Bank of Uzbekistan's daily rates (JSON); `hamkor rates fetch --date D` asks
# for `all/YYYY-MM-DD/` under it.
HAMKOR_CBU_RATES_URL = _read(
    "HAMKOR_CBU_RATES_URL", env.str, default="https://cbu.uz/uz/arkhiv-kursov-valyut/json/"
)

# The public wording of the achievements rounds each figure down to a multiple of its step
# ("more than 50"); a step of 1 shows the figure exactly (hamkor/reports/wording.py). The
# environment may change steps: HAMKOR_ACHIEVEMENTS_ROUNDING="default=10;grant_income_usd=1000".
HAMKOR_ACHIEVEMENTS_ROUNDING = {
    "default": 10,
    "professors_interned_qs1000": 1,
    "visiting_professors": 1,
    "grant_income_usd": 50000,
    **_read("HAMKOR_ACHIEVEMENTS_ROUNDING", env.dict, cast={"value": int}, default={}),
}

# HEMIS, the university's national information system (docs/hemis.md): the data API's
# address (https://hemis.example.uz) and a token issued by its administrator.
HEMIS_BASE_URL = _read("HEMIS_BASE_URL", env.str, default="")
HEMIS_TOKEN = _read("HEMIS_TOKEN", env.str, default="")
HEMIS_TIMEOUT = _read("HEMIS_TIMEOUT", env.int, default=30)
# Signing in with HEMIS (OAuth2), off unless the client's id and secret are set.
HEMIS_OAUTH_URL = _read("HEMIS_OAUTH_URL", env.str, default="") or HEMIS_BASE_URL
HEMIS_OAUTH_CLIENT_ID = _read("HEMIS_OAUTH_CLIENT_ID", env.str, default="")
HEMIS_OAUTH_CLIENT_SECRET = _read("HEMIS_OAUTH_CLIENT_SECRET", env.str, default="")

# Webhooks (docs/webhooks.md): deliveries to private, loopback or link-local addresses are
# refused unless this is on (a server on the office's own network; the tests).
HAMKOR_WEBHOOKS_ALLOW_PRIVATE = _read("HAMKOR_WEBHOOKS_ALLOW_PRIVATE", env.bool, default=False)
HAMKOR_WEBHOOKS_TIMEOUT = _read("HAMKOR_WEBHOOKS_TIMEOUT", env.int, default=10)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": _read("LOG_LEVEL", env.str, default="WARNING")},
    "loggers": {"axes": {"level": "WARNING"}},
}
CSRF_FAILURE_VIEW = "hamkor.core.views.pages.csrf_failure"
FORM_RENDERER = "hamkor.core.forms.FormRenderer"
# A web site typed without a scheme is https, as it will be by default from Django 6.
FORMS_URLFIELD_ASSUME_HTTPS = True
