"""Revocation over real sockets: a real daphne (the one `make dev` runs), a WebSocket client on
TCP, and the removing request sent over HTTP. The in-process tests (test_socket_revocation.py,
tests/conversations/transport/test_revocation.py) cover each case; these show the whole path
from a committed change to a closed TCP socket works outside the test harness."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import connections
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Origin

from apps.accounts.roles import Role
from apps.core import processes
from apps.core.tenancy import tenant_context
from apps.tenants.models import Tenant
from apps.tenants.services import widget_key_create
from apps.widget.services import widget_settings_update
from tests.accounts.factories import MembershipFactory
from tests.conftest import child_env, client_for, host_of

pytestmark = pytest.mark.django_db(transaction=True)
STOREFRONT = "https://shop.live.example"


@pytest.fixture(autouse=True)
async def _close_sync_thread_connection() -> Any:
    yield
    await sync_to_async(connections.close_all)()


@pytest.fixture
def port(tenant_a: Tenant) -> Iterator[int]:
    port = processes.free_port()
    server = processes.daphne_server(port=port, env=child_env(SITE_PORT=str(port)))
    yield port
    processes.processes_stop([server], timeout=15)


async def _open(port: int, path: str, *, host: str, origin: str, cookie: str = "") -> Any:
    return await connect(
        f"ws://{host}:{port}{path}",
        origin=Origin(origin),
        additional_headers={"Cookie": cookie} if cookie else {},
        host="127.0.0.1",  # the TCP destination; the Host header stays the store's
        port=port,
        open_timeout=30,
        ping_interval=None,
    )


async def _close_code(socket: ClientConnection) -> int | None:
    """The code the server closes with, waiting at most a second (the revocation target)."""
    try:
        async with asyncio.timeout(1.0):
            while True:
                await socket.recv()
    except ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd else None
    except TimeoutError:
        return None


async def test_removing_a_member_over_http_closes_their_open_socket(
    tenant_a: Tenant, port: int
) -> None:
    # given an owner and an editor whose admin page holds the events socket open
    def members() -> tuple[Any, Any, str]:
        owner = MembershipFactory(tenant=tenant_a, role=Role.OWNER)
        editor = MembershipFactory(tenant=tenant_a, role=Role.EDITOR)
        editor_client = client_for(tenant_a, editor.user)
        return owner, editor, editor_client.cookies[settings.SESSION_COOKIE_NAME].value

    owner, editor, session = await sync_to_async(members)()
    host = host_of(tenant_a)
    socket = await _open(
        port,
        "/ws/app/events/",
        host=host,
        origin=f"http://{host}:{port}",
        cookie=f"{settings.SESSION_COOKIE_NAME}={session}",
    )

    # when the owner removes the editor
    def remove() -> int:
        response = client_for(tenant_a, owner.user).delete(f"/api/v1/members/{editor.pk}/")
        return response.status_code

    assert await sync_to_async(remove)() == 204
    # then the editor's socket is closed within a second
    assert await _close_code(socket) == 4403


async def test_revoking_a_widget_key_closes_the_shopper_sockets_opened_with_it(
    tenant_a: Tenant, port: int
) -> None:
    # given a shopper's socket opened with a widget key from an allowed storefront
    def key() -> tuple[Any, Any]:
        owner = MembershipFactory(tenant=tenant_a, role=Role.OWNER)
        with tenant_context(tenant_a):
            widget_settings_update(allowed_origins=[STOREFRONT])
            return widget_key_create(tenant=tenant_a), owner

    key_row, owner = await sync_to_async(key)()
    widget_key = key_row.key
    socket = await _open(
        port, f"/ws/widget/{widget_key}/", host=host_of(tenant_a), origin=STOREFRONT
    )

    # when the owner revokes the key in the admin site
    def revoke() -> int:
        client = client_for(tenant_a, owner.user)
        return client.delete(f"/api/v1/widget/keys/{key_row.pk}/").status_code

    assert await sync_to_async(revoke)() in (200, 204)
    # then the shopper's socket closes with 4404
    assert await _close_code(socket) == 4404
