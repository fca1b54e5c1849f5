"""Handing a conversation to the store's team."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from apps.conversations.models import Conversation
from apps.conversations.transport.live import conversation_status_send
from apps.core.events import admin_event_send
from apps.tenants.models import Tenant


@transaction.atomic
def conversation_hand_off(*, tenant: Tenant, conversation: Conversation, reason: str = "") -> bool:
    """Mark the conversation `handed_off` and tell the store's inbox and the shopper's open
    widget (after commit). False when it already was: the team is notified once per handoff."""
    now = timezone.now()
    changed = (
        Conversation.objects.filter(pk=conversation.pk)
        .exclude(status=Conversation.Status.HANDED_OFF)
        .update(status=Conversation.Status.HANDED_OFF, handed_off_at=now)
    )
    conversation.status = Conversation.Status.HANDED_OFF
    if changed:
        conversation.handed_off_at = now
    if changed:
        admin_event_send(
            tenant=tenant,
            event={
                "type": "conversation.handoff",
                "conversation": str(conversation.public_id),
                "reason": reason[:500],
            },
        )
        conversation_status_send(tenant=tenant, conversation=conversation)
    return bool(changed)
