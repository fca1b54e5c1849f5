"""Local development: `make dev`. Starts the embedded PostgreSQL and Redis when
DATABASE_URL / REDIS_URL are unset (see config/embedded_services.py)."""

from apps.core.supervisor import die_with_parent
from config.embedded_services import configure_environ

die_with_parent()  # a process `make dev` started (or one of theirs) dies with it
configure_environ()

from config.settings.base import *  # noqa: E402,F403
from config.settings.base import CONTENT_SECURITY_POLICY, env  # noqa: E402

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-secret-key-change-me")
SITE_SCHEME = env("SITE_SCHEME", default="http")
SITE_PORT = env("SITE_PORT", default="8000")
ACCOUNT_DEFAULT_HTTP_PROTOCOL = SITE_SCHEME
# Let merchants point URL sources and crawls at sites on this machine.
KNOWLEDGE_ALLOW_PRIVATE_URLS = env.bool("KNOWLEDGE_ALLOW_PRIVATE_URLS", default=True)
# ... and the assistant use an LLM served on this machine (Ollama, LM Studio, vLLM).
LLM_ALLOW_PRIVATE_URLS = env.bool("LLM_ALLOW_PRIVATE_URLS", default=True)
# The Vite dev server (HMR) may serve the SPA during frontend work.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["connect-src"] += ["ws:", "wss:"]
