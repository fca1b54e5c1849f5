"""What one turn of the answer pipeline knows and produces: the shopper's request, the turn as
prepared before its first word, and the result persisted at its end."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from apps.conversations.models import Conversation, Message
from apps.conversations.pipeline.citations import Sources
from apps.conversations.pipeline.config import TurnConfig
from apps.conversations.pipeline.context import Passage, ProductContext
from apps.conversations.pipeline.grounded.intents import Intent
from apps.conversations.pipeline.grounded.responder import GroundedAnswer, grounded_answer
from apps.conversations.pipeline.llm.base import ChatMessage, Provider
from apps.tenants.models import Tenant

# Intents answered from retrieved store data.
NEEDS_RETRIEVAL = {"question", "shopping"}


@dataclass(frozen=True)
class OrderQuery:
    """`message.order`: the turn is an order lookup with this number and email (the
    storefront's shopper email when the client sent none)."""

    number: str
    email: str | None


@dataclass(frozen=True)
class Shopper:
    """What the shopper's client asked for besides the text (never stored)."""

    email: str | None = None
    order: OrderQuery | None = None
    handoff: bool = False
    ip: str = "unknown"

    def intent(self) -> Intent | None:
        """The turn's intent when the client named it (an order lookup, a handoff)."""
        if self.order is not None:
            email = self.order.email or self.email
            return Intent(kind="order", order_number=self.order.number, email=email)
        return Intent(kind="handoff") if self.handoff else None


NO_EXTRAS = Shopper()


@dataclass
class Retrieved:
    passages: list[Passage]
    products: ProductContext
    log: dict[str, Any]  # the turn log's "retrieved"
    took_ms: float


@dataclass
class Turn:
    """Everything the turn knows before its first word: its configuration, the intent, what was
    retrieved, when no model is to answer the grounded answer and, once stored (run.py stores
    them while the rest is prepared), the shopper's question and the streaming answer."""

    tenant: Tenant
    conversation: Conversation
    text: str
    config: TurnConfig
    shopper: Shopper
    provider: Provider | None  # the model answering this turn (None: the grounded responder)
    history: list[ChatMessage]
    intent: Intent
    sources: Sources = field(default_factory=Sources)
    retrieval: Retrieved | None = None
    answer: GroundedAnswer | None = None
    # An error after the messages were stored: raised where the turn can still record it.
    failure: Exception | None = None
    question: Message | None = None  # None for a handoff request
    message: Message = field(init=False)

    def grounded_answer(self) -> GroundedAnswer:
        """The grounded responder's answer (on a database thread in the store)."""
        return grounded_answer(
            tenant=self.tenant,
            conversation=self.conversation,
            intent=self.intent,
            question=self.text,
            config=self.config,
            passages=self.retrieval.passages if self.retrieval else [],
            products=self.retrieval.products if self.retrieval else None,
            sources=self.sources,
            ip=self.shopper.ip,
        )


@dataclass
class Result:
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


def ms_since(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
