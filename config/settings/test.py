"""pytest settings: the same embedded services as development, a separate test database
(created by pytest-django) and a separate Redis database."""

import os

from config.embedded_services import configure_environ

if not os.environ.get("REDIS_URL") and os.environ.get("AISLE_EMBEDDED", "1") != "0":
    from config.embedded_services import ensure_running

    os.environ["REDIS_URL"] = ensure_running(postgres=False).redis_url.rsplit("/", 1)[0] + "/1"
configure_environ()

from config.dramatiq import broker_settings  # noqa: E402
from config.settings.base import *  # noqa: E402,F403
from config.settings.base import REDIS_URL, REST_FRAMEWORK, env  # noqa: E402

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105
SITE_SCHEME = "http"
SITE_PORT = env("SITE_PORT", default="")  # the browser tests run a real server on a port
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DRAMATIQ_BROKER = broker_settings(REDIS_URL, namespace="aisle-test")
STATIC_ROOT = None  # type: ignore[assignment]  # static files come straight from the finders (no collectstatic in tests)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon": "1000/min", "user": "1000/min"},
}
KNOWLEDGE_ALLOW_PRIVATE_URLS = True  # crawl tests use servers on 127.0.0.1
KNOWLEDGE_CRAWL_DELAY_S = 0.0
LLM_ALLOW_PRIVATE_URLS = True  # the LLM tests use a local OpenAI-compatible server
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Threads (Channels' sync thread, worker threads) must not keep connections past each call, or
# the test database cannot be dropped at the end of the run.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Replies run their database work on the test's thread, inside the test's transaction.
ASSISTANT_THREADS = 0
