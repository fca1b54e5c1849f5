"""The built-in grounded responder: answers from retrieved passages, product data and tool
results, without a language model. It never follows retrieved text (it only quotes sentences,
and skips passages flagged as instruction-like), cites every fact, and says plainly when the
store's data has no answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from apps.conversations.models import Conversation
from apps.conversations.pipeline.citations import Sources
from apps.conversations.pipeline.config import Persona, Retrieval, TurnConfig
from apps.conversations.pipeline.context import Passage, ProductContext
from apps.conversations.pipeline.grounded import compose
from apps.conversations.pipeline.grounded.intents import DETAIL_TERMS, HOW_MUCH, Intent
from apps.conversations.pipeline.grounded.order_answer import order_answer
from apps.conversations.pipeline.grounded.passages import (
    SentenceMeaning,
    passage_relevance,
    passages_answer,
    sentence_meaning_load,
)
from apps.conversations.pipeline.grounded.policy_questions import asks_about_policy
from apps.conversations.pipeline.grounded.products import catalog_answer
from apps.conversations.pipeline.grounded.text import terms
from apps.conversations.pipeline.tools import (
    card_json,
    get_product,
    handoff_to_human,
    shopper_order_lookup,
)
from apps.tenants.models import Tenant

# An FAQ answer this close to the best passage is preferred (it answers a question directly).
FAQ_PREFERENCE = 0.05
PRODUCTS_SHOWN = 3
# A knowledge sentence is added to a product detail answer when the passage is this close.
DETAIL_PASSAGE_SIMILARITY = 0.55


@dataclass
class GroundedAnswer:
    text: str
    kind: str
    products: list[dict[str, Any]] = field(default_factory=list)
    tool_calls: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def dont_know(persona: Persona) -> str:
    text = "I don't know — I couldn't find that in the store's information."
    return text + (" Want me to connect you with the team?" if persona.handoff_enabled else "")


def retrieval_relevant(
    passages: list[Passage], products: ProductContext | None, retrieval: Retrieval
) -> bool:
    """Whether retrieval found anything close enough to answer from (the same thresholds the
    grounded responder quotes and shows products by)."""
    return any(
        p.similarity >= retrieval.passage_min_similarity and not p.hit.looks_like_instructions
        for p in passages
    ) or any(
        m.similarity >= retrieval.product_min_similarity
        for m in (products.matches if products else [])
    )


def _usable_passages(
    passages: list[Passage], retrieval: Retrieval, meaning: SentenceMeaning, notes: list[str]
) -> list[Passage]:
    usable = []
    for passage in passages:
        if passage.hit.looks_like_instructions:
            notes.append(f"skipped instruction-like chunk {passage.hit.chunk_id}")
        elif passage_relevance(passage, meaning, retrieval) >= retrieval.passage_min_similarity:
            usable.append(passage)
    # Retrieval's fused rank finds the candidates; the closest in meaning answers first.
    usable.sort(key=lambda p: -passage_relevance(p, meaning, retrieval))
    if usable:
        best = usable[0].similarity
        faq = [
            p
            for p in usable
            if p.hit.source_kind == "faq" and p.similarity >= best - FAQ_PREFERENCE
        ]
        if faq and faq[0] is not usable[0]:
            usable.remove(faq[0])
            usable.insert(0, faq[0])
    return usable


def _order(
    *,
    tenant: Tenant,
    conversation: Conversation,
    ip: str,
    intent: Intent,
    persona: Persona,
    sources: Sources,
) -> GroundedAnswer:
    if not intent.order_number or not intent.email:
        missing = " and ".join(
            name
            for name, value in (
                ("order number", intent.order_number),
                ("email address", intent.email),
            )
            if not value
        )
        return GroundedAnswer(
            text=f"I can look up your order. Please send me the {missing} you used at checkout.",
            kind="order_details_needed",
        )
    result = shopper_order_lookup(
        tenant=tenant,
        conversation=conversation,
        ip=ip,
        number=intent.order_number,
        email=intent.email,
    )
    call = {
        "name": "lookup_order",
        "arguments": {"number": intent.order_number},  # the email is personal data: not logged
        "result": {k: v for k, v in result.items() if k in ("found", "error")},
    }
    if not result["found"]:
        text = (
            "I couldn't find an order with that number and email address. Please check both: "
            "the number is in your order confirmation email."
        )
        if persona.handoff_enabled:
            text += " I can also connect you with the team."
        kind = "order_rate_limited" if "error" in result else "order_not_found"
        return GroundedAnswer(text=text, kind=kind, tool_calls=[call])
    return GroundedAnswer(
        text=order_answer(order=result["order"], sources=sources),
        kind="order",
        tool_calls=[call],
    )


def grounded_answer(
    *,
    tenant: Tenant,
    conversation: Conversation,
    intent: Intent,
    question: str,
    config: TurnConfig,
    passages: list[Passage],
    products: ProductContext | None,
    sources: Sources,
    ip: str,
) -> GroundedAnswer:
    """Runs on a database thread in the store (tools read orders and products). `ip` is the
    shopper's, for the order lookup limits."""
    persona = config.persona
    if intent.kind == "refused":
        return GroundedAnswer(
            text=f"Sorry, I can't help with {intent.refused_topic}. I can answer questions about "
            "our products, your orders and the store's policies.",
            kind="refused",
        )
    if intent.kind == "greeting":
        return GroundedAnswer(
            text=f"Hi! I'm {persona.name}. Ask me about products, your order, shipping, returns "
            "or anything else about the store.",
            kind="greeting",
        )
    if intent.kind == "thanks":
        return GroundedAnswer(text="You're welcome! Anything else I can help with?", kind="thanks")
    if intent.kind == "handoff" and persona.handoff_enabled:
        result = handoff_to_human(tenant=tenant, conversation=conversation, reason=question)
        return GroundedAnswer(
            text=persona.escalation_message,
            kind="handoff",
            tool_calls=[{"name": "handoff_to_human", "arguments": {}, "result": result}],
        )
    if intent.kind == "order":
        return _order(
            tenant=tenant,
            conversation=conversation,
            ip=ip,
            intent=intent,
            persona=persona,
            sources=sources,
        )
    return _from_store_data(question, intent, config, passages, products, sources)


