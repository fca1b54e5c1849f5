"""Conversations and their messages: start, find, append."""

from __future__ import annotations

from django.db import connection, transaction
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
    the assistant's streaming answer together). Counting them in first takes the conversation's
    row lock until commit, so concurrent appends (a shopper's message while an agent replies)
    cannot take the same seq; the UPDATE returns the new count, which saves reading the row
    (every chat turn appends)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE conversations_conversation"
            " SET message_count = message_count + %s, last_activity_at = %s"
            " WHERE id = %s RETURNING message_count",
            [len(messages), timezone.now(), conversation.pk],
        )
        row = cursor.fetchone()
    if row is None:
        raise Conversation.DoesNotExist(conversation.pk)
    (count,) = row
    first = count - len(messages) + 1
    created = Message.objects.bulk_create(
        Message(conversation=conversation, seq=first + offset, **fields)
        for offset, fields in enumerate(messages)
    )
    conversation.message_count = count
    return created
