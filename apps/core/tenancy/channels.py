"""Channels consumers that belong to one tenant.

Consumers share Channels' sync worker thread, and with it one database connection, so a schema
set by one consumer would leak into the next. `TenantJsonWebsocketConsumer` therefore resolves
its tenant once in `connect()` and runs every database call through `self.db(...)`, which
wraps the body in `tenant_context` on that thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from apps.core.tenancy import tenant_context

if TYPE_CHECKING:
    from apps.tenants.models import Tenant

T = TypeVar("T")

# WebSocket close codes in the private 4000-4999 range, mirroring HTTP statuses.
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404

# The channel-layer message type that takes access away (apps.core.tenancy.revocation).
ACCESS_REVOKED = "access.revoked"


def tenant_group(tenant: Tenant, name: str) -> str:
    """Channel-layer group names always carry the tenant."""
    return f"t.{tenant.schema_name}.{name}"


def _run_in_tenant(
    tenant: Tenant, fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> T:
    with tenant_context(tenant):
        return fn(*args, **kwargs)


async def tenant_db(tenant: Tenant, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Run database work from async code in `tenant`'s schema (Channels' shared sync thread)."""
    return await database_sync_to_async(_run_in_tenant)(tenant, fn, args, kwargs)


class TenantJsonWebsocketConsumer(AsyncJsonWebsocketConsumer):
    """Subclasses implement `resolve_tenant()` and `tenant_connect()`, which joins the groups
    through which access is revoked (`access_follow`) and may re-check it (`access_recheck`)."""

    tenant: Tenant  # set by connect() once resolved
    access_groups: tuple[str, ...] = ()

    async def resolve_tenant(self) -> Tenant | None:
        raise NotImplementedError

    async def tenant_connect(self) -> None:
        await self.accept()

    async def refuse(self, code: int, reason: str) -> None:
        """Turn the connection away (before accepting it: the client sees a failed handshake)."""
        await self.close(code=code)

    async def connect(self) -> None:
        tenant = await self.resolve_tenant()
        if tenant is None:
            await self.refuse(CLOSE_NOT_FOUND, "not_found")
            return
        if not tenant.is_active:
            await self.refuse(CLOSE_FORBIDDEN, "store_suspended")
            return
        self.tenant = tenant
        await self.tenant_connect()

    async def access_follow(self, *groups: str) -> None:
        """Join the groups that revoke this socket's access (apps.core.tenancy.revocation).
        Join before checking access: a revocation committed after the check then still reaches
        the socket."""
        self.access_groups = groups
        for group in groups:
            await self.channel_layer.group_add(group, self.channel_name)

    async def access_recheck(self) -> bool:
        """Whether the socket's principal still has access (asked after a role change)."""
        return False

    async def access_revoked(self, message: dict[str, Any]) -> None:
        if message["recheck"] and await self.access_recheck():
            return
        await self.close(code=message["code"], reason=message["reason"])

    async def disconnect(self, code: int) -> None:
        for group in self.access_groups:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def db(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        return await tenant_db(self.tenant, fn, *args, **kwargs)
