"""Browser tests: Debian's Chromium, driven by Playwright, against a real daphne server running
the ASGI app on the test database (a separate process, like production), and, for tests that
need background work done as in production, a real Dramatiq worker."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.db import connections

from apps.core import processes
from tests.browser.helpers import live_daphne
from tests.conftest import child_env


@pytest.fixture
def server(transactional_db: None) -> Iterator[str]:
    if not (settings.BASE_DIR / "frontend" / "dist" / "index.html").exists():
        pytest.fail("frontend/dist is missing: run `make frontend` (make test does) first")
    with live_daphne() as url:
        yield url


@pytest.fixture
def worker(transactional_db: None) -> Iterator[subprocess.Popen[bytes]]:
    """Every app's actors on every queue, as `manage.py rundramatiq` deploys them. It loads the
    embedding model before taking messages; what is enqueued meanwhile waits in Redis."""
    process = processes.dramatiq_worker(threads=2, env=child_env())
    yield process
    processes.processes_stop([process], timeout=15)


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch):
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=processes.CHROMIUM_PATH, args=processes.CHROMIUM_ARGS
        )
        page = browser.new_page()
        page.set_default_timeout(15_000)
        yield page
        browser.close()
        # ORM calls made while Playwright's loop ran used their own connection: close it.
        connections.close_all()
