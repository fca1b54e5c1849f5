"""The store's team working its inbox: resolving and reopening conversations, replying to a
shopper who was handed to them. Every change reaches the shopper's open widget and the store's
admins after commit (`live.py`)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy

from apps.conversations.models import Conversation, Message
from apps.conversations.services.conversations import messages_append
from apps.conversations.transport.live import agent_message_send, conversation_status_send
from apps.tenants.models import Tenant


class NotHandedOff(Exception):
    """Replies go only to conversations handed to the team."""

    code = "not_handed_off"
    # Lazy: translated in the request's language, not the one active at import.
    detail = gettext_lazy("Only conversations handed off to the team can be replied to.")


def _status_set(*, tenant: Tenant, conversation: Conversation, status: str) -> Conversation:
    changed = (
        Conversation.objects.filter(pk=conversation.pk).exclude(status=status).update(status=status)
    )
    conversation.status = status
    if changed:
        conversation_status_send(tenant=tenant, conversation=conversation)
    return conversation


@transaction.atomic
def conversation_resolve(*, tenant: Tenant, conversation: Conversation) -> Conversation:
    return _status_set(
        tenant=tenant, conversation=conversation, status=Conversation.Status.RESOLVED
    )


@transaction.atomic
def conversation_reopen(*, tenant: Tenant, conversation: Conversation) -> Conversation:
    return _status_set(tenant=tenant, conversation=conversation, status=Conversation.Status.OPEN)


def author_display_name(user: Any) -> str:
    return str(user.name or user.email.split("@")[0])[:150]


@transaction.atomic
def agent_reply_post(
    *, tenant: Tenant, conversation: Conversation, author: Any, text: str
) -> Message:
    """A team member's reply (role `agent`), stored with the author's display name and pushed
    to the shopper's widget and the admins on commit. Raises NotHandedOff unless the
    conversation is handed off (under a row lock: a concurrent resolve waits for the reply)."""
    status = Conversation.objects.select_for_update().values_list("status", flat=True)
    if status.get(pk=conversation.pk) != Conversation.Status.HANDED_OFF:
        raise NotHandedOff
    [message] = messages_append(
        conversation=conversation,
        messages=[
            {
                "role": Message.Role.AGENT,
                "content": text,
                "author_name": author_display_name(author),
            }
        ],
    )
    agent_message_send(tenant=tenant, conversation=conversation, message=message)
    return message
