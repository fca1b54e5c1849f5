"""Production: everything from the environment, secure by default."""

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import (
    BASE_DOMAIN,
    CONTENT_SECURITY_POLICY,
    SECRET_ENCRYPTION_KEYS,
    env,
)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY")  # required: no default in production
env("DATABASE_URL")  # required: fail at start-up rather than fall back to a default
env("REDIS_URL")
# Required: secrets at rest must not be encrypted with a key derived from SECRET_KEY.
if not SECRET_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "Set the SECRET_ENCRYPTION_KEYS environment variable "
        "(LLM_KEY_ENCRYPTION_KEYS, its former name, is still read)."
    )
try:
    [Fernet(key) for key in SECRET_ENCRYPTION_KEYS]
except ValueError as error:
    raise ImproperlyConfigured(
        "SECRET_ENCRYPTION_KEYS must be comma-separated Fernet keys (32 url-safe base64 bytes)."
    ) from error
SITE_SCHEME = "https"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = env.list(
    "CSRF_TRUSTED_ORIGINS", default=[f"https://*.{BASE_DOMAIN}", f"https://{BASE_DOMAIN}"]
)
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True
