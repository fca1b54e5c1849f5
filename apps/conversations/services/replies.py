"""The answer pipeline: one shopper message in, a stream of events out.

history → retrieval (knowledge, then products) → an LLM turn with tools, or the grounded
responder → citations resolved to sources → the assistant message persisted with its turn log →
a usage event for billing → `Done`.

Blocking work runs in the store on a reply thread (`threads.in_store`), never on the event
loop. Each hop to a thread costs CPU (a connection health check, the store's search_path, the
hand-over itself), and under load CPU is what bounds throughput: a grounded turn therefore
makes two hops, one that prepares everything up to the answer's text and one that persists it.
A provider that fails, times out or is rate limited never ends a turn: the grounded responder
answers instead and the turn log says why.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from apps.conversations.citations import Sources
from apps.conversations.context import (
    Passage,
    ProductContext,
    passages_retrieve,
    products_retrieve,
)
from apps.conversations.events import Citations, Delta, Done, Error, Event, Products, Tool
from apps.conversations.grounded.intents import Intent, intent_detect
from apps.conversations.grounded.responder import (
    GroundedAnswer,
    grounded_answer,
    retrieval_relevant,
)
from apps.conversations.grounded.text import word_groups
from apps.conversations.llm.base import (
    ChatMessage,
    Chunk,
    Provider,
    ProviderError,
    TextChunk,
    ToolCall,
    ToolCallChunk,
    UsageChunk,
)
from apps.conversations.models import AssistantSettings, Conversation, Message, UsageEvent
from apps.conversations.prompting import prompt_build, tool_result_content
from apps.conversations.services.assistant_settings import (
    assistant_generation_settings,
    assistant_provider,
    assistant_settings_get,
)
from apps.conversations.services.conversations import messages_append
from apps.conversations.services.threads import in_store
from apps.conversations.shopper import OrderQuery
from apps.conversations.tools import TOOL_SPECS, card_json, tool_run
from apps.knowledge.services.settings import knowledge_settings_get

logger = logging.getLogger(__name__)

HISTORY_MESSAGES = 20
MAX_TOOL_ROUNDS = 3
# Longest wait for the model's next chunk (the first included) before falling back.
PROVIDER_CHUNK_TIMEOUT_S = 20.0
_NEEDS_RETRIEVAL = {"question", "shopping"}


@dataclass
class _Retrieval:
    passages: list[Passage]
    products: ProductContext
    log: dict[str, Any]  # the turn log's "retrieved"
    took_ms: float


@dataclass
class _Turn:
    """Everything the turn knows before its first word: the stored messages, the settings, the
    intent, what was retrieved and, when no model is to answer, the grounded answer itself."""

    question: Message | None  # None for a handoff request
    message: Message
    settings: AssistantSettings
    provider: Provider | None  # the model answering this turn (None: the grounded responder)
    history: list[ChatMessage]
    intent: Intent
    sources: Sources
    retrieval: _Retrieval | None = None
    answer: GroundedAnswer | None = None
    # An error after the messages were stored: raised where the turn can still record it.
    failure: Exception | None = None


@dataclass
class _Result:
    """What the turn has produced so far (persisted at the end, whatever happens)."""

    content: str = ""
    citations: list[dict[str, Any]] = field(default_factory=list)
    products: list[dict[str, Any]] = field(default_factory=list)
    tool_calls: list[dict[str, Any]] = field(default_factory=list)
    log: dict[str, Any] = field(default_factory=dict)
    provider: str = "grounded"
    model: str = ""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    retrieval_ms: float | None = None
    first_token_ms: float | None = None
    best_similarity: float | None = None
    unanswered: bool = False


@dataclass(frozen=True)
class _Shopper:
    """What the shopper's client asked for besides the text (never stored)."""

    email: str | None
    order: OrderQuery | None
    handoff: bool
    ip: str

    def intent(self) -> Intent | None:
        """The turn's intent when the client named it (an order lookup, a handoff)."""
        if self.order is not None:
            email = self.order.email or self.email
            return Intent(kind="order", order_number=self.order.number, email=email)
        return Intent(kind="handoff") if self.handoff else None


