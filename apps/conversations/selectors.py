"""Reads for the chat transports (replay after a reconnect, the live inbox, the JSON answer),
the merchants' inbox API and the onboarding checklist."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone

from apps.conversations.models import AssistantSettings, Conversation, Message
from apps.core.defaults import row_differs_from_defaults

INBOX_TEXT_CHARS = 140


def public_id_parse(value: Any) -> uuid.UUID | None:
    """A client-supplied conversation/message id, or None when it is not a UUID."""
    if not isinstance(value, str):
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def conversations_exist() -> bool:
    return Conversation.objects.exists()


def message_list_after(
    *, conversation: Conversation, seq: int = 0, limit: int | None = None
) -> list[Message]:
    """The conversation's messages after `seq` (what a resuming client missed; all of them
    from 0, as seqs start at 1), in order."""
    return list(conversation.messages.filter(seq__gt=seq).order_by("seq")[:limit])


def _feedback_count(value: str) -> Coalesce:
    counted = (
        Message.objects.filter(conversation=OuterRef("pk"), feedback=value)
        .order_by()
        .values("conversation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _text_of(messages: QuerySet[Message]) -> Substr:
    return Substr(Subquery(messages.values("content")[:1]), 1, INBOX_TEXT_CHARS)


def _inbox_rows() -> QuerySet[Conversation]:
    """Conversations with the inbox's per-row figures as correlated subqueries: with the list
    ordered by an indexed column and paginated, Postgres computes them for the page's rows
    only (a GROUP BY over the join would aggregate every conversation's messages first)."""
    of_row = Message.objects.filter(conversation=OuterRef("pk"))
    return Conversation.objects.annotate(
        preview=_text_of(of_row.filter(role=Message.Role.USER).order_by("seq")),
        last_message=_text_of(of_row.order_by("-seq")),
        feedback_up=_feedback_count(Message.Feedback.UP),
        feedback_down=_feedback_count(Message.Feedback.DOWN),
    )


def day_start(day: datetime.date) -> datetime.datetime:
    """Midnight opening `day` in the server's time zone: day bounds as times, so indexes on
    timestamp columns serve date ranges."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def conversation_list(
    *,
    status: str | None = None,
    channel: str | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    feedback: str | None = None,
) -> QuerySet[Conversation]:
    """The store's conversations for the inbox, most recently active first. `since`/`until`
    bound the last activity's date (both inclusive)."""
    rows = _inbox_rows().order_by("-last_activity_at", "-id")
    if status:
        rows = rows.filter(status=status)
    if channel:
        rows = rows.filter(channel=channel)
    if since:
        rows = rows.filter(last_activity_at__gte=day_start(since))
    if until:
        rows = rows.filter(last_activity_at__lt=day_start(until + datetime.timedelta(days=1)))
    if feedback:
        rated = Message.objects.filter(conversation=OuterRef("pk"), feedback=feedback)
        rows = rows.filter(Exists(rated))
    return rows


def conversation_get_for_inbox(*, public_id: uuid.UUID | str) -> Conversation | None:
    """One conversation with the inbox's figures, or None when the store has no such one."""
    return _inbox_rows().filter(public_id=public_id).first()


def assistant_settings_customised() -> bool:
    """Whether the merchant shaped the assistant (onboarding): any setting off its default."""
    return row_differs_from_defaults(AssistantSettings.objects.filter(pk=1).first())


def shopper_conversation_first_at() -> datetime.datetime | None:
    """When the first shopper wrote through the storefront widget (onboarding's "live")."""
    return (
        Message.objects.filter(
            conversation__channel=Conversation.Channel.WIDGET, role=Message.Role.USER
        )
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
