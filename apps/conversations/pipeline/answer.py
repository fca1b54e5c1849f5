"""Streaming a prepared turn's answer: an LLM turn with tools, or the grounded responder (also
when the model fails, times out or is rate limited: then the turn log says why)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import suppress
from typing import Any

from apps.conversations.pipeline.context import Passage, ProductContext
from apps.conversations.pipeline.events import Citations, Delta, Event, Products, Tool
from apps.conversations.pipeline.grounded.products import catalog_facts
from apps.conversations.pipeline.grounded.responder import retrieval_relevant
from apps.conversations.pipeline.grounded.text import word_groups
from apps.conversations.pipeline.llm.base import (
    ChatMessage,
    Chunk,
    GenerationSettings,
    Provider,
    ProviderError,
    TextChunk,
    ToolCall,
    ToolCallChunk,
    UsageChunk,
)
from apps.conversations.pipeline.prompting import prompt_build, tool_result_content
from apps.conversations.pipeline.tools import card_json, tool_run, tool_specs
from apps.conversations.pipeline.turn import NEEDS_RETRIEVAL, Result, Turn, ms_since
from apps.conversations.services.threads import in_store

logger = logging.getLogger(__name__)

MAX_TOOL_ROUNDS = 3
# Longest wait for the model's next chunk (the first included) before falling back.
PROVIDER_CHUNK_TIMEOUT_S = 20.0


class Answer:
    """The events of one turn's answer, filling in `result` as they go."""

    def __init__(self, turn: Turn, stop: asyncio.Event, result: Result, started: float) -> None:
        self.turn = turn
        self.config = turn.config
        self.stop = stop
        self.result = result
        self.started = started
        self.sources = turn.sources
        self.message_id = str(turn.message.public_id)
        self.cards: dict[int, dict[str, Any]] = {}

    def _delta(self, text: str) -> Delta:
        if self.result.first_token_ms is None:
            self.result.first_token_ms = ms_since(self.started)
        self.result.content += text
        return Delta(message_id=self.message_id, text=text)

    async def run(self) -> AsyncIterator[Event]:
        turn = self.turn
        self.result.log["intent"] = turn.intent.kind
        passages: list[Passage] = []
        products: ProductContext | None = None
        if turn.retrieval is not None:
            passages, products = turn.retrieval.passages, turn.retrieval.products
            self.result.log["retrieved"] = turn.retrieval.log
            self.result.retrieval_ms = turn.retrieval.took_ms
            self.result.best_similarity = max(
                [p.similarity for p in passages] + [m.similarity for m in products.matches],
                default=None,
            )
            for match in products.matches:
                self.cards[match.card.id] = card_json(match.card)
        if turn.failure is not None:
            raise turn.failure
        if turn.provider is not None:
            # Without a relevant passage or product the model can only say it does not know
            # (the prompt forbids answering from elsewhere), unless a tool finds something.
            self.result.unanswered = turn.intent.kind in NEEDS_RETRIEVAL and not (
                retrieval_relevant(passages, products, self.config.retrieval)
            )
            try:
                async for event in self._llm(turn.provider, passages, products):
                    yield event
                return
            except Exception as error:  # any provider failure: the grounded responder answers
                if isinstance(error, ProviderError):
                    kind, detail = error.kind, error.detail
                    logger.warning("provider failed, answering grounded", extra={"kind": kind})
                else:  # a bug of ours, not the provider's: logged with its traceback
                    kind, detail = "unavailable", "The model's answer failed unexpectedly."
                    logger.exception("provider call failed, answering grounded")
                self.result.log["fallback"] = {"kind": kind, "detail": detail[:300]}
                self.result.provider = "grounded"
                if self.stop.is_set():
                    return
                if self.result.content:
                    yield self._delta("\n\n")
        async for event in self._grounded():
            yield event

    async def _grounded(self) -> AsyncIterator[Event]:
        answer = self.turn.answer
        if answer is None:  # a model was to answer and failed: the grounded responder does
            answer = await in_store(self.turn.tenant, self.turn.grounded_answer)
        self.result.log["answer"] = answer.kind
        self.result.unanswered = answer.kind == "dont_know"
        if answer.notes:
            self.result.log.setdefault("notes", []).extend(answer.notes)
        for call in answer.tool_calls:
            self.result.tool_calls.append(call)
            yield Tool(message_id=self.message_id, name=call["name"], status="started")
            yield Tool(
                message_id=self.message_id,
                name=call["name"],
                status="failed" if "error" in call["result"] else "finished",
                result=call["result"],
            )
        for group in word_groups(answer.text):
            if self.stop.is_set():
                break
            yield self._delta(group)
            await asyncio.sleep(0)  # let other conversations (and a stop request) run
        async for event in self._closing(answer.products):
            yield event

    async def _closing(self, products: list[dict[str, Any]]) -> AsyncIterator[Event]:
        cited = self.result.citations = self.sources.cited(self.result.content)
        if self.stop.is_set():
            return
        self.result.products = products
        if products:
            yield Products(message_id=self.message_id, products=products)
        if cited:
            yield Citations(message_id=self.message_id, citations=cited)

    async def _llm(
        self, provider: Provider, passages: list[Passage], products: ProductContext | None
    ) -> AsyncIterator[Event]:
        llm = self.config.llm
        self.result.provider = provider.name
        self.result.model = llm.model if llm is not None else ""
        self.result.log["answer"] = "llm"
        messages = prompt_build(
            persona=self.config.persona,
            history=self.turn.history,
            question=self.turn.text,
            passages=passages,
            products=products,
            sources=self.sources,
        )
        async for event in self._catalog_facts(messages, products):
            yield event
        tools = tool_specs(self.config)
        generation = llm.generation() if llm is not None else GenerationSettings(model="")
        searched: list[dict[str, Any]] = []
        for round_number in range(MAX_TOOL_ROUNDS + 1):
            calls: list[ToolCall] = []
            said = ""
            stream = provider.stream(
                messages=messages,
                tools=tools if round_number < MAX_TOOL_ROUNDS else [],
                settings=generation,
            )
            async for chunk in _chunks(stream, self.stop):
                if isinstance(chunk, TextChunk) and chunk.text:
                    said += chunk.text
                    yield self._delta(chunk.text)
                elif isinstance(chunk, ToolCallChunk):
                    calls.append(chunk.call)
                elif isinstance(chunk, UsageChunk):
                    self.result.prompt_tokens += chunk.prompt_tokens
                    self.result.completion_tokens += chunk.completion_tokens
            if self.stop.is_set() or not calls:
                break
            self.result.log["tool_rounds"] = round_number + 1
            messages.append(ChatMessage(role="assistant", content=said, tool_calls=calls))
            for call in calls:
                async for event in self._tool(call, messages, searched):
                    yield event
        cited_ids = [
            s["product_id"]
            for s in self.sources.cited(self.result.content)
            if s["kind"] == "product"
        ]
        shown = [self.cards[i] for i in cited_ids if i in self.cards] or searched
        async for event in self._closing(shown):
            yield event

    async def _catalog_facts(
        self, messages: list[ChatMessage], products: ProductContext | None
    ) -> AsyncIterator[Event]:
        """The product facts the question asks about (the variant, its price and stock), read
        from the catalog before the model's turn and given to it as `get_product` results, so
        it states them instead of guessing."""
        turn = self.turn
        if turn.intent.kind not in NEEDS_RETRIEVAL or not self.config.tool_enabled("get_product"):
            return
        found = await in_store(
            turn.tenant,
            catalog_facts,
            question=turn.text,
            matches=products.matches if products else [],
        )
        if found is None:
            return
        calls = [
            ToolCall(id=f"catalog-{index}", name="get_product", arguments={"product_id": f["id"]})
            for index, f in enumerate(found.facts)
        ]
        messages.append(ChatMessage(role="assistant", content="", tool_calls=calls))
        for call, facts, card in zip(calls, found.facts, found.products, strict=True):
            self.cards[card["id"]] = card
            self.result.tool_calls.append(
                {"name": call.name, "arguments": call.arguments, "result": {"found": True}}
            )
            yield Tool(message_id=self.message_id, name=call.name, status="started")
            yield Tool(
                message_id=self.message_id,
                name=call.name,
                status="finished",
                result={"found": True},
            )
            content = tool_result_content({"found": True, "product": facts}, self.sources)
            messages.append(ChatMessage(role="tool", content=content, tool_call_id=call.id))
        self.result.unanswered = False

    async def _tool(
        self, call: ToolCall, messages: list[ChatMessage], searched: list[dict[str, Any]]
    ) -> AsyncIterator[Event]:
        """Run the model's tool call and hand its result back to the model."""
        yield Tool(message_id=self.message_id, name=call.name, status="started")
        turn = self.turn
        output = await in_store(
            turn.tenant,
            tool_run,
            tenant=turn.tenant,
            conversation=turn.conversation,
            config=self.config,
            ip=turn.shopper.ip,
            name=call.name,
            arguments=call.arguments,
        )
        if output.get("found") or output.get("products"):
            self.result.unanswered = False
        for card in output.get("products", []):
            self.cards[card["id"]] = card
            searched.append(card)
        summary = _tool_summary(output)
        arguments = {k: v for k, v in call.arguments.items() if k != "email"}
        self.result.tool_calls.append(
            {"name": call.name, "arguments": arguments, "result": summary}
        )
        yield Tool(
            message_id=self.message_id,
            name=call.name,
            status="failed" if "error" in output else "finished",
            result=summary,
        )
        messages.append(
            ChatMessage(
                role="tool", content=tool_result_content(output, self.sources), tool_call_id=call.id
            )
        )