def _retrieve(*, question: str) -> _Retrieval:
    """Knowledge and products for the question, one after the other on this thread: running
    them on two threads saves a few milliseconds of one turn but costs a hop, which under load
    costs every turn more."""
    began = time.perf_counter()
    knowledge = knowledge_settings_get()
    passages, _took = passages_retrieve(question=question, knowledge=knowledge)
    products = products_retrieve(question=question, knowledge=knowledge)
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
    return _Retrieval(passages=passages, products=products, log=log, took_ms=_ms(began))


def _turn_prepare(
    *, tenant: Any, conversation: Conversation, text: str, shopper: _Shopper
) -> _Turn:
    """The turn's one hop before its first word: history, the two new messages, settings,
    intent, retrieval and (without a model) the grounded answer."""
    # Only what the history needs (turn logs, citations and products are large JSON), and
    # not through `conversation.messages`, which would load each row's deferred foreign key.
    earlier = list(
        Message.objects.filter(
            conversation_id=conversation.pk,
            status__in=[Message.Status.COMPLETE, Message.Status.STOPPED],
        )
        .only("role", "content")
        .order_by("-seq")[:HISTORY_MESSAGES]
    )
    # A handoff request (the widget's button) is no shopper message: only the answer is added.
    question: list[dict[str, object]] = (
        [] if shopper.handoff else [{"role": Message.Role.USER, "content": text}]
    )
    *stored, message = messages_append(
        conversation=conversation,
        messages=[*question, {"role": Message.Role.ASSISTANT, "status": Message.Status.STREAMING}],
    )
    settings = assistant_settings_get()
    named = shopper.intent()
    intent = named or intent_detect(
        question=text,
        earlier_questions=[m.content for m in earlier if m.role == Message.Role.USER],
        shopper_email=shopper.email,
        refused_topics=[str(t) for t in settings.refused_topics],
    )
    provider = (
        assistant_provider(row=settings) if intent.kind != "refused" and named is None else None
    )
    turn = _Turn(
        question=stored[0] if stored else None,
        message=message,
        settings=settings,
        provider=provider,
        history=[
            ChatMessage(
                role="user" if m.role == Message.Role.USER else "assistant", content=m.content
            )
            for m in reversed(earlier)
            if m.content
        ],
        intent=intent,
        sources=Sources(),
    )
    try:
        if (
            provider is not None
            or intent.kind in _NEEDS_RETRIEVAL
            or (intent.kind == "handoff" and not settings.handoff_enabled)
        ):
            turn.retrieval = _retrieve(question=text)
        if provider is None:
            turn.answer = _grounded_answer(tenant, conversation, turn, text, shopper)
    except Exception as error:
        turn.failure = error
    return turn


def _grounded_answer(
    tenant: Any, conversation: Conversation, turn: _Turn, question: str, shopper: _Shopper
) -> GroundedAnswer:
    return grounded_answer(
        tenant=tenant,
        conversation=conversation,
        intent=turn.intent,
        question=question,
        settings=turn.settings,
        passages=turn.retrieval.passages if turn.retrieval else [],
        products=turn.retrieval.products if turn.retrieval else None,
        sources=turn.sources,
        ip=shopper.ip,
    )


@transaction.atomic
def _turn_finish(*, message: Message, status: str, result: _Result, total_ms: float) -> None:
    message.status = status
    message.content = result.content
    message.citations = result.citations
    message.products = result.products
    message.tool_calls = result.tool_calls
    message.turn_log = result.log
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


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)


