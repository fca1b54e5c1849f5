"""Helpers shared by the browser tests."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connections

from apps.core import processes
from apps.core.tenancy import tenant_context
from tests.conftest import child_env

# Screenshots of the admin site, kept for people to look at (git-ignored).
SCREENSHOTS = Path(settings.BASE_DIR) / "test-output" / "browser"


@contextmanager
def live_daphne() -> Iterator[str]:
    """Daphne serving the ASGI app on the test database and Redis, in its own process (like
    production); yields its URL, `http://localhost:<port>`."""
    port = processes.free_port()
    try:
        process = processes.daphne_server(
            port=port,
            env=child_env(SITE_PORT=str(port)),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=30,
        )
    except RuntimeError as error:
        pytest.fail(str(error))
    try:
        yield f"http://localhost:{port}"
    finally:
        processes.processes_stop([process], timeout=15)


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
