from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async

from apps.accounts.selectors import membership_get
from apps.core.asgi_scope import scope_header
from apps.core.tenancy.channels import CLOSE_FORBIDDEN, TenantJsonWebsocketConsumer, tenant_group
from apps.tenants.models import Tenant
from apps.tenants.selectors import tenant_get_by_host


class AdminEventsConsumer(TenantJsonWebsocketConsumer):
    """Live events for a store's admin site (job progress, new conversations, ...).

    The tenant comes from the Host header; only members of that store may connect. Services
    publish to `tenant_group(tenant, "admin")` via `admin_event_send`."""

    async def resolve_tenant(self) -> Tenant | None:
        return await database_sync_to_async(tenant_get_by_host)(
            host=scope_header(self.scope, b"host") or ""
        )

    async def tenant_connect(self) -> None:
        user = self.scope.get("user")
        membership = await self.db(membership_get, user=user, tenant=self.tenant) if user else None
        if membership is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.group = tenant_group(self.tenant, "admin")
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def admin_event(self, message: dict[str, Any]) -> None:
        await self.send_json(message["event"])