async def reply_stream(
    *,
    tenant: Any,
    conversation: Conversation,
    text: str,
    stop: asyncio.Event | None = None,
    shopper_email: str | None = None,
    order: OrderQuery | None = None,
    handoff: bool = False,
    ip: str = "unknown",
    on_stored: Callable[[Message], None] | None = None,
) -> AsyncIterator[Event]:
    """Answer `text` in `conversation`. Every event carries the new assistant message's id;
    the last one is always `Done`. Setting `stop` ends generation early: what was produced is
    kept with status `stopped`. `shopper_email`, when the storefront knows it, stands in for
    the email an order lookup needs. `order` makes the turn that order's lookup; `handoff`
    hands the conversation to the team (no shopper message is stored, `text` is ignored);
    both skip intent detection and the LLM. `ip` (the shopper's) counts failed lookups.
    `on_stored` is called on the event loop with each message as it is stored: the shopper's
    question once appended, the answer once persisted (before `Done`), so callers need not
    read them back."""
    started = time.perf_counter()
    stop = stop or asyncio.Event()
    shopper = _Shopper(email=shopper_email, order=order, handoff=handoff, ip=ip)
    turn = await in_store(
        tenant, _turn_prepare, tenant=tenant, conversation=conversation, text=text, shopper=shopper
    )
    if on_stored is not None and turn.question is not None:
        on_stored(turn.question)
    message_id = str(turn.message.public_id)
    result = _Result()
    status = Message.Status.COMPLETE
    pipeline = _Pipeline(tenant, conversation, turn, text, stop, shopper, result, started)
    try:
        async for event in pipeline.run():
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
                message=turn.message,
                status=Message.Status.STOPPED,
                result=result,
                total_ms=_ms(started),
            )
        )
        raise
    total_ms = _ms(started)
    await in_store(
        tenant, _turn_finish, message=turn.message, status=status, result=result, total_ms=total_ms
    )
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


class _Pipeline:
    def __init__(
        self,
        tenant: Any,
        conversation: Conversation,
        turn: _Turn,
        question: str,
        stop: asyncio.Event,
        shopper: _Shopper,
        result: _Result,
        started: float,
    ) -> None:
        self.tenant = tenant
        self.conversation = conversation
        self.turn = turn
        self.settings = turn.settings
        self.question = question
        self.stop = stop
        self.shopper = shopper
        self.result = result
        self.started = started
        self.sources = turn.sources
        self.message_id = str(turn.message.public_id)
        self.cards: dict[int, dict[str, Any]] = {}

    def _delta(self, text: str) -> Delta:
        if self.result.first_token_ms is None:
            self.result.first_token_ms = _ms(self.started)
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
            self.result.unanswered = (
                turn.intent.kind in _NEEDS_RETRIEVAL and not retrieval_relevant(passages, products)
            )
            try:
                async for event in self._llm(turn.provider, passages, products):
                    yield event
                return
            except Exception as error:  # any provider failure: the grounded responder answers
                kind = error.kind if isinstance(error, ProviderError) else "unavailable"
                detail = error.detail if isinstance(error, ProviderError) else type(error).__name__
                logger.warning("provider failed, answering grounded", extra={"kind": kind})
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
            answer = await in_store(
                self.tenant,
                _grounded_answer,
                self.tenant,
                self.conversation,
                self.turn,
                self.question,
                self.shopper,
            )
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
        self.result.provider = provider.name
        self.result.model = self.settings.llm_model
        self.result.log["answer"] = "llm"
        messages = prompt_build(
            settings=self.settings,
            history=self.turn.history,
            question=self.question,
            passages=passages,
            products=products,
            sources=self.sources,
        )
        tools = [
            spec
            for spec in TOOL_SPECS
            if spec.name != "handoff_to_human" or self.settings.handoff_enabled
        ]
        generation = assistant_generation_settings(row=self.settings)
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
                yield Tool(message_id=self.message_id, name=call.name, status="started")
                output = await in_store(
                    self.tenant,
                    tool_run,
                    tenant=self.tenant,
                    conversation=self.conversation,
                    ip=self.shopper.ip,
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
                failed = "error" in output
                yield Tool(
                    message_id=self.message_id,
                    name=call.name,
                    status="failed" if failed else "finished",
                    result=summary,
                )
                messages.append(
                    ChatMessage(
                        role="tool",
                        content=tool_result_content(output, self.sources),
                        tool_call_id=call.id,
                    )
                )
        cited_ids = [
            s["product_id"]
            for s in self.sources.cited(self.result.content)
            if s["kind"] == "product"
        ]
        shown = [self.cards[i] for i in cited_ids if i in self.cards] or searched
        async for event in self._closing(shown):
            yield event


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
