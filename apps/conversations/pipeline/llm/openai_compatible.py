"""OpenAI-compatible chat completions (OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio) through the
official `openai` SDK: streamed text, tool calls assembled from partial deltas, token usage.

The SDK's retries are off (`max_retries=0`): a failure surfaces at once as a ProviderError and
the pipeline falls back to the grounded responder. Deadlines are enforced here around every
read of the stream, not only by httpx, whose read timeout restarts with each byte: a server that
stalls between chunks or trickles bytes would otherwise hold a turn open.

A client (and its connection pool) lives for one stream: stream() may run on different event
loops (Channels, async_to_sync), and an httpx client must not outlive or cross its loop.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import Any, Literal

import httpx
import openai
from openai.types.chat import ChatCompletionChunk
from openai.types.chat.chat_completion_chunk import ChoiceDeltaToolCall

from apps.conversations.pipeline.llm.base import (
    ChatMessage,
    Chunk,
    GenerationSettings,
    ProviderError,
    TextChunk,
    ToolCall,
    ToolCallChunk,
    ToolSpec,
    UsageChunk,
)

logger = logging.getLogger(__name__)

Flavour = Literal["openai", "azure"]
# The SDK refuses an empty key; local servers (Ollama, LM Studio, vLLM) ignore whatever is sent.
_NO_KEY = "no-key"
_CONNECT_TIMEOUT_S = 5.0
_MAX_DETAIL_CHARS = 300


class OpenAICompatibleProvider:
    name = "openai"

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str,
        flavour: Flavour = "openai",
        api_version: str | None = None,
    ) -> None:
        self.base_url = base_url
        self.flavour = flavour
        self.api_version = api_version
        self._api_key = api_key

    def _client(self, settings: GenerationSettings) -> openai.AsyncOpenAI:
        timeout = httpx.Timeout(
            settings.timeout_s, connect=min(settings.timeout_s, _CONNECT_TIMEOUT_S)
        )
        # Every value is passed explicitly: the SDK would otherwise read OPENAI_API_KEY,
        # OPENAI_BASE_URL or AZURE_OPENAI_* from the platform's environment.
        if self.flavour == "azure":
            return openai.AsyncAzureOpenAI(
                azure_endpoint=self.base_url,
                api_key=self._api_key or _NO_KEY,
                api_version=self.api_version,
                timeout=timeout,
                max_retries=0,
            )
        return openai.AsyncOpenAI(
            base_url=self.base_url,
            api_key=self._api_key or _NO_KEY,
            timeout=timeout,
            max_retries=0,
        )

    async def stream(
        self, *, messages: list[ChatMessage], tools: list[ToolSpec], settings: GenerationSettings
    ) -> AsyncIterator[Chunk]:
        clock = asyncio.get_running_loop().time
        deadline = clock() + settings.timeout_s
        first_token_by = min(deadline, clock() + settings.first_token_timeout_s)
        reply = _Reply()
        # The SDK's request types are TypedDicts; these payloads follow the same wire format.
        payload_messages: list[Any] = [_message_payload(m) for m in messages]
        # No `tools` key at all without tools: some servers refuse an empty list.
        payload_tools: Any = [_tool_payload(t) for t in tools] if tools else openai.NOT_GIVEN
        try:
            async with self._client(settings) as client:
                async with asyncio.timeout_at(first_token_by):
                    response = await client.chat.completions.create(
                        model=settings.model,
                        messages=payload_messages,
                        tools=payload_tools,
                        temperature=settings.temperature,
                        max_tokens=settings.max_tokens,
                        stream=True,
                        stream_options={"include_usage": True},
                    )
                async with response:
                    while True:
                        async with asyncio.timeout_at(
                            deadline if reply.started else first_token_by
                        ):
                            chunk = await anext(response, None)
                        if chunk is None:
                            break
                        for text in reply.add(chunk):
                            yield TextChunk(text=text)
            for call in reply.finish():
                yield ToolCallChunk(call=call)
            if reply.usage is not None:
                yield reply.usage
        except TimeoutError as error:
            first_token_s = min(settings.first_token_timeout_s, settings.timeout_s)
            raise ProviderError(
                "timeout",
                f"The LLM reply took longer than {settings.timeout_s:g} s."
                if reply.started
                else f"The LLM server sent no reply within {first_token_s:g} s.",
            ) from error
        except ProviderError:
            raise
        except Exception as error:  # every other failure is the server's: map, never leak
            raise _provider_error(error, api_key=self._api_key) from error


def _message_payload(message: ChatMessage) -> dict[str, Any]:
    if message.role == "tool":
        return {"role": "tool", "tool_call_id": message.tool_call_id, "content": message.content}
    if message.role == "assistant" and message.tool_calls:
        return {
            "role": "assistant",
            "content": message.content or None,
            "tool_calls": [
                {
                    "id": call.id,
                    "type": "function",
                    "function": {"name": call.name, "arguments": json.dumps(call.arguments)},
                }
                for call in message.tool_calls
            ],
        }
    return {"role": message.role, "content": message.content}


def _tool_payload(tool: ToolSpec) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": tool.name,
            "description": tool.description,
            "parameters": tool.parameters,
        },
    }


@dataclass
class _PartialCall:
    id: str = ""
    name: str = ""
    arguments: str = ""


class _Reply:
    """What the stream has said so far: text is passed on as it comes, tool calls are
    assembled by index (id and name come first, the arguments JSON in pieces)."""

    def __init__(self) -> None:
        self.started = False  # a text or tool-call delta has arrived
        self.finished = False  # a choice carried finish_reason
        self.usage: UsageChunk | None = None
        self._calls: dict[int, _PartialCall] = {}

    def add(self, chunk: ChatCompletionChunk) -> list[str]:
        if chunk.usage is not None:
            self.usage = UsageChunk(
                prompt_tokens=chunk.usage.prompt_tokens or 0,
                completion_tokens=chunk.usage.completion_tokens or 0,
            )
        # vLLM sends the usage-only chunk with "choices": null; we ask for one choice.
        choice = next((c for c in chunk.choices or [] if c.index == 0), None)
        if choice is None:
            return []
        self.finished = self.finished or choice.finish_reason is not None
        self._add_calls(choice.delta.tool_calls or [])
        text = choice.delta.content or ""
        self.started = self.started or bool(text)
        return [text] if text else []

    def _add_calls(self, deltas: Iterable[ChoiceDeltaToolCall]) -> None:
        for position, delta in enumerate(deltas):
            self.started = True
            index = delta.index if delta.index is not None else position
            call = self._calls.setdefault(index, _PartialCall())
            call.id = delta.id or call.id
            if delta.function is not None:
                call.name = delta.function.name or call.name
                call.arguments += delta.function.arguments or ""

    def finish(self) -> list[ToolCall]:
        """The complete tool calls, once the stream has ended."""
        if not self.finished:
            raise ProviderError("bad_response", "The LLM stream ended before the reply did.")
        return [_complete(index, self._calls[index]) for index in sorted(self._calls)]


def _complete(index: int, call: _PartialCall) -> ToolCall:
    if not call.name:
        raise ProviderError("bad_response", f"Tool call #{index} has no function name.")
    try:
        arguments = json.loads(call.arguments) if call.arguments.strip() else {}
    except ValueError as error:
        raise ProviderError(
            "bad_response", f"Tool call {call.name} has arguments that are not valid JSON."
        ) from error
    if not isinstance(arguments, dict):
        raise ProviderError("bad_response", f"Tool call {call.name} arguments are not an object.")
    return ToolCall(id=call.id or f"call_{index}", name=call.name, arguments=arguments)


def _provider_error(error: Exception, *, api_key: str) -> ProviderError:
    if isinstance(error, openai.APITimeoutError | httpx.TimeoutException):
        return ProviderError("timeout", "The LLM server did not answer in time.")
    if isinstance(error, openai.RateLimitError):
        return ProviderError("rate_limited", "The LLM server is rate limiting requests (HTTP 429).")
    if isinstance(error, openai.AuthenticationError | openai.PermissionDeniedError):
        # The server's own message may quote part of the key: never pass it on.
        return ProviderError(
            "auth", f"The LLM server refused the API key (HTTP {error.status_code})."
        )
    if isinstance(error, openai.APIStatusError):
        detail = f"The LLM server answered HTTP {error.status_code}"
        server_says = _server_message(error.body)
        return ProviderError(
            "unavailable", _redact(f"{detail}: {server_says}" if server_says else detail, api_key)
        )
    if isinstance(error, openai.APIConnectionError | httpx.HTTPError):
        cause = error.__cause__ or error
        return ProviderError(
            "unavailable", _redact(f"Could not reach the LLM server ({cause}).", api_key)
        )
    if isinstance(error, openai.APIError):  # an `error` event in the middle of the stream
        return ProviderError(
            "unavailable", _redact(f"The LLM server reported an error: {error.message}", api_key)
        )
    if isinstance(error, ValueError | TypeError | AttributeError | KeyError):
        return ProviderError("bad_response", "The LLM server sent a malformed stream.")
    logger.warning("unexpected LLM client error", exc_info=error)
    return ProviderError("unavailable", "The LLM request failed unexpectedly.")


def _server_message(body: object) -> str:
    if isinstance(body, dict):
        return str(body.get("message") or "")
    return str(body or "")


def _redact(text: str, api_key: str) -> str:
    if api_key:
        text = text.replace(api_key, "[redacted]")
    return text[:_MAX_DETAIL_CHARS]
