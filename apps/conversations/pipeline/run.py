"""The answer pipeline: one shopper message in, a stream of events out.

history → retrieval (knowledge, then products) → an LLM turn with tools, or the grounded
responder (answer.py) → citations resolved to sources → the assistant message persisted with its
turn log and the configuration it ran with → a usage event for billing → `Done`.

Everything configurable comes from the turn's `TurnConfig` (config.py), resolved by the caller:
the pipeline reads no settings from the database.

Blocking work runs in the store on a reply thread (`threads.in_store`), never on the event
loop. Each hop to a thread costs CPU (a connection health check, the store's search_path, the
hand-over itself), and under load CPU is what bounds throughput: a grounded turn therefore
makes few hops. Before its first word, two run side by side: one appends the shopper's question
and the streaming answer (a commit, which waits on the disk, not the CPU), the other prepares
everything up to the answer's text; after its last word, one persists the answer.
A provider that fails, times out or is rate limited never ends a turn: the grounded responder
answers instead and the turn log says why.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

from django.db import transaction

from apps.catalog.selectors import order_number_format
from apps.conversations.models import Conversation, Message, UsageEvent
from apps.conversations.pipeline.answer import Answer
from apps.conversations.pipeline.config import Retrieval, TurnConfig
from apps.conversations.pipeline.context import passages_retrieve, products_retrieve
from apps.conversations.pipeline.events import Done, Error, Event
from apps.conversations.pipeline.grounded.intents import intent_detect
from apps.conversations.pipeline.llm.base import ChatMessage
from apps.conversations.pipeline.llm.providers import turn_provider
from apps.conversations.pipeline.turn import (
    NEEDS_RETRIEVAL,
    NO_EXTRAS,
    Result,
    Retrieved,
    Shopper,
    Turn,
    ms_since,
)
from apps.conversations.services.conversations import messages_append
from apps.conversations.services.threads import in_store
from apps.tenants.models import Tenant

logger = logging.getLogger(__name__)

HISTORY_MESSAGES = 20


def _retrieve(*, question: str, retrieval: Retrieval) -> Retrieved:
    """Knowledge and products for the question, one after the other on this thread: running
    them on two threads saves a few milliseconds of one turn but costs a hop, which under load
    costs every turn more."""
    began = time.perf_counter()
    passages, _took = passages_retrieve(question=question, retrieval=retrieval)
    products = products_retrieve(question=question, retrieval=retrieval)
    log = {
        "chunks": [
            {
                "id": p.hit.chunk_id,
                "score": round(p.hit.score, 4),
                "similarity": round(p.similarity, 3),
            }
            for p in passages
        ],
        "products": [
            {"id": m.card.id, "score": round(m.card.score, 4), "similarity": round(m.similarity, 3)}
            for m in products.matches
        ],
    }
    return Retrieved(passages=passages, products=products, log=log, took_ms=ms_since(began))


def _messages_store(
    *, conversation: Conversation, text: str, shopper: Shopper, question_id: uuid.UUID
) -> tuple[Message | None, Message]:
    """The shopper's question (none for a handoff request, the widget's button) and the
    streaming answer, appended under the conversation's row lock."""
    question: list[dict[str, object]] = (
        []
        if shopper.handoff
        else [{"role": Message.Role.USER, "content": text, "public_id": question_id}]
    )
    *stored, message = messages_append(
        conversation=conversation,
        messages=[*question, {"role": Message.Role.ASSISTANT, "status": Message.Status.STREAMING}],
    )
    return (stored[0] if stored else None), message


def _turn_prepare(
    *,
    tenant: Tenant,
    conversation: Conversation,
    text: str,
    config: TurnConfig,
    shopper: Shopper,
    question_id: uuid.UUID,
) -> Turn:
    """The turn's hop before its first word: history, intent, retrieval and (without a model)
    the grounded answer."""
    # Only what the history needs (turn logs, citations and products are large JSON), and
    # not through `conversation.messages`, which would load each row's deferred foreign key.
    # The question is being stored alongside: it is no history, whichever commits first.
    earlier = list(
        Message.objects.filter(
            conversation_id=conversation.pk,
            status__in=[Message.Status.COMPLETE, Message.Status.STOPPED],
        )
        .exclude(public_id=question_id)
        .only("role", "content")
        .order_by("-seq")[:HISTORY_MESSAGES]
    )
    named = shopper.intent()
    intent = named or intent_detect(
        question=text,
        earlier_questions=[m.content for m in earlier if m.role == Message.Role.USER],
        shopper_email=shopper.email,
        refused_topics=list(config.persona.refused_topics),
        order_numbers=order_number_format(),
    )
    provider = turn_provider(llm=config.llm) if intent.kind != "refused" and named is None else None
    turn = Turn(
        tenant=tenant,
        conversation=conversation,
        text=text,
        config=config,
        shopper=shopper,
        provider=provider,
        history=[
            ChatMessage(
                role="user" if m.role == Message.Role.USER else "assistant", content=m.content
            )
            for m in reversed(earlier)
            if m.content
        ],
        intent=intent,
    )
    try:
        if (
            provider is not None
            or intent.kind in NEEDS_RETRIEVAL
            or (intent.kind == "handoff" and not config.persona.handoff_enabled)
        ):
            turn.retrieval = _retrieve(question=text, retrieval=config.retrieval)
        if provider is None:
            turn.answer = turn.grounded_answer()
    except Exception as error:
        turn.failure = error
    return turn


