"""Conversations and their messages: start, find, append."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from apps.conversations.models import Conversation, Message


def conversation_start(*, channel: str, session_id: str, locale: str = "") -> Conversation:
    return Conversation.objects.create(
        channel=channel, session_id=session_id[:64], locale=locale[:16]
    )


def conversation_get(*, public_id: str, session_id: str | None = None) -> Conversation | None:
    """The conversation with this id; when `session_id` is given, only if it belongs to that
    shopper session (a shopper can never open another session's conversation)."""
    found = Conversation.objects.filter(public_id=public_id)
    if session_id is not None:
        found = found.filter(session_id=session_id)
    return found.first()


@transaction.atomic
def messages_append(
    *, conversation: Conversation, messages: list[dict[str, object]]
) -> list[Message]:
    """Add messages with the next `seq`s, in order (a turn appends the shopper's question and
    the assistant's streaming answer together). The conversation row is locked, so concurrent
    appends (a shopper's message while an agent replies) cannot take the same seq."""
    locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
    created = Message.objects.bulk_create(
        Message(conversation=locked, seq=locked.message_count + offset, **fields)
        for offset, fields in enumerate(messages, start=1)
    )
    Conversation.objects.filter(pk=locked.pk).update(
        message_count=F("message_count") + len(created), last_activity_at=timezone.now()
    )
    conversation.message_count = locked.message_count + len(created)
    return created