def _from_store_data(
    question: str,
    intent: Intent,
    config: TurnConfig,
    passages: list[Passage],
    products: ProductContext | None,
    sources: Sources,
) -> GroundedAnswer:
    notes: list[str] = []
    retrieval = config.retrieval
    meaning = sentence_meaning_load(
        question=question, passages=passages, model_name=retrieval.embedding_model
    )
    usable = _usable_passages(passages, retrieval, meaning, notes)
    matches = products.matches if products else []
    policy = asks_about_policy(question)
    catalog = (
        None if policy else catalog_answer(question=question, matches=matches, sources=sources)
    )
    if catalog:
        return GroundedAnswer(
            text=catalog.text,
            kind=catalog.kind,
            products=catalog.products,
            tool_calls=catalog.tool_calls,
            notes=notes,
        )
    relevant = [m for m in matches if m.similarity >= retrieval.product_min_similarity]
    named = compose.named_product(question, [m for m in matches if m.similarity >= 0.3])
    if named and not policy and (terms(question) & DETAIL_TERMS or HOW_MUCH.search(question)):
        result = get_product(product_id=named.card.id)
        if result["found"]:
            text = compose.product_detail_answer(
                question=question, product=result["product"], sources=sources
            )
            if usable and usable[0].similarity >= DETAIL_PASSAGE_SIMILARITY:
                text += " " + passages_answer(
                    question=question, passages=usable[:1], sources=sources, meaning=meaning
                )
            return GroundedAnswer(
                text=text,
                kind="product_detail",
                products=[card_json(named.card)],
                tool_calls=[
                    {
                        "name": "get_product",
                        "arguments": {"product_id": named.card.id},
                        "result": {"found": True},
                    }
                ],
                notes=notes,
            )
    shown = relevant[:PRODUCTS_SHOWN]
    if shown and (
        (intent.kind == "shopping" and not policy)
        or (not usable and shown[0].similarity >= retrieval.product_only_min_similarity)
    ):
        assert products is not None
        return GroundedAnswer(
            text=compose.products_answer(
                question=question, matches=shown, max_price=products.max_price, sources=sources
            ),
            kind="products",
            products=[card_json(m.card) for m in shown],
            notes=notes,
        )
    if usable:
        return GroundedAnswer(
            text=passages_answer(
                question=question, passages=usable, sources=sources, meaning=meaning
            ),
            kind="passages",
            notes=notes,
        )
    return GroundedAnswer(text=dont_know(config.persona), kind="dont_know", notes=notes)
