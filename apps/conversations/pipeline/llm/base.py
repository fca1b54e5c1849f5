"""One streaming interface for every LLM provider, with tool calling.

A provider turns a list of chat messages (+ tool specs) into a stream of `Chunk`s: text
deltas, complete tool calls (assembled from the provider's partial deltas), and a final usage
report. Provider failures raise `ProviderError` with a kind, so the pipeline can fall back to
the grounded responder and note why in the turn log — never hang, never leak a stack trace.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol


@dataclass(frozen=True)
class ChatMessage:
    role: Literal["system", "user", "assistant", "tool"]
    content: str
    tool_call_id: str | None = None  # role "tool": the call this answers
    tool_calls: list[ToolCall] = field(default_factory=list)  # role "assistant"


@dataclass(frozen=True)
class ToolSpec:
    name: str
    description: str
    parameters: dict[str, Any]  # JSON Schema


@dataclass(frozen=True)
class ToolCall:
    id: str
    name: str
    arguments: dict[str, Any]


@dataclass(frozen=True)
class TextChunk:
    text: str


@dataclass(frozen=True)
class ToolCallChunk:
    call: ToolCall


@dataclass(frozen=True)
class UsageChunk:
    prompt_tokens: int
    completion_tokens: int


Chunk = TextChunk | ToolCallChunk | UsageChunk


@dataclass(frozen=True)
class GenerationSettings:
    model: str
    temperature: float = 0.2
    max_tokens: int = 600
    timeout_s: float = 30.0  # the whole stream, first byte to last
    first_token_timeout_s: float = 15.0  # until the first text or tool-call delta


class ProviderError(Exception):
    def __init__(
        self,
        kind: Literal["timeout", "rate_limited", "auth", "unavailable", "bad_response"],
        detail: str,
    ) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


class Provider(Protocol):
    name: str

    def stream(
        self, *, messages: list[ChatMessage], tools: list[ToolSpec], settings: GenerationSettings
    ) -> AsyncIterator[Chunk]: ...
