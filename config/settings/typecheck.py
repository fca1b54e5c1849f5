"""Settings for mypy's Django plugin. The plugin imports settings and loads the apps but never
connects, so type checking must not need (or start) PostgreSQL and Redis: a lint run on a fresh
clone, or beside a busy embedded server, fails only on types. Unreachable URLs are enough."""

import os

os.environ.setdefault("DATABASE_URL", "postgresql://typecheck.invalid/typecheck")
os.environ.setdefault("REDIS_URL", "redis://typecheck.invalid:6379/0")

from config.settings.test import *  # noqa: F403
