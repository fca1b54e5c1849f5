"""The Channels edge: consumers resolve their store at connect() and every database call runs
in that store's schema, even when consumers of different stores interleave on the shared sync
thread."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.db import connection, connections
from django.urls import path

from apps.accounts.consumers import AdminEventsConsumer
from apps.audit.models import AuditEvent
from apps.core.tenancy import tenant_context
from apps.core.tenancy.channels import TenantJsonWebsocketConsumer, tenant_group
from apps.tenants.models import Tenant
from apps.tenants.selectors import tenant_get_by_slug
from apps.tenants.services import tenant_suspend

# Consumers reach the database from Channels' sync thread, on its own connection: the data they
# read must be committed, so these tests use transactional_db (and clean up what they add).
pytestmark = pytest.mark.django_db(transaction=True)


class EchoSchemaConsumer(TenantJsonWebsocketConsumer):
    """Test consumer: the store comes from the URL; each message reads the store's data."""

    async def resolve_tenant(self) -> Any:
        return await database_sync_to_async(tenant_get_by_slug)(
            slug=self.scope["url_route"]["kwargs"]["slug"]
        )

    async def receive_json(self, content: dict[str, Any], **kwargs: Any) -> None:
        def read() -> dict[str, Any]:
            return {
                "schema": connection.schema_name,
                "actions": sorted(AuditEvent.objects.values_list("action", flat=True)),
            }

        await self.send_json(await self.db(read))


@pytest.fixture(autouse=True)
async def _close_sync_thread_connection():
    """Channels runs database calls on a shared sync thread; close its connection afterwards so
    the test database can be dropped at the end of the run."""
    yield
    await database_sync_to_async(connections.close_all)()


echo_app = URLRouter([path("ws/echo/<slug:slug>/", EchoSchemaConsumer.as_asgi())])


def _seed(tenant: Tenant, action: str) -> None:
    with tenant_context(tenant):
        AuditEvent.objects.create(action=action)


@pytest.fixture
def seeded(tenant_a: Tenant, tenant_b: Tenant):
    _seed(tenant_a, "only.in.a")
    _seed(tenant_b, "only.in.b")
    yield tenant_a, tenant_b
    for tenant in (tenant_a, tenant_b):
        with tenant_context(tenant):
            AuditEvent.objects.filter(action__startswith="only.in.").delete()


async def test_interleaved_consumers_each_see_only_their_store(seeded) -> None:
    tenant_a, tenant_b = seeded
    a = WebsocketCommunicator(echo_app, f"/ws/echo/{tenant_a.slug}/")
    b = WebsocketCommunicator(echo_app, f"/ws/echo/{tenant_b.slug}/")
    assert (await a.connect())[0] and (await b.connect())[0]
    for _ in range(5):  # alternate A, B, A, B... on the one shared sync thread
        await a.send_json_to({})
        await b.send_json_to({})
        reply_a, reply_b = await asyncio.gather(a.receive_json_from(), b.receive_json_from())
        assert reply_a == {"schema": tenant_a.schema_name, "actions": ["only.in.a"]}
        assert reply_b == {"schema": tenant_b.schema_name, "actions": ["only.in.b"]}
    await a.disconnect()
    await b.disconnect()


async def test_unknown_store_is_refused(db: None) -> None:
    communicator = WebsocketCommunicator(echo_app, "/ws/echo/no-such-store/")
    connected, code = await communicator.connect()
    assert not connected and code == 4404
    await communicator.disconnect()


def _admin_socket(tenant: Tenant, user: Any) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(
        AdminEventsConsumer.as_asgi(),
        "/ws/app/events/",
        headers=[
            (b"host", f"{tenant.slug}.localhost".encode()),
            (b"origin", f"http://{tenant.slug}.localhost".encode()),
        ],
    )
    communicator.scope["user"] = user
    return communicator


async def test_admin_events_reach_only_members_of_that_store(
    tenant_a: Tenant, tenant_b: Tenant, owner_a, owner_b
) -> None:
    user_a = await database_sync_to_async(lambda: owner_a.user)()
    user_b = await database_sync_to_async(lambda: owner_b.user)()
    socket_a, socket_b = _admin_socket(tenant_a, user_a), _admin_socket(tenant_b, user_b)
    assert (await socket_a.connect())[0] and (await socket_b.connect())[0]
    await get_channel_layer().group_send(
        tenant_group(tenant_a, "admin"), {"type": "admin.event", "event": {"kind": "ping"}}
    )
    assert await socket_a.receive_json_from(timeout=2) == {"kind": "ping"}
    assert await socket_b.receive_nothing(timeout=0.3)
    await socket_a.disconnect()
    await socket_b.disconnect()


async def test_admin_events_refuse_non_members_and_suspended_stores(
    tenant_a: Tenant, owner_b, owner_a
) -> None:
    # A refused consumer still runs until its socket is disconnected, as daphne would: each is
    # disconnected, so no consumer outlives the test and its database teardown.
    outsider = await database_sync_to_async(lambda: owner_b.user)()
    refused = _admin_socket(tenant_a, outsider)
    connected, code = await refused.connect()
    assert not connected and code == 4403
    await refused.disconnect()
    await database_sync_to_async(tenant_suspend)(tenant=tenant_a, reason="test")
    member = await database_sync_to_async(lambda: owner_a.user)()
    suspended = _admin_socket(tenant_a, member)
    connected, code = await suspended.connect()
    assert not connected and code == 4403
    await suspended.disconnect()
