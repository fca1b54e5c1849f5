"""Live pushes to the people in a conversation: the shopper's open widget sockets (a
per-conversation channel-layer group the widget consumer joins after `hello`) and the store's
admins (`inbox.inbox_publish`, `/ws/app/events/`). Writes schedule them on commit."""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from apps.conversations.models import Conversation, Message
from apps.conversations.transport.inbox import inbox_publish, inbox_status_publish
from apps.conversations.transport.wire import conversation_frame, message_frame, message_record
from apps.core.tenancy.channels import tenant_group
from apps.tenants.models import Tenant


def conversation_group(tenant: Tenant, public_id: Any) -> str:
    return tenant_group(tenant, f"conversation.{public_id}")


async def shopper_publish(*, tenant: Tenant, public_id: Any, frame: dict[str, Any]) -> None:
    """Send `frame` as is to every widget socket open on the conversation."""
    await get_channel_layer().group_send(  # type: ignore[union-attr]
        conversation_group(tenant, public_id), {"type": "shopper.frame", "frame": frame}
    )


async def _status_publish(*, tenant: Tenant, conversation: Conversation) -> None:
    await shopper_publish(
        tenant=tenant, public_id=conversation.public_id, frame=conversation_frame(conversation)
    )
    await inbox_status_publish(
        tenant=tenant, conversation_id=str(conversation.public_id), status=conversation.status
    )


def conversation_status_send(*, tenant: Tenant, conversation: Conversation) -> None:
    """After commit: the conversation's new status to its shopper (`conversation` frame) and
    to the store's admins (`conversation.updated`)."""
    transaction.on_commit(
        lambda: async_to_sync(_status_publish)(tenant=tenant, conversation=conversation)
    )


async def _agent_message_publish(
    *, tenant: Tenant, conversation: Conversation, message: Message
) -> None:
    await shopper_publish(
        tenant=tenant, public_id=conversation.public_id, frame=message_frame(message)
    )
    await inbox_publish(
        tenant=tenant,
        conversation_id=str(conversation.public_id),
        channel=conversation.channel,
        message=message_record(message),
    )


def agent_message_send(*, tenant: Tenant, conversation: Conversation, message: Message) -> None:
    """After commit: a team member's reply to the shopper's sockets and the admins' inbox."""
    transaction.on_commit(
        lambda: async_to_sync(_agent_message_publish)(
            tenant=tenant, conversation=conversation, message=message
        )
    )
