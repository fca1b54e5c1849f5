"""Admin site benchmark (`manage.py bench admin`).

* `initial_js_gzip_bytes`: the gzipped size of the JavaScript the SPA's first page loads: the
  entry chunk of frontend/dist's Vite manifest plus everything it imports statically (lazily
  loaded pages are not counted). Needs `npm run build` first.
* `inbox_tti_ms`: a bench store with 10,000 conversations (bulk-inserted), daphne on loopback and
  headless Chromium (Debian's, through Playwright), signed in as the store's owner. Each load
  is timed from navigation start to the inbox being usable: its first row visible and the
  status filter enabled, read in the page with `performance.now()`. Median and p95 over the
  loads after one warm-up. The store is dropped afterwards."""

from __future__ import annotations

import datetime
import gzip
import json
import os
import secrets
import statistics
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from apps.accounts.models import User
from apps.accounts.roles import Role
from apps.accounts.services.memberships import membership_create
from apps.conversations.models import Conversation, Message
from apps.core import processes
from apps.core.tenancy import tenant_context
from apps.tenants import provisioning
from apps.tenants.services import tenant_provision
from bench.common import percentile

Log = Callable[[str], None]
CONVERSATIONS = 10_000
LOADS = 5
BATCH = 2_000
# Resolves with performance.now() (ms since navigation start) once the inbox is usable.
_INBOX_READY_JS = """() => {
  const row = document.querySelector('table[aria-label="Conversations"] tbody tr a');
  const filter = document.querySelector('section[aria-label="Filters"] input');
  return row && row.offsetParent !== null && filter && !filter.disabled ? performance.now() : false;
}"""


def initial_js_gzip_bytes(*, dist: Path) -> tuple[int, list[str]]:
    """Gzipped bytes of the entry chunk and its static imports, and their file names."""
    manifest_path = dist / ".vite" / "manifest.json"
    if not manifest_path.exists():
        raise RuntimeError(f"{manifest_path} is missing: build the admin site (make frontend)")
    manifest: dict[str, dict[str, Any]] = json.loads(manifest_path.read_text())
    pending = [key for key, chunk in manifest.items() if chunk.get("isEntry")]
    seen: set[str] = set()
    while pending:
        key = pending.pop()
        if key not in seen:
            seen.add(key)
            pending.extend(manifest[key].get("imports", []))
    files = sorted(manifest[key]["file"] for key in seen)
    return sum(len(gzip.compress((dist / name).read_bytes())) for name in files), files


def _conversations_bulk_create(*, count: int) -> None:
    """`count` widget conversations over the last 90 days, two messages each (a question and an
    answer, one in five rated), inserted in batches: the inbox's data, not the chat pipeline's
    work."""
    now = timezone.now()
    for start in range(0, count, BATCH):
        batch = []
        for n in range(start, min(start + BATCH, count)):
            when = now - datetime.timedelta(minutes=13 * n)
            status = ("open", "open", "resolved", "handed_off")[n % 4]
            batch.append(
                Conversation(
                    channel="widget",
                    session_id=f"bench-{n}",
                    status=status,
                    handed_off_at=when if status == "handed_off" else None,
                    started_at=when,
                    last_activity_at=when,
                    message_count=2,
                )
            )
        created = Conversation.objects.bulk_create(batch)
        messages = []
        for n, conversation in enumerate(created, start=start):
            question = f"Do you ship order {n} to Austria?"
            messages += [
                Message(conversation=conversation, seq=1, role="user", content=question),
                Message(
                    conversation=conversation,
                    seq=2,
                    role="assistant",
                    content="Yes, we ship to Austria within 5 business days [1].",
                    feedback=("up", "", "", "", "down")[n % 5],
                ),
            ]
        Message.objects.bulk_create(messages)


def _owner(tenant: Any) -> tuple[str, str]:
    email = f"bench-{tenant.slug}@example.com"
    password = secrets.token_urlsafe(16)
    user = User.objects.create_user(email=email, password=password, name="Bench Owner")
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    membership_create(user=user, tenant=tenant, role=Role.OWNER)
    return email, password


def _inbox_loads(*, base: str, slug: str, email: str, password: str, loads: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    timings: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=processes.CHROMIUM_PATH, args=processes.CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            page.set_default_timeout(30_000)
            page.goto(f"{base}/accounts/login/")
            page.locator("input[name=login]").fill(email)
            page.locator("input[name=password]").fill(password)
            page.get_by_role("button", name="Sign In").click()
            page.wait_for_url(lambda url: "/accounts/login" not in url)
            page.goto(f"{base}/stores/{slug}/open/?next=/app/inbox")
            inbox = page.url  # the store's host, after the sign-in hand-off
            for _ in range(loads + 1):  # the first load warms the caches and is not counted
                page.goto(inbox)
                ready = page.wait_for_function(_INBOX_READY_JS, polling="raf")
                timings.append(float(ready.json_value()))
        finally:
            browser.close()
    return timings[1:]


def run(*, size: int | None, quick: bool, log: Log) -> dict[str, Any]:
    dist = Path(settings.BASE_DIR) / "frontend" / "dist"
    js_bytes, js_files = initial_js_gzip_bytes(dist=dist)
    log(f"initial JS: {js_bytes} bytes gzipped in {len(js_files)} files")
    count = size or (1_000 if quick else CONVERSATIONS)
    call_command("migrate_schemas", interactive=False, verbosity=0)  # template up to date
    tenant = tenant_provision(name="Bench inbox", slug=f"bench-inbox-{secrets.token_hex(3)}")
    try:
        email, password = _owner(tenant)
        with tenant_context(tenant):
            _conversations_bulk_create(count=count)
        log(f"{count} conversations in {tenant.slug}")
        port = processes.free_port()
        env = {**os.environ, "SITE_PORT": str(port), "LOG_LEVEL": "WARNING"}
        web = processes.daphne_server(port=port, env=env, stderr=subprocess.DEVNULL)
        try:
            timings = _inbox_loads(
                base=f"http://localhost:{port}",
                slug=tenant.slug,
                email=email,
                password=password,
                loads=3 if quick else LOADS,
            )
        finally:
            processes.processes_stop([web])
    finally:
        provisioning.schema_drop(schema_name=tenant.schema_name)
        User.objects.filter(email=f"bench-{tenant.slug}@example.com").delete()
        tenant.delete()
    log("inbox loads (ms): " + ", ".join(f"{t:.0f}" for t in timings))
    return {
        "initial_js_gzip_bytes": js_bytes,
        "initial_js_files": js_files,
        "conversations": count,
        "inbox_loads": len(timings),
        "inbox_tti_ms": round(statistics.median(timings), 1),
        "inbox_tti_p95_ms": percentile(timings, pct=95),
        "inbox_tti_max_ms": round(max(timings), 1),
    }
