"""Access taken away reaches open admin sockets at once: removing a member, changing a role,
suspending a store and signing out close (or re-authorise) the sockets of that principal only,
over the real ASGI application, channel layer (Redis) and database."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connections
from django.test import Client

from apps.accounts.models import User
from apps.accounts.roles import Role
from apps.core.tenancy.channels import tenant_group
from apps.tenants.models import Tenant
from apps.tenants.services import tenant_suspend
from tests.accounts.factories import MembershipFactory
from tests.accounts.sockets import admin_socket, closed_with
from tests.conftest import client_for, host_of

# Consumers read from Channels' own thread and connection: the data must be committed.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
async def _close_sync_thread_connection() -> Any:
    yield
    await sync_to_async(connections.close_all)()


async def _member(tenant: Tenant, role: str = Role.EDITOR) -> tuple[Any, Client]:
    def create() -> tuple[Any, Client]:
        membership = MembershipFactory(tenant=tenant, role=role)
        return membership, client_for(tenant, membership.user)

    return await sync_to_async(create)()


async def _connected(tenant: Tenant, client: Client) -> Any:
    socket = admin_socket(tenant, client)
    connected, code = await socket.connect()
    assert connected, code
    return socket


async def _event_reaches(socket: Any, tenant: Tenant) -> bool:
    await get_channel_layer().group_send(  # type: ignore[union-attr]
        tenant_group(tenant, "admin"), {"type": "admin.event", "event": {"kind": "ping"}}
    )
    return await socket.receive_json_from(timeout=3) == {"kind": "ping"}


async def test_a_removed_member_socket_closes_and_no_one_else_is_affected(
    tenant_a: Tenant, tenant_b: Tenant
) -> None:
    # given an owner, an editor about to be removed, another editor, and a member of store B,
    # each with the events socket open
    _owner, owner_client = await _member(tenant_a, Role.OWNER)
    removed, removed_client = await _member(tenant_a)
    _staying, staying_client = await _member(tenant_a)
    _other, other_client = await _member(tenant_b)
    removed_socket = await _connected(tenant_a, removed_client)
    staying_socket = await _connected(tenant_a, staying_client)
    other_socket = await _connected(tenant_b, other_client)

    # when the owner removes the editor
    response = await sync_to_async(owner_client.delete)(f"/api/v1/members/{removed.pk}/")

    # then only the removed member's socket closes, and the others still get events
    assert response.status_code == 204
    assert await closed_with(removed_socket) == (4403, "member_removed")
    assert await _event_reaches(staying_socket, tenant_a)
    assert await _event_reaches(other_socket, tenant_b)
    for socket in (removed_socket, staying_socket, other_socket):
        await socket.disconnect()


async def test_a_role_change_keeps_the_socket_every_role_reads_events(tenant_a: Tenant) -> None:
    # given an admin with the socket open
    _owner, owner_client = await _member(tenant_a, Role.OWNER)
    admin, admin_client = await _member(tenant_a, Role.ADMIN)
    socket = await _connected(tenant_a, admin_client)

    # when the owner makes them a viewer
    response = await sync_to_async(owner_client.patch)(
        f"/api/v1/members/{admin.pk}/", {"role": Role.VIEWER}, content_type="application/json"
    )

    # then the socket re-checks, stays open and still carries events (all readable by viewers)
    assert response.status_code == 200
    assert await socket.receive_nothing(timeout=0.5)
    assert await _event_reaches(socket, tenant_a)
    await socket.disconnect()


async def test_suspending_a_store_closes_its_sockets_only(
    tenant_a: Tenant, tenant_b: Tenant
) -> None:
    # given members of stores A and B with their sockets open
    _a, client_a = await _member(tenant_a)
    _b, client_b = await _member(tenant_b)
    socket_a, socket_b = await _connected(tenant_a, client_a), await _connected(tenant_b, client_b)

    # when store A is suspended
    await sync_to_async(tenant_suspend)(tenant=tenant_a, reason="test")

    # then A's socket closes and B's carries on
    assert await closed_with(socket_a) == (4403, "store_suspended")
    assert await _event_reaches(socket_b, tenant_b)
    await socket_a.disconnect()
    await socket_b.disconnect()


async def test_signing_out_on_the_root_domain_signs_out_every_host_and_socket(
    tenant_a: Tenant, tenant_b: Tenant
) -> None:
    # given a user signed in on the root domain and on two store hosts (separate cookies, as in
    # development and on custom domains), with sockets open, and a colleague signed in too
    def sign_in() -> tuple[Any, Client, Client, Client, Any, Client]:
        membership = MembershipFactory(tenant=tenant_a, role=Role.ADMIN)
        MembershipFactory(tenant=tenant_b, user=membership.user, role=Role.VIEWER)
        colleague = MembershipFactory(tenant=tenant_a, role=Role.EDITOR)
        root = Client(HTTP_HOST=host_of(None))
        root.force_login(membership.user)
        return (
            membership.user,
            root,
            client_for(tenant_a, membership.user),
            client_for(tenant_b, membership.user),
            colleague,
            client_for(tenant_a, colleague.user),
        )

    user, root, on_a, on_b, _colleague, colleague_client = await sync_to_async(sign_in)()
    socket_a, socket_b = await _connected(tenant_a, on_a), await _connected(tenant_b, on_b)
    colleague_socket = await _connected(tenant_a, colleague_client)

    # when the user signs out on the root domain
    response = await sync_to_async(root.post)("/accounts/logout/")

    # then both store hosts are signed out and both sockets closed; the colleague is untouched
    assert response.status_code == 302
    assert await closed_with(socket_a) == (4403, "signed_out")
    assert await closed_with(socket_b) == (4403, "signed_out")
    assert (await sync_to_async(on_a.get)("/api/v1/me/")).status_code == 401
    assert (await sync_to_async(on_b.get)("/api/v1/me/")).status_code == 401
    assert (await sync_to_async(colleague_client.get)("/api/v1/me/")).status_code == 200
    assert await _event_reaches(colleague_socket, tenant_a)
    refused = admin_socket(tenant_a, on_a)
    assert (await refused.connect())[1] == 4403
    for socket in (socket_a, socket_b, colleague_socket, refused):
        await socket.disconnect()
    # and signing in again works
    await sync_to_async(lambda: on_a.force_login(User.objects.get(pk=user.pk)))()
    assert (await sync_to_async(on_a.get)("/api/v1/me/")).status_code == 200


@pytest.mark.parametrize(
    ("origin", "accepted"),
    [
        ("own", True),
        ("http://store-b.localhost", False),  # another store's host
        ("http://store-a.localhost:9999", False),  # the store's host, another port
        ("https://shop-a.example", False),  # a storefront
        (None, False),
    ],
)
async def test_the_events_socket_accepts_only_the_stores_own_hosts(
    tenant_a: Tenant, origin: str | None, accepted: bool
) -> None:
    _member_a, client = await _member(tenant_a)
    socket = admin_socket(tenant_a, client, origin=origin)
    connected, code = await socket.connect()
    assert connected is accepted, code
    if not accepted:
        assert code == 4403
    await socket.disconnect()


async def test_a_member_of_another_store_gets_no_socket(tenant_a: Tenant, tenant_b: Tenant) -> None:
    _b, client_b = await _member(tenant_b)
    socket = admin_socket(tenant_a, client_b)
    assert await socket.connect() == (False, 4403)
    await socket.disconnect()


def test_sessions_from_before_the_epoch_keep_their_hash() -> None:
    user = User(email="x@example.com", password="hashed")
    assert user.get_session_auth_hash() == AbstractBaseUser.get_session_auth_hash(user)
    user.session_epoch = 1
    assert user.get_session_auth_hash() != AbstractBaseUser.get_session_auth_hash(user)
