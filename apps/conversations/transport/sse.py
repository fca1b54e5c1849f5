"""Server-sent events for a turn: `event: <type>` + `data: <json>` per frame, `ready` first."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

from asgiref.sync import sync_to_async
from django.http import StreamingHttpResponse

from apps.conversations.transport.turns import Turn, turn_frames
from apps.conversations.transport.wire import ready_frame


def sse_event(frame: dict[str, Any]) -> bytes:
    return f"event: {frame['type']}\ndata: {json.dumps(frame)}\n\n".encode()


async def _events(turn: Turn) -> AsyncIterator[bytes]:
    try:
        yield sse_event(ready_frame(turn.conversation))
        async for frame in turn_frames(turn):
            yield sse_event(frame)
    finally:
        # turn_frames releases the lock itself, unless the client left before it started.
        await sync_to_async(turn.lock.release, thread_sensitive=False)()


def sse_response(turn: Turn) -> StreamingHttpResponse:
    response = StreamingHttpResponse(_events(turn), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # proxies must not buffer the stream
    return response