@transaction.atomic
def _turn_finish(
    *, message: Message, config: TurnConfig, status: str, result: Result, total_ms: float
) -> None:
    message.status = status
    message.content = result.content
    message.citations = result.citations
    message.products = result.products
    message.tool_calls = result.tool_calls
    message.turn_log = result.log
    message.config = config.to_dict()
    message.provider = result.provider
    message.model = result.model
    message.prompt_tokens = result.prompt_tokens
    message.completion_tokens = result.completion_tokens
    message.retrieval_ms = result.retrieval_ms
    message.first_token_ms = result.first_token_ms
    message.total_ms = total_ms
    message.best_similarity = result.best_similarity
    message.unanswered = result.unanswered
    message.save(
        update_fields=[
            "status",
            "content",
            "citations",
            "products",
            "tool_calls",
            "turn_log",
            "config",
            "provider",
            "model",
            "prompt_tokens",
            "completion_tokens",
            "retrieval_ms",
            "first_token_ms",
            "total_ms",
            "best_similarity",
            "unanswered",
        ]
    )
    if status != Message.Status.FAILED:
        UsageEvent.objects.create(
            kind=UsageEvent.Kind.ASSISTANT_MESSAGE,
            message=message,
            prompt_tokens=result.prompt_tokens,
            completion_tokens=result.completion_tokens,
        )


async def reply_stream(
    *,
    tenant: Tenant,
    conversation: Conversation,
    text: str,
    config: TurnConfig,
    shopper: Shopper = NO_EXTRAS,
    stop: asyncio.Event | None = None,
    on_stored: Callable[[Message], None] | None = None,
) -> AsyncIterator[Event]:
    """Answer `text` in `conversation` with `config`. Every event carries the new assistant
    message's id; the last one is always `Done`. Setting `stop` ends generation early: what was
    produced is kept with status `stopped`. `shopper` carries what the client asked for besides
    the text: its email stands in for the one an order lookup needs; `order` makes the turn that
    order's lookup; `handoff` hands the conversation to the team (no shopper message is stored,
    `text` is ignored); both skip intent detection and the LLM; `ip` counts failed lookups.
    `on_stored` is called on the event loop with each message as it is stored: the shopper's
    question once appended, the answer once persisted (before `Done`), so callers need not read
    them back."""
    started = time.perf_counter()
    stop = stop or asyncio.Event()
    question_id = uuid.uuid4()
    turn, stored = await asyncio.gather(
        in_store(
            tenant,
            _turn_prepare,
            tenant=tenant,
            conversation=conversation,
            text=text,
            config=config,
            shopper=shopper,
            question_id=question_id,
        ),
        in_store(
            tenant,
            _messages_store,
            conversation=conversation,
            text=text,
            shopper=shopper,
            question_id=question_id,
        ),
    )
    turn.question, turn.message = stored
    if on_stored is not None and turn.question is not None:
        on_stored(turn.question)
    message_id = str(turn.message.public_id)
    result = Result()
    status = Message.Status.COMPLETE
    finish: dict[str, Any] = {"message": turn.message, "config": config, "result": result}
    try:
        async for event in Answer(turn, stop, result, started).run():
            yield event
        if stop.is_set():
            status = Message.Status.STOPPED
    except Exception:
        logger.exception("reply failed", extra={"message": message_id})
        status = Message.Status.FAILED
        yield Error(
            message_id=message_id,
            code="internal",
            detail="The assistant could not answer this time; please try again.",
        )
    except BaseException:  # the client went away mid-stream: keep what was produced
        await asyncio.shield(
            in_store(
                tenant,
                _turn_finish,
                **finish,
                status=Message.Status.STOPPED,
                total_ms=ms_since(started),
            )
        )
        raise
    total_ms = ms_since(started)
    await in_store(tenant, _turn_finish, **finish, status=status, total_ms=total_ms)
    if on_stored is not None:
        on_stored(turn.message)
    yield Done(
        message_id=message_id,
        status=status,  # type: ignore[arg-type]
        timings={
            "retrieval_ms": result.retrieval_ms,
            "first_token_ms": result.first_token_ms,
            "total_ms": total_ms,
        },
    )
