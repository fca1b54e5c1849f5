"""Helpers shared by the browser tests."""

from __future__ import annotations

import re
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.conf import settings
from django.db import connections
from playwright.sync_api import Page, expect

from apps.core import processes
from apps.core.tenancy import tenant_context
from tests.accounts.factories import TEST_PASSWORD
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


def sign_up_and_verify(page: Page, server: str, *, email: str) -> None:
    """Sign up through the real form and follow the emailed confirmation link (its key made
    here, as the email would carry it); ends on the signed-in list of the user's stores."""
    page.goto(f"{server}/accounts/signup/")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password1]").fill("a-long-passphrase-42")
    page.locator("input[name=password2]").fill("a-long-passphrase-42")
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    address = EmailAddress.objects.get(email=email)
    page.goto(f"{server}/accounts/confirm-email/{EmailConfirmationHMAC(address).key}/")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Your stores")).to_be_visible()


def sign_in_to_store(page: Page, server: str, *, email: str, slug: str, next_path: str) -> None:
    """Sign in on the root domain (the test password), then open `next_path` of the store
    through the sign-in hand-off to its own host."""
    page.goto(f"{server}/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.goto(f"{server}/stores/{slug}/open/?next={next_path}")
    expect(page).to_have_url(
        re.compile(rf"{re.escape(slug)}\.localhost:\d+{re.escape(next_path)}$")
    )


def rgb(hex_colour: str) -> str:
    """`#rrggbb` as the browser's computed style writes it."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


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
