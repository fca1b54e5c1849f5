"""Sample conversations for the demo store (`make dev`), so its inbox and analytics have
something to show: about 40 widget conversations spread over the last 30 days.

The shoppers ask the `bench chat_quality` questions (demo/questions.json) and the real answer
pipeline answers them, so citations, product cards, similarities, unanswered questions and
turn logs are what the store would really record. Then, from a seeded random draw (the same
conversations every time): thumbs up or down on some answers, a few conversations handed to
the team with a reply from its owner, some resolved, and the timestamps moved into the past.
"""

from __future__ import annotations

import datetime
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from asgiref.sync import async_to_sync
from django.utils import timezone

from apps.conversations.models import Conversation, Message, UsageEvent
from apps.conversations.pipeline.config import TurnConfig, turn_config_for_store
from apps.conversations.pipeline.run import reply_stream
from apps.conversations.pipeline.turn import Shopper
from apps.conversations.services.chat import message_feedback_set
from apps.conversations.services.conversations import conversation_start
from apps.conversations.services.inbox import agent_reply_post, conversation_resolve
from apps.tenants.models import Tenant

QUESTIONS = Path(__file__).resolve().parent.parent / "demo" / "questions.json"
CONVERSATIONS = 40
DAYS = 30
SESSION_PREFIX = "demo-"
SEED = 2024
ZERO = datetime.timedelta(0)
AGENT_REPLIES = [
    "Hi, this is the Demo Outfitters team. I've checked with our warehouse: we'll email you "
    "an update today.",
    "Thanks for waiting! I've sent you a prepaid return label by email.",
    "Hello! Yes, we can do that for you. I've added a note to your order.",
]
DOWN_COMMENTS = ["That didn't answer my question.", "", "I wanted a person, not a bot."]


def _questions() -> list[str]:
    # Only the dev split: the held-out questions stay out of sight of anyone tuning.
    items = json.loads(QUESTIONS.read_text(encoding="utf-8"))
    return [item["question"] for item in items if item["split"] == "dev"]


def _plan(rng: random.Random) -> list[list[str]]:
    """Each conversation's questions: one to three, taken in a shuffled order (every question
    is asked before any is repeated)."""
    questions = _questions()
    rng.shuffle(questions)
    cycle = iter(questions * 2)
    return [
        [next(cycle) for _ in range(rng.choices([1, 2, 3], weights=[5, 3, 2])[0])]
        for _ in range(CONVERSATIONS)
    ]


async def _turn(
    *, tenant: Tenant, conversation: Conversation, config: TurnConfig, text: str, handoff: bool
) -> None:
    async for _event in reply_stream(
        tenant=tenant,
        conversation=conversation,
        text=text,
        config=config,
        shopper=Shopper(handoff=handoff),
    ):
        pass


def _ask(
    tenant: Tenant,
    conversation: Conversation,
    config: TurnConfig,
    text: str = "",
    handoff: bool = False,
) -> None:
    async_to_sync(_turn)(
        tenant=tenant, conversation=conversation, config=config, text=text, handoff=handoff
    )


def _feedback(rng: random.Random, conversation: Conversation) -> None:
    """Shoppers rate some answers: unanswered ones often down, others now and then up."""
    for answer in conversation.messages.filter(role=Message.Role.ASSISTANT):
        draw = rng.random()
        if draw < (0.5 if answer.unanswered else 0.05):
            value, comment = Message.Feedback.DOWN, rng.choice(DOWN_COMMENTS)
        elif not answer.unanswered and draw < 0.35:
            value, comment = Message.Feedback.UP, ""
        else:
            continue
        message_feedback_set(
            conversation=conversation,
            message_id=str(answer.public_id),
            value=value,
            comment=comment,
        )


def _backdate(rng: random.Random, conversation: Conversation, started: datetime.datetime) -> None:
    """Move the conversation into the past: an answer a few seconds after each question, the
    next question a minute or two later, the team's reply some minutes after the handoff."""
    at, previous = started, started
    handed_off_at = None
    for message in conversation.messages.order_by("seq"):
        if message.role == Message.Role.AGENT:
            handed_off_at = handed_off_at or previous
            at += datetime.timedelta(minutes=rng.uniform(2, 15))
        elif message.role == Message.Role.USER:
            at += datetime.timedelta(seconds=rng.uniform(30, 120)) if message.seq > 1 else ZERO
        else:
            at += datetime.timedelta(seconds=rng.uniform(2, 8))
        Message.objects.filter(pk=message.pk).update(created_at=at)
        UsageEvent.objects.filter(message=message).update(created_at=at)
        previous = at
    Conversation.objects.filter(pk=conversation.pk).update(
        started_at=started, last_activity_at=at, handed_off_at=handed_off_at
    )


def _starts(rng: random.Random) -> Iterator[datetime.datetime]:
    now = timezone.now()
    offsets = sorted((rng.uniform(0.02, DAYS) for _ in range(CONVERSATIONS)), reverse=True)
    for days in offsets:
        yield now - datetime.timedelta(days=days)


def demo_conversations_seed(*, tenant: Tenant, author: Any) -> int:
    """Seed the sample conversations in the active (demo) store, once: nothing happens when it
    has any conversation. `author` is the team member who answers the handed-off shoppers.
    The store's knowledge must already be indexed (the answers are retrieved from it).
    Returns how many conversations were created."""
    if Conversation.objects.exists():
        return 0
    rng = random.Random(SEED)  # noqa: S311 (sample data, the same every time)
    config = turn_config_for_store(tenant=tenant)
    plan = _plan(rng)
    picked = rng.sample(range(CONVERSATIONS), len(AGENT_REPLIES))
    handoffs = dict(zip(picked, AGENT_REPLIES, strict=True))
    for index, (questions, started) in enumerate(zip(plan, _starts(rng), strict=True)):
        conversation = conversation_start(
            channel=Conversation.Channel.WIDGET, session_id=f"{SESSION_PREFIX}{index:03d}"
        )
        for question in questions:
            _ask(tenant, conversation, config, question)
        if index in handoffs:  # the shopper asks for a person; the team answers
            _ask(tenant, conversation, config, handoff=True)
            agent_reply_post(
                tenant=tenant, conversation=conversation, author=author, text=handoffs[index]
            )
        _feedback(rng, conversation)
        # Older conversations the team has looked at are resolved; recent ones stay open.
        if (timezone.now() - started).days >= 2 and rng.random() < 0.4:
            conversation_resolve(tenant=tenant, conversation=conversation)
        _backdate(rng, conversation, started)
    return CONVERSATIONS
