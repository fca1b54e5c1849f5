"""Reads about how a store's shoppers use the assistant: the analytics page's figures and the
onboarding checklist's facts. Every figure is a SQL aggregate (GROUP BY in PostgreSQL), so the
cost of a report grows with the number of days and groups shown, not with the messages counted.

Shopper traffic is the widget and API channels; the playground is the team trying things out
and is left out everywhere."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Count,
    F,
    Func,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Lower, Trim, TruncDate
from django.utils import timezone

from apps.conversations.models import Conversation, Message
from apps.conversations.pipeline.config import PASSAGE_MIN_SIMILARITY
from apps.conversations.selectors import day_start

SHOPPER_CHANNELS = (Conversation.Channel.WIDGET, Conversation.Channel.API)
PERIODS = (7, 30, 90)
TOP_LIMIT = 10
# An answer whose closest passage or product is below this reads as "no good source" (the
# grounded responder's own bar for quoting a passage).
GAP_SIMILARITY = PASSAGE_MIN_SIMILARITY


@dataclass(frozen=True)
class Day:
    date: datetime.date
    conversations: int
    messages: int
    questions: int
    feedback_up: int
    feedback_down: int


@dataclass(frozen=True)
class QuestionGroup:
    text: str
    count: int
    last_asked_at: datetime.datetime
    best_similarity: float | None = None


@dataclass(frozen=True)
class Report:
    days: int
    since: datetime.date
    until: datetime.date
    daily: list[Day]
    conversations: int
    handed_off: int
    top_questions: list[QuestionGroup]
    knowledge_gaps: list[QuestionGroup]

    def total(self, name: str) -> int:
        return sum(getattr(day, name) for day in self.daily)

    @property
    def answered_without_handoff_share(self) -> float | None:
        if not self.conversations:
            return None
        return round((self.conversations - self.handed_off) / self.conversations, 4)

    @property
    def feedback_positive_share(self) -> float | None:
        up, down = self.total("feedback_up"), self.total("feedback_down")
        return round(up / (up + down), 4) if up + down else None


def _regexp_replace(expression: Any, pattern: str, replacement: str) -> Func:
    return Func(
        expression,
        Value(pattern),
        Value(replacement),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


def _normalised(expression: Any) -> Func:
    """Lower case, punctuation removed, runs of spaces made one, trimmed: "Do you ship to
    Austria?" and "do you ship to austria" are one question."""
    no_punctuation = _regexp_replace(expression, r"[[:punct:]]+", "")
    return Trim(Lower(_regexp_replace(no_punctuation, r"\s+", " ")))


def _groups(rows: QuerySet[Message], *, text: Any) -> list[QuestionGroup]:
    grouped = (
        rows.annotate(text=_normalised(text))
        .exclude(text="")
        .values("text")
        .annotate(count=Count("id"), last_asked_at=Max("created_at"), best=Max("best_similarity"))
        .order_by("-count", "-last_asked_at")[:TOP_LIMIT]
    )
    return [
        QuestionGroup(
            text=row["text"],
            count=row["count"],
            last_asked_at=row["last_asked_at"],
            best_similarity=None if row["best"] is None else round(row["best"], 3),
        )
        for row in grouped
    ]


def _daily(*, since: datetime.datetime, days: list[datetime.date]) -> list[Day]:
    conversations = dict(
        Conversation.objects.filter(channel__in=SHOPPER_CHANNELS, started_at__gte=since)
        .annotate(day=TruncDate("started_at"))
        .values("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    messages = {
        row["day"]: row
        for row in Message.objects.filter(
            conversation__channel__in=SHOPPER_CHANNELS, created_at__gte=since
        )
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(
            messages=Count("id"),
            questions=Count("id", filter=Q(role=Message.Role.USER)),
            up=Count("id", filter=Q(feedback=Message.Feedback.UP)),
            down=Count("id", filter=Q(feedback=Message.Feedback.DOWN)),
        )
    }
    result = []
    for day in days:
        row = messages.get(day, {})
        result.append(
            Day(
                date=day,
                conversations=conversations.get(day, 0),
                messages=row.get("messages", 0),
                questions=row.get("questions", 0),
                feedback_up=row.get("up", 0),
                feedback_down=row.get("down", 0),
            )
        )
    return result


def _handoff_counts(*, since: datetime.datetime) -> tuple[int, int]:
    """Conversations started since `since` that a shopper wrote in, and how many of them went to
    the team (`handed_off_at` stays set after the team resolves them)."""
    totals = Conversation.objects.filter(
        channel__in=SHOPPER_CHANNELS, started_at__gte=since, message_count__gt=0
    ).aggregate(total=Count("id"), handed_off=Count("id", filter=Q(handed_off_at__isnull=False)))
    return totals["total"], totals["handed_off"]


def analytics_report(*, days: int, now: datetime.datetime | None = None) -> Report:
    """The last `days` days, today included (dates in the server's time zone). Five queries."""
    today = timezone.localdate(now or timezone.now())
    first = today - datetime.timedelta(days=days - 1)
    since = day_start(first)
    dates = [first + datetime.timedelta(days=n) for n in range(days)]
    conversations, handed_off = _handoff_counts(since=since)
    shopper_messages = Message.objects.filter(
        conversation__channel__in=SHOPPER_CHANNELS, created_at__gte=since
    )
    question = (
        Message.objects.filter(
            conversation=OuterRef("conversation"), seq__lt=OuterRef("seq"), role=Message.Role.USER
        )
        .order_by("-seq")
        .values("content")[:1]
    )
    gaps = shopper_messages.filter(role=Message.Role.ASSISTANT).filter(
        Q(unanswered=True) | Q(best_similarity__lt=GAP_SIMILARITY, tool_calls=[])
    )
    return Report(
        days=days,
        since=first,
        until=today,
        daily=_daily(since=since, days=dates),
        conversations=conversations,
        handed_off=handed_off,
        top_questions=_groups(shopper_messages.filter(role=Message.Role.USER), text=F("content")),
        knowledge_gaps=_groups(gaps, text=Subquery(question)),
    )
