"""Analytics: per-day figures, handoff and feedback shares, top questions and knowledge gaps,
from SQL aggregates in a fixed number of queries; another store's conversations never count."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import connection
from django.utils import timezone

from apps.accounts.roles import Role
from apps.conversations.analytics import analytics_report
from apps.conversations.models import Conversation, Message
from apps.conversations.services.conversations import conversation_start, messages_append
from apps.conversations.services.handoff import conversation_hand_off
from apps.conversations.services.inbox import conversation_resolve
from apps.core.tenancy import tenant_context
from apps.tenants.models import Tenant
from tests.accounts.factories import MembershipFactory
from tests.conftest import client_for

URL = "/api/v1/analytics/"


def chat(
    *,
    days_ago: int,
    question: str,
    answer: dict[str, Any],
    channel: str = "widget",
    handed_off: bool = False,
) -> Conversation:
    """One shopper turn, dated `days_ago` days back; a handed-off one is then resolved."""
    conversation = conversation_start(channel=channel, session_id="shopper-session")
    messages_append(
        conversation=conversation,
        messages=[
            {"role": "user", "content": question},
            {"role": "assistant", "content": "…", **answer},
        ],
    )
    if handed_off:
        conversation_hand_off(tenant=connection.tenant, conversation=conversation)
        conversation_resolve(tenant=connection.tenant, conversation=conversation)
    when = timezone.now() - datetime.timedelta(days=days_ago)
    Conversation.objects.filter(pk=conversation.pk).update(started_at=when)
    Message.objects.filter(conversation=conversation).update(created_at=when)
    return conversation


def seed(tenant: Tenant) -> None:
    with tenant_context(tenant):
        chat(
            days_ago=0,
            question="Do you ship to Austria?",
            answer={"best_similarity": 0.81, "feedback": "up"},
        )
        # handed off, then resolved by the team: still counts as handed off
        chat(
            days_ago=2,
            question="  do you SHIP to austria ",
            answer={
                "best_similarity": 0.21,
                "unanswered": True,
                "feedback": "down",
            },
            handed_off=True,
        )
        # a weak match without a tool: a knowledge gap even though it was not "unanswered"
        chat(days_ago=3, question="Is the tent vegan?", answer={"best_similarity": 0.3})
        chat(days_ago=10, question="Where is my order?", answer={}, channel="api")
        chat(days_ago=0, question="Team test", answer={"unanswered": True}, channel="playground")


def _get(tenant: Tenant, **params: Any):  # type: ignore[no-untyped-def]
    viewer = MembershipFactory(tenant=tenant, role=Role.VIEWER)
    return client_for(tenant, viewer.user).get(URL, params)


def test_a_viewer_reads_the_last_7_days(tenant_a) -> None:
    # given store A's shopper conversations over the last 10 days and one playground chat
    seed(tenant_a)

    # when
    body = _get(tenant_a, days=7).json()

    # then the playground and the 10-day-old conversation are left out
    assert body["days"] == 7 and len(body["daily"]) == 7
    assert body["until"] == timezone.localdate().isoformat()
    assert body["totals"] == {
        "conversations": 3,
        "messages": 6,
        "questions": 3,
        "handed_off": 1,
        "answered_without_handoff_share": 0.6667,
        "feedback_up": 1,
        "feedback_down": 1,
        "feedback_positive_share": 0.5,
    }
    today, two_days_ago = body["daily"][-1], body["daily"][-3]
    assert today == {
        "date": body["until"],
        "conversations": 1,
        "messages": 2,
        "questions": 1,
        "feedback_up": 1,
        "feedback_down": 0,
    }
    assert two_days_ago["feedback_down"] == 1 and body["daily"][0]["messages"] == 0
    # the two spellings of one question are grouped
    top = body["top_questions"]
    assert [(q["text"], q["count"]) for q in top] == [
        ("do you ship to austria", 2),
        ("is the tent vegan", 1),
    ]
    gaps = [(g["text"], g["count"], g["best_similarity"]) for g in body["knowledge_gaps"]]
    assert sorted(gaps) == [("do you ship to austria", 1, 0.21), ("is the tent vegan", 1, 0.3)]


def test_longer_periods_include_older_conversations(tenant_a) -> None:
    seed(tenant_a)

    body = _get(tenant_a, days=30).json()

    assert len(body["daily"]) == 30
    assert body["totals"]["conversations"] == 4
    assert ("where is my order", 1) in [(q["text"], q["count"]) for q in body["top_questions"]]


def test_only_7_30_or_90_days(tenant_a) -> None:
    response = _get(tenant_a, days=365)
    assert response.status_code == 400
    assert response.json()["field"] == "days"


def test_an_empty_store_has_no_shares(tenant_a) -> None:
    body = _get(tenant_a).json()
    assert body["days"] == 30
    assert body["totals"]["answered_without_handoff_share"] is None
    assert body["totals"]["feedback_positive_share"] is None
    assert body["top_questions"] == [] and body["knowledge_gaps"] == []


def test_another_stores_conversations_are_invisible(tenant_a, tenant_b) -> None:
    # given only store B has conversations
    seed(tenant_b)

    # when store A reads its analytics
    body = _get(tenant_a, days=90).json()

    # then
    assert body["totals"]["conversations"] == 0 and body["totals"]["messages"] == 0
    assert body["top_questions"] == [] and body["knowledge_gaps"] == []


def test_non_members_are_refused(tenant_a, owner_b) -> None:
    assert client_for(tenant_a, owner_b.user).get(URL).status_code == 403


def test_the_report_takes_five_queries_whatever_the_data(
    tenant_a, django_assert_num_queries
) -> None:
    # given many conversations over many days
    with tenant_context(tenant_a):
        for n in range(40):
            chat(days_ago=n % 30, question=f"Question {n % 7}?", answer={"unanswered": True})

        # when / then
        with django_assert_num_queries(5):
            report = analytics_report(days=30)
    assert report.conversations == 40
    assert sum(group.count for group in report.knowledge_gaps) == 40
