"""The merchants' live inbox: every new shopper message and every finished answer is published
to the store's admin group (`tenant_group(tenant, "admin")`), which the admin site already
listens to on `/ws/app/events/` (AdminEventsConsumer, members only). Events:
`{"type": "conversation.message", "conversation_id", "channel", "message": <message record>}`
and, when the team resolves or reopens one, `{"type": "conversation.updated", "conversation_id",
"status"}`.
"""

from __future__ import annotations

from typing import Any

from apps.core.events import admin_event_publish
from apps.tenants.models import Tenant


async def inbox_publish(
    *, tenant: Tenant, conversation_id: str, channel: str, message: dict[str, Any]
) -> None:
    event = {
        "type": "conversation.message",
        "conversation_id": conversation_id,
        "channel": channel,
        "message": message,
    }
    await admin_event_publish(tenant=tenant, event=event)


async def inbox_status_publish(*, tenant: Tenant, conversation_id: str, status: str) -> None:
    event = {"type": "conversation.updated", "conversation_id": conversation_id, "status": status}
    await admin_event_publish(tenant=tenant, event=event)
