"""The OpenAI-compatible provider, driven through the real `openai` SDK against a local server
that speaks the chat completions streaming format."""

from __future__ import annotations

import time

import pytest

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
from apps.conversations.pipeline.llm.openai_compatible import OpenAICompatibleProvider
from tests.conversations.llm_server import LlmServer, chunk, text_stream

SETTINGS = GenerationSettings(model="local-model", temperature=0.3, max_tokens=50, timeout_s=5)
QUESTION = [ChatMessage(role="system", content="Be brief."), ChatMessage(role="user", content="Hi")]


def _provider(server: LlmServer, *, api_key: str = "sk-test-123") -> OpenAICompatibleProvider:
    return OpenAICompatibleProvider(base_url=server.base_url, api_key=api_key)


async def _collect(
    provider: OpenAICompatibleProvider,
    *,
    messages: list[ChatMessage] = QUESTION,
    tools: list[ToolSpec] | None = None,
    settings: GenerationSettings = SETTINGS,
) -> list[Chunk]:
    return [
        c async for c in provider.stream(messages=messages, tools=tools or [], settings=settings)
    ]


async def _error(provider: OpenAICompatibleProvider, **kwargs: object) -> ProviderError:
    with pytest.raises(ProviderError) as caught:
        await _collect(provider, **kwargs)  # type: ignore[arg-type]
    return caught.value


async def test_streamed_text_arrives_piece_by_piece_with_usage(llm_server: LlmServer) -> None:
    # given a server streaming "Hello there!" in three pieces, then usage
    llm_server.streams(text_stream("Hel", "lo ther", "e!", usage=(21, 4)))

    # when
    chunks = await _collect(_provider(llm_server))

    # then
    assert chunks == [
        TextChunk("Hel"),
        TextChunk("lo ther"),
        TextChunk("e!"),
        UsageChunk(prompt_tokens=21, completion_tokens=4),
    ]
    request = llm_server.last_json()
    assert request["model"] == "local-model" and request["temperature"] == 0.3
    assert request["max_tokens"] == 50
    assert request["stream"] is True and request["stream_options"] == {"include_usage": True}
    assert request["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"},
    ]
    assert "tools" not in request
    assert llm_server.requests()[-1].headers["Authorization"] == "Bearer sk-test-123"


async def test_a_server_that_sends_no_usage_gives_no_usage_chunk(llm_server: LlmServer) -> None:
    llm_server.streams(text_stream("Hi", usage=None))
    assert await _collect(_provider(llm_server)) == [TextChunk("Hi")]


async def test_two_parallel_tool_calls_are_assembled_from_partial_deltas(
    llm_server: LlmServer,
) -> None:
    # given two tool calls whose arguments arrive in pieces, interleaved by index
    def call(index: int, **fields: object) -> dict[str, object]:
        return chunk({"tool_calls": [{"index": index, **fields}]})

    llm_server.streams(
        [
            chunk({"role": "assistant", "content": None}),
            call(
                0,
                id="call_a",
                type="function",
                function={"name": "product_search", "arguments": ""},
            ),
            call(0, function={"arguments": '{"query": "rain'}),
            call(
                1, id="call_b", type="function", function={"name": "order_status", "arguments": ""}
            ),
            call(0, function={"arguments": ' jacket", "max_price": 100}'}),
            call(1, function={"arguments": '{"order_number": "1001", '}),
            call(1, function={"arguments": '"email": "ann@example.com"}'}),
            chunk(finish_reason="tool_calls"),
            chunk(
                no_choices=True,
                usage={"prompt_tokens": 80, "completion_tokens": 30, "total_tokens": 110},
            ),
        ]
    )
    search = ToolSpec(
        name="product_search",
        description="Search the catalog.",
        parameters={"type": "object", "properties": {"query": {"type": "string"}}},
    )

    # when
    chunks = await _collect(_provider(llm_server), tools=[search])

    # then
    assert chunks == [
        ToolCallChunk(
            ToolCall(
                id="call_a",
                name="product_search",
                arguments={"query": "rain jacket", "max_price": 100},
            )
        ),
        ToolCallChunk(
            ToolCall(
                id="call_b",
                name="order_status",
                arguments={"order_number": "1001", "email": "ann@example.com"},
            )
        ),
        UsageChunk(prompt_tokens=80, completion_tokens=30),
    ]
    assert llm_server.last_json()["tools"] == [
        {
            "type": "function",
            "function": {
                "name": "product_search",
                "description": "Search the catalog.",
                "parameters": {"type": "object", "properties": {"query": {"type": "string"}}},
            },
        }
    ]