def _tool_summary(output: dict[str, Any]) -> dict[str, Any]:
    """What the shopper's client and the turn log see of a tool result."""
    if "error" in output:
        return {"error": output["error"]}
    if "products" in output:
        return {"count": len(output["products"])}
    return {k: v for k, v in output.items() if k in ("found", "handed_off")}


async def _chunks(stream: AsyncIterator[Chunk], stop: asyncio.Event) -> AsyncIterator[Chunk]:
    """The provider's chunks until it ends or `stop` is set; a provider that stays silent for
    PROVIDER_CHUNK_TIMEOUT_S raises a timeout ProviderError."""
    iterator = aiter(stream)
    stopped = asyncio.ensure_future(stop.wait())
    try:
        while True:
            following = asyncio.ensure_future(anext(iterator))
            done, _ = await asyncio.wait(
                {following, stopped},
                timeout=PROVIDER_CHUNK_TIMEOUT_S,
                return_when=asyncio.FIRST_COMPLETED,
            )
            if stopped in done or following not in done:
                following.cancel()
                await asyncio.gather(following, return_exceptions=True)
                if stopped in done:
                    return
                raise ProviderError(
                    "timeout", f"no response from the model in {PROVIDER_CHUNK_TIMEOUT_S:.0f} s"
                )
            try:
                yield following.result()
            except StopAsyncIteration:
                return
    finally:
        stopped.cancel()
        closer = getattr(iterator, "aclose", None)
        if closer is not None:
            with suppress(Exception):
                await closer()
