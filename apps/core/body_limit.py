"""Refuse oversized HTTP request bodies before Django buffers them.

Django's ASGI handler reads a request's whole body into a temporary file before any view runs,
so a view cannot refuse a 2 GB upload early: the disk and the time are already spent. This ASGI
middleware sits in front of Django. A body announced as larger than the limit (Content-Length)
gets a JSON 413 at once, unread; a body without a length (chunked) is counted as it arrives and
cut off at the limit, then answered the same way. The limit is the largest upload any endpoint
accepts (settings.MAX_REQUEST_BODY_BYTES); endpoints still apply their own, smaller limits.
"""

from __future__ import annotations

import json
from typing import Any

from apps.core.asgi_scope import scope_header

Scope = dict[str, Any]
Message = dict[str, Any]


def _content_length(scope: Scope) -> int | None:
    value = scope_header(scope, b"content-length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class RequestBodyLimit:
    def __init__(self, app: Any, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _content_length(scope)
        if length is not None and length > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        cut_off = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, cut_off
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    cut_off = True
                    return {"type": "http.disconnect"}  # Django drops the request unanswered
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, counting_receive, tracking_send)
        if cut_off and not started:
            await self._refuse(send)

    async def _refuse(self, send: Any) -> None:
        limit_mb = self.max_bytes // (1024 * 1024)
        body = json.dumps(
            {
                "code": "request_too_large",
                "detail": f"The request is larger than {limit_mb} MB.",
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
