"""Production settings are secure by default and refuse to start half-configured."""

import json
import os
import subprocess
import sys

from django.conf import settings

_PROBE = """
import json
from django.conf import settings as s
print(json.dumps({"debug": s.DEBUG, "hsts": s.SECURE_HSTS_SECONDS, "ssl": s.SECURE_SSL_REDIRECT,
  "session_secure": s.SESSION_COOKIE_SECURE, "csrf_secure": s.CSRF_COOKIE_SECURE,
  "hosts": s.ALLOWED_HOSTS, "cookie_domain": s.SESSION_COOKIE_DOMAIN,
  "csp": "csp.middleware.CSPMiddleware" in s.MIDDLEWARE}))
"""


_FERNET_KEY = "YnVpbGQtdGltZS1jb2xsZWN0c3RhdGljLW9ubHkhISE="


def _load_prod(**env: str) -> subprocess.CompletedProcess[str]:
    unset = (
        "DATABASE_URL",
        "REDIS_URL",
        "DEBUG",
        "SECRET_ENCRYPTION_KEYS",
        "LLM_KEY_ENCRYPTION_KEYS",
    )
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + _PROBE],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.prod", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_prod_defaults_are_secure() -> None:
    result = _load_prod(
        SECRET_KEY="x" * 50,
        DATABASE_URL="postgresql://db/aisle",
        REDIS_URL="redis://redis:6379/0",
        BASE_DOMAIN="aisle.example.com",
        SECRET_ENCRYPTION_KEYS=_FERNET_KEY,
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "debug": False,
        "hsts": 31536000,
        "ssl": True,
        "session_secure": True,
        "csrf_secure": True,
        "hosts": ["aisle.example.com", ".aisle.example.com"],
        "cookie_domain": ".aisle.example.com",
        "csp": True,
    }


def test_prod_refuses_to_start_without_a_secret_key() -> None:
    result = _load_prod(DATABASE_URL="postgresql://db/aisle", REDIS_URL="redis://redis:6379/0")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_prod_refuses_to_start_without_a_database_url() -> None:
    result = _load_prod(SECRET_KEY="x" * 50, REDIS_URL="redis://redis:6379/0")
    assert result.returncode != 0 and "DATABASE_URL" in result.stderr


_REQUIRED = {
    "SECRET_KEY": "x" * 50,
    "DATABASE_URL": "postgresql://db/aisle",
    "REDIS_URL": "redis://redis:6379/0",
}


def test_prod_refuses_to_start_without_valid_secret_encryption_keys() -> None:
    missing = _load_prod(**_REQUIRED)
    empty = _load_prod(**_REQUIRED, SECRET_ENCRYPTION_KEYS="")
    not_fernet = _load_prod(**_REQUIRED, SECRET_ENCRYPTION_KEYS="not-a-key")
    old_name_not_fernet = _load_prod(**_REQUIRED, LLM_KEY_ENCRYPTION_KEYS="not-a-key")
    for result in (missing, empty, not_fernet, old_name_not_fernet):
        assert result.returncode != 0 and "SECRET_ENCRYPTION_KEYS" in result.stderr


def test_prod_still_reads_the_keys_under_their_former_name() -> None:
    # given a deployment whose environment predates SECRET_ENCRYPTION_KEYS
    result = _load_prod(**_REQUIRED, LLM_KEY_ENCRYPTION_KEYS=_FERNET_KEY)

    # then it starts
    assert result.returncode == 0, result.stderr
