"""Publishing live events to a store's admin site (see AdminEventsConsumer)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from apps.core.tenancy.channels import tenant_group

if TYPE_CHECKING:
    from apps.tenants.models import Tenant


async def admin_event_publish(*, tenant: Tenant, event: dict[str, Any]) -> None:
    """Broadcast `event` to the store's connected admins now (async callers whose data is
    already committed, such as the chat consumer)."""
    await get_channel_layer().group_send(  # type: ignore[union-attr]
        tenant_group(tenant, "admin"), {"type": "admin.event", "event": event}
    )


def admin_event_send(*, tenant: Tenant, event: dict[str, Any]) -> None:
    """Broadcast `event` to the store's connected admins once the current transaction commits."""
    transaction.on_commit(lambda: async_to_sync(admin_event_publish)(tenant=tenant, event=event))
