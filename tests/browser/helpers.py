"""Helpers shared by the browser tests."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections

from apps.core.tenancy import tenant_context

# Screenshots of the admin site, kept for people to look at (git-ignored).
SCREENSHOTS = Path(settings.BASE_DIR) / "test-output" / "browser"


def run_as_worker(tenant: Any, job: Callable[[], object]) -> None:
    """Run a worker's job on a plain thread in the store's schema, as a Dramatiq worker would
    (Playwright's event loop owns the test thread); re-raise its error in the test."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with tenant_context(tenant):
                job()
        except BaseException as error:  # re-raised in the test thread
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    if errors:
        raise errors[0]
