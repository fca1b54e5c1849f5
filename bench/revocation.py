"""`manage.py bench revocation`: how fast taking access away reaches an open socket.

A bench store with N members (50; `--quick`: 5), each signed in with the admin events socket
open through a real daphne on loopback. Each member is removed in turn (`membership_remove`,
as `DELETE /api/v1/members/<id>/` does) and the time from just before the removal's transaction
(so it includes the commit) to the member's socket being closed with 4403 is recorded:
`revocation_close_p50_ms`, `revocation_close_p95_ms`; `revocation_errors` counts sockets that
did not close that way within 5 s. The store is dropped afterwards."""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import time
from collections.abc import Callable
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Origin

from apps.accounts.models import Membership, User
from apps.accounts.roles import Role
from apps.accounts.services.memberships import membership_create, membership_remove
from apps.core import processes
from apps.core.tenancy import tenant_context
from apps.tenants import provisioning
from apps.tenants.models import Tenant
from apps.tenants.services import tenant_provision
from bench.common import percentile

Log = Callable[[str], None]
MEMBERS = 50
CLOSE_WAIT_S = 5.0


def _member(*, tenant: Tenant, n: int, role: str) -> tuple[Membership, str]:
    """A member and the session cookie they are signed in with on the store's host."""
    user = User.objects.create_user(email=f"bench-{tenant.slug}-{n}@example.com", name="Bench")
    membership = membership_create(user=user, tenant=tenant, role=role)
    client = Client(HTTP_HOST=f"{tenant.slug}.{settings.BASE_DOMAIN}")
    client.force_login(user)
    return membership, client.cookies[settings.SESSION_COOKIE_NAME].value


async def _socket(*, host: str, port: int, session: str) -> ClientConnection:
    return await connect(
        f"ws://{host}:{port}/ws/app/events/",
        origin=Origin(f"http://{host}:{port}"),
        additional_headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"},
        host="127.0.0.1",  # the TCP destination; Host stays the store's
        port=port,
        open_timeout=30,
        ping_interval=None,
    )


def _remove(*, tenant: Tenant, owner: Membership, membership: Membership) -> None:
    with tenant_context(tenant):
        membership_remove(actor=owner, membership=membership)


async def _removals(
    *, tenant: Tenant, port: int, owner: Membership, members: list[tuple[Membership, str]]
) -> tuple[list[float], int]:
    host = f"{tenant.slug}.{settings.BASE_DOMAIN}"
    sockets = [await _socket(host=host, port=port, session=session) for _m, session in members]
    remove = sync_to_async(_remove)
    timings: list[float] = []
    errors = 0
    for (membership, _session), socket in zip(members, sockets, strict=True):
        started = time.perf_counter()
        await remove(tenant=tenant, owner=owner, membership=membership)
        try:
            await asyncio.wait_for(socket.recv(), CLOSE_WAIT_S)
            errors += 1  # an event instead of the close
        except ConnectionClosed as closed:
            if closed.rcvd is not None and closed.rcvd.code == 4403:
                timings.append((time.perf_counter() - started) * 1000)
            else:
                errors += 1
        except TimeoutError:
            errors += 1
    for socket in sockets:
        await socket.close()
    return timings, errors


def run(*, size: int | None, quick: bool, log: Log) -> dict[str, Any]:
    count = size or (5 if quick else MEMBERS)
    call_command("migrate_schemas", interactive=False, verbosity=0)  # template up to date
    tenant = tenant_provision(name="Bench revocation", slug=f"bench-rev-{secrets.token_hex(3)}")
    try:
        owner, _owner_session = _member(tenant=tenant, n=0, role=Role.OWNER)
        members = [_member(tenant=tenant, n=n, role=Role.EDITOR) for n in range(1, count + 1)]
        port = processes.free_port()
        env = {**os.environ, "SITE_PORT": str(port), "LOG_LEVEL": "WARNING"}
        web = processes.daphne_server(port=port, env=env, stderr=subprocess.DEVNULL)
        try:
            timings, errors = asyncio.run(
                _removals(tenant=tenant, port=port, owner=owner, members=members)
            )
        finally:
            processes.processes_stop([web])
    finally:
        provisioning.schema_drop(schema_name=tenant.schema_name)
        User.objects.filter(email__startswith=f"bench-{tenant.slug}-").delete()
        tenant.delete()
    log("removal → close (ms): " + ", ".join(f"{t:.0f}" for t in timings))
    return {
        "members": count,
        "revocation_close_p50_ms": percentile(timings, pct=50),
        "revocation_close_p95_ms": percentile(timings, pct=95),
        "revocation_errors": errors,
    }
