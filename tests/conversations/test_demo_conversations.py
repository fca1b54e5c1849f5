"""The demo store's sample conversations (`make dev`): answered by the real pipeline, spread
over the last 30 days, with feedback, handoffs, an agent's replies and resolved ones."""

from __future__ import annotations

import datetime

from django.utils import timezone

from apps.conversations.models import Conversation, Message
from apps.conversations.services.conversations import conversation_start
from apps.conversations.services.demo import CONVERSATIONS, demo_conversations_seed
from apps.conversations.services.inbox import author_display_name
from apps.core.tenancy import tenant_context


def _seed(tenant, owner) -> int:
    with tenant_context(tenant):
        return demo_conversations_seed(tenant=tenant, author=owner.user)


def test_the_demo_store_gets_sample_conversations_over_the_last_30_days(
    store_a, owner_a, tenant_b
) -> None:
    # When a store with some knowledge, products and orders is seeded
    created = _seed(store_a, owner_a)

    # Then it has about 40 widget conversations spread over the last 30 days
    with tenant_context(store_a):
        conversations = list(Conversation.objects.all())
        messages = list(Message.objects.all())
    assert created == len(conversations) == CONVERSATIONS
    assert {c.channel for c in conversations} == {Conversation.Channel.WIDGET}
    now = timezone.now()
    assert all(now - datetime.timedelta(days=30) <= c.started_at <= now for c in conversations)
    assert (max(c.started_at for c in conversations) - min(c.started_at for c in conversations)) > (
        datetime.timedelta(days=20)
    )
    # answered by the pipeline: cited answers, product cards and questions it could not answer
    answers = [m for m in messages if m.role == Message.Role.ASSISTANT]
    assert all(m.status == Message.Status.COMPLETE and m.turn_log for m in answers)
    assert any(m.citations for m in answers) and any(m.products for m in answers)
    assert any(m.unanswered for m in answers) and any(m.best_similarity for m in answers)
    # with feedback both ways
    assert {m.feedback for m in answers} >= {"up", "down"}
    # three handed to the team, each answered by the owner after the handoff
    handed_off = [c for c in conversations if c.handed_off_at is not None]
    assert len(handed_off) == 3
    agents = [m for m in messages if m.role == Message.Role.AGENT]
    assert len(agents) == 3 and {m.author_name for m in agents} == {
        author_display_name(owner_a.user)
    }
    assert {m.conversation_id for m in agents} == {c.pk for c in handed_off}
    for message in agents:
        handoff = next(c for c in handed_off if c.pk == message.conversation_id).handed_off_at
        assert handoff < message.created_at
    # and some resolved, some still open
    statuses = {c.status for c in conversations}
    assert {Conversation.Status.RESOLVED, Conversation.Status.OPEN} <= statuses
    # with each conversation's messages in order, the last one its last activity
    for conversation in conversations:
        times = [m.created_at for m in sorted(messages, key=lambda m: m.seq)
                 if m.conversation_id == conversation.pk]  # fmt: skip
        assert times == sorted(times) and times[-1] == conversation.last_activity_at
    # and another store got none of them
    with tenant_context(tenant_b):
        assert not Conversation.objects.exists()


def test_a_store_with_conversations_is_not_seeded(tenant_a, owner_a) -> None:
    # Given a store that already has a conversation
    with tenant_context(tenant_a):
        conversation_start(channel=Conversation.Channel.WIDGET, session_id="shopper-1")

    # When the demo seed runs again, Then it adds nothing
    assert _seed(tenant_a, owner_a) == 0
    with tenant_context(tenant_a):
        assert Conversation.objects.count() == 1
