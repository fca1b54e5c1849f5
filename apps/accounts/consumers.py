from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async

from apps.accounts.selectors import membership_get
from apps.core.asgi_scope import scope_header, scope_server_origin
from apps.core.tenancy.channels import CLOSE_FORBIDDEN, TenantJsonWebsocketConsumer, tenant_group
from apps.core.tenancy.revocation import (
    member_sockets_group,
    store_sockets_group,
    user_sockets_group,
)
from apps.tenants.models import Tenant
from apps.tenants.selectors import tenant_get_by_host, tenant_origin_own


class AdminEventsConsumer(TenantJsonWebsocketConsumer):
    """Live events for a store's admin site (job progress, new conversations, ...).

    The tenant comes from the Host header; only members of that store may connect, from a page
    on one of the store's own hosts. Every event is one that any role may read over HTTP
    (conversations, knowledge sources), so every role gets the socket and a role change keeps
    it open; removal, suspension and signing out close it. Services publish to
    `tenant_group(tenant, "admin")` via `admin_event_send`."""

    group: str | None = None

    async def resolve_tenant(self) -> Tenant | None:
        return await database_sync_to_async(tenant_get_by_host)(
            host=scope_header(self.scope, b"host") or ""
        )

    async def tenant_connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        own_origin = await self.db(
            tenant_origin_own,
            tenant=self.tenant,
            origin=scope_header(self.scope, b"origin"),
            server_origin=scope_server_origin(self.scope),
        )
        if not own_origin:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        await self.access_follow(
            store_sockets_group(self.tenant),
            member_sockets_group(self.tenant, user_id=user.pk),
            user_sockets_group(user_id=user.pk),
        )
        if not await self.access_recheck():
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.group = tenant_group(self.tenant, "admin")
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def access_recheck(self) -> bool:
        membership = await self.db(membership_get, user=self.scope["user"], tenant=self.tenant)
        return membership is not None and membership.user.is_active

    async def disconnect(self, code: int) -> None:
        await super().disconnect(code)
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def admin_event(self, message: dict[str, Any]) -> None:
        await self.send_json(message["event"])
