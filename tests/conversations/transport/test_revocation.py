"""Shopper sockets close when their widget key is revoked (4404) or their store is suspended
(4403), at the commit of the change; sockets of other keys and stores carry on."""

from __future__ import annotations

from typing import Any

from asgiref.sync import sync_to_async

from apps.accounts.roles import Role
from apps.core.tenancy import tenant_context
from apps.tenants.models import WidgetKey
from apps.tenants.services import tenant_activate, tenant_suspend, widget_key_create
from tests.accounts.factories import MembershipFactory
from tests.accounts.sockets import closed_with
from tests.conftest import client_for
from tests.conversations.transport.conftest import ORIGIN_B, widget_socket


async def _open(key: str, origin: str) -> Any:
    socket = widget_socket(key, origin)
    assert (await socket.connect())[0]
    await socket.send_json_to({"type": "ping"})
    assert await socket.receive_json_from(timeout=5) == {"type": "pong"}
    return socket


async def _alive(socket: Any) -> bool:
    await socket.send_json_to({"type": "ping"})
    return await socket.receive_json_from(timeout=5) == {"type": "pong"}


async def test_deleting_a_widget_key_closes_its_sockets_with_4404(stores) -> None:
    # given sockets on store A's key, on a second key of A, and on store B's key
    tenant_a, key_a, _tenant_b, key_b = stores

    def setup() -> tuple[int, str, Any]:
        with tenant_context(tenant_a):
            second = widget_key_create(tenant=tenant_a)
        owner = MembershipFactory(tenant=tenant_a, role=Role.OWNER)
        return WidgetKey.objects.get(key=key_a).pk, second.key, client_for(tenant_a, owner.user)

    key_a_id, second_key, owner_client = await sync_to_async(setup)()
    revoked = await _open(key_a, "https://shop-a.example")
    other_key = await _open(second_key, "https://shop-a.example")
    other_store = await _open(key_b, ORIGIN_B)

    # when the owner deletes store A's first key
    response = await sync_to_async(owner_client.delete)(f"/api/v1/widget/keys/{key_a_id}/")

    # then its socket closes with 4404 and the others still answer
    assert response.status_code == 204
    assert await closed_with(revoked) == (4404, "key_revoked")
    assert await _alive(other_key)
    assert await _alive(other_store)
    for socket in (revoked, other_key, other_store):
        await socket.disconnect()


async def test_suspending_a_store_closes_its_shopper_sockets(stores) -> None:
    tenant_a, key_a, _tenant_b, key_b = stores
    socket_a = await _open(key_a, "https://shop-a.example")
    socket_b = await _open(key_b, ORIGIN_B)

    await sync_to_async(tenant_suspend)(tenant=tenant_a, reason="test")

    assert await closed_with(socket_a) == (4403, "store_suspended")
    assert await _alive(socket_b)
    await socket_a.disconnect()
    await socket_b.disconnect()
    await sync_to_async(tenant_activate)(tenant=tenant_a)
