"""Reads for the chat transports (replay after a reconnect, the live inbox, the JSON answer)."""

from __future__ import annotations

import uuid
from typing import Any

from apps.conversations.models import Conversation, Message


def public_id_parse(value: Any) -> uuid.UUID | None:
    """A client-supplied conversation/message id, or None when it is not a UUID."""
    if not isinstance(value, str):
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def message_get_by_public_id(*, public_id: uuid.UUID | str) -> Message | None:
    return Message.objects.filter(public_id=public_id).first()


def message_last_from_shopper(*, conversation: Conversation) -> Message | None:
    """The conversation's latest user message: the question of the turn being answered (a
    session has one turn at a time)."""
    return conversation.messages.filter(role=Message.Role.USER).order_by("-seq").first()


def message_list_after(
    *, conversation: Conversation, seq: int, limit: int | None = None
) -> list[Message]:
    """The conversation's messages after `seq` (what a resuming client missed), in order."""
    return list(conversation.messages.filter(seq__gt=seq).order_by("seq")[:limit])
