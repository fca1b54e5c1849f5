"""`manage.py bench chat_quality`: answer quality of the grounded responder.

Every question of demo/questions.json (policies, products, orders, and questions the store
cannot answer) goes through `reply_stream` in a new conversation of a throwaway store seeded
like the demo store. An answer passes when it contains one of the expected facts (any case)
and cites the expected source: a knowledge source by name, a product by handle, or an order
lookup; questions without a source (unknown topics, failed order lookups) pass when the answer
says so and cites nothing. Reports the share that pass, overall and per kind.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import statistics
from collections.abc import Callable
from typing import Any

from django.conf import settings

from apps.catalog.services.demo import demo_catalog_ensure, demo_orders_ensure
from apps.conversations.pipeline.config import turn_config_for_store
from apps.conversations.pipeline.events import Event
from apps.conversations.pipeline.run import reply_stream
from apps.conversations.pipeline.turn import Shopper
from apps.conversations.services.conversations import conversation_start
from apps.core.tenancy import tenant_context
from apps.knowledge.demo import demo_knowledge_ensure
from apps.knowledge.services.sync import source_sync
from apps.tenants import provisioning
from apps.tenants.services import tenant_provision

Log = Callable[[str], None]
QUESTIONS = settings.BASE_DIR / "apps" / "conversations" / "demo" / "questions.json"


def questions_load() -> list[dict[str, Any]]:
    return json.loads(QUESTIONS.read_text(encoding="utf-8"))


def answer_passes(
    *, question: dict[str, Any], text: str, citations: list[dict[str, Any]]
) -> tuple[bool, bool]:
    """(contains an expected fact, cites the expected source)."""
    has_fact = any(fact.lower() in text.lower() for fact in question["expected"])
    expected = question["source"]
    if expected is None:
        return has_fact, not citations
    accepted = {expected} if isinstance(expected, str) else set(expected)
    cited = set()
    for citation in citations:
        if citation["kind"] == "knowledge":
            cited |= {citation["source_name"], citation["title"]}
        elif citation["kind"] == "product":
            cited.add(citation["handle"])
        else:
            cited.add("order")
    return has_fact, bool(accepted & cited)


async def _ask(tenant: Any, question: str) -> tuple[str, list[dict[str, Any]], float | None]:
    # Each question is a new shopper (session and address), so the failed order lookups the
    # bench asks for on purpose never reach the lookup limits.
    shopper = f"bench-quality-{secrets.token_hex(6)}"

    def start() -> Any:
        with tenant_context(tenant):
            return conversation_start(channel="api", session_id=shopper)

    from asgiref.sync import sync_to_async

    conversation = await sync_to_async(start)()
    config = await sync_to_async(turn_config_for_store)(tenant=tenant)
    text, citations, first = "", [], None
    event: Event
    async for event in reply_stream(
        tenant=tenant,
        conversation=conversation,
        text=question,
        config=config,
        shopper=Shopper(ip=shopper),
    ):
        if event.type == "delta":
            text += event.text
        elif event.type == "citations":
            citations = event.citations
        elif event.type == "done":
            first = event.timings.get("first_token_ms")
    return text, citations, first


def quality_evaluate(*, tenant: Any, questions: list[dict[str, Any]], log: Log) -> dict[str, Any]:
    async def ask_all() -> list[tuple[str, list[dict[str, Any]], float | None]]:
        return [await _ask(tenant, q["question"]) for q in questions]

    answers = asyncio.run(ask_all())
    passed: dict[str, list[bool]] = {}
    first_ms = []
    for question, (text, citations, first) in zip(questions, answers, strict=True):
        fact, source = answer_passes(question=question, text=text, citations=citations)
        passed.setdefault(question["kind"], []).append(fact and source)
        if first is not None:
            first_ms.append(first)
        if not (fact and source):
            log(f"miss {question['id']} (fact={fact}, source={source}): {question['question']}")
            log(f"   -> {text[:300]!r} cites {[c.get('title') for c in citations]}")
    everything = [ok for oks in passed.values() for ok in oks]
    figures: dict[str, Any] = {
        "questions": len(everything),
        "answer_accuracy": round(sum(everything) / len(everything), 3),
    }
    for kind, oks in sorted(passed.items()):
        figures[f"{kind}_accuracy"] = round(sum(oks) / len(oks), 3)
    first_ms.sort()
    figures["first_delta_p50_ms_sequential"] = round(statistics.median(first_ms), 1)
    figures["first_delta_p95_ms_sequential"] = round(first_ms[int(0.95 * (len(first_ms) - 1))], 1)
    return figures


def run(*, size: int | None, quick: bool, log: Log) -> dict[str, Any]:
    tenant = tenant_provision(name="Chat quality bench", slug=f"bench-q-{secrets.token_hex(3)}")
    try:
        with tenant_context(tenant):
            for source in demo_knowledge_ensure():
                source_sync(source_id=source.pk)
            demo_catalog_ensure()
            demo_orders_ensure()
        questions = questions_load()
        log(f"chat quality: {len(questions)} questions through the grounded responder")
        return quality_evaluate(tenant=tenant, questions=questions, log=log)
    finally:
        provisioning.schema_drop(schema_name=tenant.schema_name)
        tenant.delete()
