"""The merchants' live inbox: every new shopper message and every finished answer is published
to the store's admin group (`tenant_group(tenant, "admin")`), which the admin site already
listens to on `/ws/app/events/` (AdminEventsConsumer, members only). Event:
`{"type": "conversation.message", "conversation_id", "channel", "message": <message record>}`.
"""

from __future__ import annotations

from typing import Any

from apps.core.events import admin_event_publish


async def inbox_publish(
    *, tenant: Any, conversation_id: str, channel: str, message: dict[str, Any]
) -> None:
    event = {
        "type": "conversation.message",
        "conversation_id": conversation_id,
        "channel": channel,
        "message": message,
    }
    await admin_event_publish(tenant=tenant, event=event)
