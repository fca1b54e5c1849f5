"""A stand-in for the answer pipeline with the same contract as
`apps.conversations.pipeline.run.reply_stream`: it stores the shopper's message and the
answer (handing each to `on_stored`), streams the answer word by word, honours `stop`, and
always ends with Done.

Tests put it in the transports' place with the `fake_pipeline` fixture; `manage.py bench chat`
measures the transport alone by serving `tests.conversations.fake_asgi:application`
(`BENCH_CHAT_APPLICATION`), which does the same in its daphne process."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

from apps.conversations.models import Conversation, Message
from apps.conversations.pipeline import events
from apps.conversations.pipeline.config import TurnConfig
from apps.conversations.pipeline.turn import NO_EXTRAS, Shopper
from apps.conversations.services.conversations import messages_append
from apps.core.tenancy.channels import tenant_db
from apps.tenants.models import Tenant

WORDS = 12
DELAY_S = float(os.environ.get("FAKE_REPLY_DELAY_S", "0.01"))
# What each turn asked for besides the text (tests read it to see what a transport passed on).
CALLS: list[dict[str, Any]] = []


def _begin(conversation: Conversation, text: str, handoff: bool) -> list[Message]:
    question: list[dict[str, object]] = (
        [] if handoff else [{"role": Message.Role.USER, "content": text}]
    )
    return messages_append(
        conversation=conversation,
        messages=[*question, {"role": Message.Role.ASSISTANT, "status": Message.Status.STREAMING}],
    )


def _finish(message: Message, content: str, status: str) -> None:
    message.content, message.status = content, status
    message.save(update_fields=["content", "status"])


async def scripted_reply_stream(
    *,
    tenant: Tenant,
    conversation: Conversation,
    text: str,
    config: TurnConfig,
    shopper: Shopper = NO_EXTRAS,
    stop: asyncio.Event | None = None,
    on_stored: Callable[[Message], None] | None = None,
) -> AsyncIterator[events.Event]:
    started = time.perf_counter()
    CALLS.append(
        {
            "shopper_email": shopper.email,
            "order": shopper.order,
            "handoff": shopper.handoff,
            "ip": shopper.ip,
            "config": config,
        }
    )
    *question, answer = await tenant_db(tenant, _begin, conversation, text, shopper.handoff)
    if on_stored is not None and question:
        on_stored(question[0])
    message_id = str(answer.public_id)
    words = [f"w{i}" for i in range(WORDS)]
    sent: list[str] = []
    status = "complete"
    try:
        for word in words:
            if stop is not None and stop.is_set():
                status = "stopped"
                break
            await asyncio.sleep(DELAY_S)
            sent.append(word)
            yield events.Delta(message_id=message_id, text=word + " ")
    except (asyncio.CancelledError, GeneratorExit):
        await tenant_db(tenant, _finish, answer, " ".join(sent), "stopped")
        raise
    await tenant_db(tenant, _finish, answer, " ".join(sent), status)
    if on_stored is not None:
        on_stored(answer)
    if status == "complete":
        yield events.Citations(message_id=message_id, citations=[{"n": 1, "title": "FAQ"}])
        yield events.Products(message_id=message_id, products=[{"handle": "tent"}])
        yield events.Tool(message_id=message_id, name="search_products", status="finished")
    total = round((time.perf_counter() - started) * 1000, 1)
    yield events.Done(message_id=message_id, status=status, timings={"total": total})  # type: ignore[arg-type]