async def test_tool_calls_and_their_results_are_sent_in_openai_shape(llm_server: LlmServer) -> None:
    # given a conversation where the model called a tool and got its result
    llm_server.streams(text_stream("It ships tomorrow."))
    history = [
        *QUESTION,
        ChatMessage(
            role="assistant",
            content="",
            tool_calls=[
                ToolCall(id="call_1", name="order_status", arguments={"order_number": "7"})
            ],
        ),
        ChatMessage(role="tool", content='{"status": "paid"}', tool_call_id="call_1"),
    ]

    # when
    await _collect(_provider(llm_server), messages=history)

    # then
    assert llm_server.last_json()["messages"][2:] == [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "order_status", "arguments": '{"order_number": "7"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": '{"status": "paid"}'},
    ]


async def test_tool_call_arguments_that_are_not_json_are_a_bad_response(
    llm_server: LlmServer,
) -> None:
    llm_server.streams(
        [
            chunk(
                {
                    "tool_calls": [
                        {"index": 0, "id": "c", "function": {"name": "f", "arguments": "{"}}
                    ]
                }
            ),
            chunk(finish_reason="tool_calls"),
        ]
    )
    error = await _error(_provider(llm_server))
    assert error.kind == "bad_response" and "not valid JSON" in error.detail


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (429, "rate_limited"),
        (401, "auth"),
        (403, "auth"),
        (500, "unavailable"),
        (404, "unavailable"),
    ],
)
async def test_http_errors_map_to_provider_error_kinds(
    llm_server: LlmServer, status: int, kind: str
) -> None:
    # given a server answering with an error that quotes the key
    llm_server.fails(status, "Problem with key sk-test-123")

    # when
    error = await _error(_provider(llm_server))

    # then it is mapped, tried once (no hidden retries), and the key is not repeated
    assert error.kind == kind and str(status) in error.detail
    assert "sk-test-123" not in error.detail
    assert len(llm_server.requests()) == 1


async def test_a_dead_port_is_unavailable_at_once() -> None:
    provider = OpenAICompatibleProvider(base_url="http://127.0.0.1:9/v1", api_key="k")
    error = await _error(provider)
    assert error.kind == "unavailable" and "Could not reach" in error.detail


async def test_a_stream_that_stalls_after_the_first_chunk_times_out_at_the_deadline(
    llm_server: LlmServer,
) -> None:
    # given a server that sends one piece of text, then nothing
    llm_server.stalls_after([chunk({"role": "assistant", "content": "Let me"})])
    settings = GenerationSettings(model="m", timeout_s=0.8, first_token_timeout_s=0.5)
    received: list[Chunk] = []

    # when
    started = time.monotonic()
    with pytest.raises(ProviderError) as caught:
        async for piece in _provider(llm_server).stream(
            messages=QUESTION, tools=[], settings=settings
        ):
            received.append(piece)

    # then the text so far was passed on, and the turn did not hang
    assert received == [TextChunk("Let me")]
    assert caught.value.kind == "timeout" and "0.8 s" in caught.value.detail
    assert time.monotonic() - started < 5


async def test_keep_alive_comments_do_not_hold_off_the_first_token_timeout(
    llm_server: LlmServer,
) -> None:
    # given a server that answers 200 and then only sends SSE comments (httpx never times out)
    llm_server.stalls_after([chunk({"role": "assistant", "content": ""})], keep_alive_every_s=0.05)
    settings = GenerationSettings(model="m", timeout_s=10, first_token_timeout_s=0.5)

    # when
    started = time.monotonic()
    error = await _error(_provider(llm_server), settings=settings)

    # then
    assert error.kind == "timeout" and "0.5 s" in error.detail
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    ("events", "detail"),
    [
        ([chunk({"content": "Hi"}), "{not json"], "malformed"),
        ([chunk({"content": "Hi"})], "ended before"),  # no finish_reason: cut short
    ],
    ids=["malformed-json", "truncated"],
)
async def test_a_malformed_stream_is_a_bad_response(
    llm_server: LlmServer, events: list, detail: str
) -> None:
    llm_server.streams(events)
    error = await _error(_provider(llm_server))
    assert error.kind == "bad_response" and detail in error.detail


async def test_azure_flavour_uses_deployment_path_api_version_and_api_key_header(
    llm_server: LlmServer,
) -> None:
    # given an Azure endpoint; Azure first sends a chunk without choices (prompt filter results)
    path = "/openai/deployments/gpt4o-prod/chat/completions"
    prompt_filter = {**chunk(no_choices=True), "prompt_filter_results": [{"prompt_index": 0}]}
    llm_server.streams([prompt_filter, *text_stream("Hi")], path=path)
    provider = OpenAICompatibleProvider(
        base_url=llm_server.http.url_for("/"),
        api_key="azure-secret",
        flavour="azure",
        api_version="2024-10-21",
    )

    # when
    chunks = await _collect(provider, settings=GenerationSettings(model="gpt4o-prod"))

    # then
    assert chunks == [TextChunk("Hi"), UsageChunk(prompt_tokens=12, completion_tokens=3)]
    request = llm_server.requests()[-1]
    assert request.path == path and request.args["api-version"] == "2024-10-21"
    assert request.headers["api-key"] == "azure-secret" and "Authorization" not in request.headers
