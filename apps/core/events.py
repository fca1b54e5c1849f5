"""Publishing live events to a store's admin site (see AdminEventsConsumer)."""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from apps.core.tenancy.channels import tenant_group


def admin_event_send(*, tenant: Any, event: dict[str, Any]) -> None:
    """Broadcast `event` to the store's connected admins once the current transaction commits."""
    layer = get_channel_layer()
    group = tenant_group(tenant, "admin")

    def _send() -> None:
        async_to_sync(layer.group_send)(group, {"type": "admin.event", "event": event})

    transaction.on_commit(_send)
