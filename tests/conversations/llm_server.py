"""A local server that speaks OpenAI's chat completions wire format, for driving the real
`openai` SDK: `data: {chat.completion.chunk}` server-sent events ending in `data: [DONE]`,
and `{"error": {...}}` bodies with the HTTP status for failures."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

COMPLETIONS = "/v1/chat/completions"


def chunk(
    delta: dict[str, Any] | None = None,
    *,
    finish_reason: str | None = None,
    usage: dict[str, int] | None = None,
    no_choices: bool = False,
) -> dict[str, Any]:
    """One `chat.completion.chunk`; `no_choices` for the final usage chunk."""
    choices = (
        []
        if no_choices
        else [{"index": 0, "delta": delta or {}, "logprobs": None, "finish_reason": finish_reason}]
    )
    return {
        "id": "chatcmpl-local",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": "local-model",
        "choices": choices,
        "usage": usage,
    }


def text_stream(*pieces: str, usage: tuple[int, int] | None = (12, 3)) -> list[dict[str, Any]]:
    """A streamed text reply as OpenAI sends it: role first, content pieces, finish, usage."""
    events = [chunk({"role": "assistant", "content": ""})]
    events += [chunk({"content": piece}) for piece in pieces]
    events.append(chunk(finish_reason="stop"))
    if usage is not None:
        prompt, completion = usage
        events.append(
            chunk(
                no_choices=True,
                usage={
                    "prompt_tokens": prompt,
                    "completion_tokens": completion,
                    "total_tokens": prompt + completion,
                },
            )
        )
    return events


def sse(events: list[dict[str, Any] | str], *, done: bool = True) -> str:
    """Server-sent events; a str event is sent as raw `data:` text (malformed on purpose)."""
    lines = [f"data: {e if isinstance(e, str) else json.dumps(e)}\n\n" for e in events]
    return "".join(lines) + ("data: [DONE]\n\n" if done else "")


class LlmServer:
    def __init__(self, httpserver: HTTPServer) -> None:
        self.http = httpserver
        self.release = threading.Event()  # ends stalled responses at teardown

    @property
    def base_url(self) -> str:
        return self.http.url_for("/v1")

    def streams(self, events: list[dict[str, Any] | str], *, path: str = COMPLETIONS) -> None:
        self.http.expect_request(path, method="POST").respond_with_data(
            sse(events), content_type="text/event-stream"
        )

    def fails(self, status: int, message: str, *, path: str = COMPLETIONS) -> None:
        self.http.expect_request(path, method="POST").respond_with_json(
            {"error": {"message": message, "type": "error", "code": None}}, status=status
        )

    def stalls_after(
        self, events: list[dict[str, Any]], *, keep_alive_every_s: float | None = None
    ) -> None:
        """Send `events`, then nothing (or only SSE comments) until the test ends."""

        def body() -> Iterator[bytes]:
            yield sse(list(events), done=False).encode()
            while not self.release.is_set():
                if keep_alive_every_s is None:
                    self.release.wait(30)
                else:
                    yield b": keep-alive\n\n"
                    time.sleep(keep_alive_every_s)

        def handler(request: Request) -> Response:
            return Response(body(), content_type="text/event-stream")

        self.http.expect_request(COMPLETIONS, method="POST").respond_with_handler(handler)

    def requests(self) -> list[Request]:
        return [request for request, _response in self.http.log]

    def last_json(self) -> dict[str, Any]:
        return json.loads(self.requests()[-1].get_data())
