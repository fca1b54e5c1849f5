"""One shopper turn, shared by every transport (WebSocket, SSE, JSON, playground).

A `Turn` is admitted by `admission.turn_begin` with the configuration it runs with and the
answer pipeline that answers it (`PIPELINE`, the one place the transports take it from):
the pipeline appends the shopper's message and the answer, streams the answer's events and
always ends with Done, handing each message it stores to `on_stored`. `turn_frames` wraps it
with what every transport needs: the wire format, the client's correlation id, server-side
timings on `done`, the live inbox (from the messages handed over: nothing is read back), and
releasing the session's generation lock however the turn ends.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from asgiref.sync import sync_to_async
from django.utils.translation import gettext as _

from apps.conversations.limits import GenerationLock
from apps.conversations.models import Conversation, Message
from apps.conversations.pipeline import events
from apps.conversations.pipeline.config import TurnConfig
from apps.conversations.pipeline.run import reply_stream
from apps.conversations.pipeline.turn import NO_EXTRAS, Shopper
from apps.conversations.transport.inbox import inbox_publish
from apps.conversations.transport.wire import message_record
from apps.tenants.models import Tenant

logger = logging.getLogger(__name__)


class ReplyStream(Protocol):
    def __call__(
        self,
        *,
        tenant: Tenant,
        conversation: Conversation,
        text: str,
        config: TurnConfig,
        shopper: Shopper = NO_EXTRAS,
        stop: asyncio.Event | None = None,
        on_stored: Callable[[Message], None] | None = None,
    ) -> AsyncIterator[events.Event]: ...


# The answer pipeline the transports run. Tests and the chat benchmark put a fake in its place
# (tests/conversations/fakes.py); it is never looked up by name.
PIPELINE: ReplyStream = reply_stream


def _pipeline() -> ReplyStream:
    return PIPELINE


@dataclass
class Turn:
    tenant: Tenant
    conversation: Conversation
    text: str
    config: TurnConfig
    lock: GenerationLock
    received_at: float  # time.perf_counter() when the transport received the message
    # The client's extras: email and order for lookups only (never stored or logged), a
    # handoff (no shopper message is stored), the IP that failed lookups are counted by.
    shopper: Shopper
    client_id: str | None = None
    pipeline: ReplyStream = field(default_factory=_pipeline)
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    # Filled in as the turn goes: the stored question and answer, as message records.
    question: dict[str, Any] | None = None
    answer: dict[str, Any] | None = None
    over: bool = False  # the session may start its next turn

    def pipeline_stream(self, on_stored: Callable[[Message], None]) -> AsyncIterator[events.Event]:
        return self.pipeline(
            tenant=self.tenant,
            conversation=self.conversation,
            text=self.text,
            config=self.config,
            shopper=self.shopper,
            stop=self.stop,
            on_stored=on_stored,
        )


def _ms_since(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)


async def _publish(turn: Turn, record: dict[str, Any]) -> None:
    try:
        await inbox_publish(
            tenant=turn.tenant,
            conversation_id=str(turn.conversation.public_id),
            channel=turn.conversation.channel,
            message=record,
        )
    except Exception:  # the inbox is a convenience: never fail the shopper's turn over it
        logger.exception("inbox publish failed")


async def turn_frames(turn: Turn) -> AsyncIterator[dict[str, Any]]:
    """The turn's wire frames. `done` carries the transport's own timings next to the
    pipeline's: `server_first_delta_ms` (message received → first `delta` handed to the
    transport) and `server_total_ms`. By the time `done` is yielded the turn is over: the
    inbox has the answer and the session may send its next message."""
    first_delta_ms: float | None = None
    question_task: asyncio.Task[None] | None = None
    message_id: str | None = None

    def stored(message: Message) -> None:
        nonlocal question_task
        record = message_record(message)
        if message.role == Message.Role.USER:
            turn.question = record
            question_task = asyncio.create_task(_publish(turn, record))
        else:
            turn.answer = record

    stream = turn.pipeline_stream(stored)
    try:
        async for event in stream:
            frame = events.to_json(event)
            if turn.client_id is not None:
                frame["client_id"] = turn.client_id
            if isinstance(event, events.Delta) and first_delta_ms is None:
                first_delta_ms = _ms_since(turn.received_at)
            message_id = message_id or event.message_id
            if isinstance(event, events.Done):
                frame["timings"] = {
                    **event.timings,
                    "server_first_delta_ms": first_delta_ms,
                    "server_total_ms": _ms_since(turn.received_at),
                }
                await _finish(turn, question_task)
                if turn.answer is not None:
                    await _publish(turn, turn.answer)
            yield frame
    except Exception:
        logger.exception("reply pipeline failed")
        error = events.Error(
            message_id=message_id, code="internal", detail=_("Something went wrong. Try again.")
        )
        frame = events.to_json(error)
        yield {**frame, "client_id": turn.client_id} if turn.client_id else frame
    finally:
        aclose = getattr(stream, "aclose", None)
        if aclose is not None:
            await aclose()
        await _finish(turn, question_task)


async def _finish(turn: Turn, question_task: asyncio.Task[None] | None) -> None:
    """Free the session (idempotent): the question is in the inbox and the lock released."""
    if question_task is not None:
        await question_task
    if not turn.over:
        turn.over = True
        await sync_to_async(turn.lock.release, thread_sensitive=False)()


async def turn_collect(turn: Turn) -> dict[str, Any]:
    """The whole turn as one JSON answer (the plain JSON endpoints)."""
    result: dict[str, Any] = {
        "conversation_id": str(turn.conversation.public_id),
        "message_id": None,
        "status": "failed",
        "text": "",
        "citations": [],
        "products": [],
        "tools": [],
        "timings": {},
        "error": None,
    }
    async for frame in turn_frames(turn):
        kind = frame["type"]
        result["message_id"] = frame.get("message_id") or result["message_id"]
        if kind == "delta":
            result["text"] += frame["text"]
        elif kind in ("citations", "products"):
            result[kind] = frame[kind]
        elif kind == "tool":
            result["tools"].append(
                {"name": frame["name"], "status": frame["status"], "result": frame["result"]}
            )
        elif kind == "done":
            result["status"], result["timings"] = frame["status"], frame["timings"]
        elif kind == "error":
            result["error"] = {"code": frame["code"], "detail": frame["detail"]}
    result["user_message_id"] = turn.question["message_id"] if turn.question else None
    return result
