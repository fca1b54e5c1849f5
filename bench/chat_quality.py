"""`manage.py bench chat_quality [--split dev|holdout|all]`: answer quality of the grounded
responder on two stores.

Two demo stores are seeded, each in a throwaway store, through the same pipelines merchants
use: Demo Outfitters (apps/conversations/demo/questions.json; its first 65 questions were
tuned on, so they are `dev`) and Brightwell Home, written apart from the responder and never
tuned on (brightwell_questions.json). Every question goes through `reply_stream` in a new
conversation. An answer passes when it contains one of the expected facts (any case), cites
the expected source (a knowledge source by name, a product by handle, or an order lookup;
questions without a source pass when the answer cites nothing) and makes no wrong claim. A
wrong claim is an answer containing one of the question's forbidden facts (another variant's
price, "in stock" for a sold-out variant, a stand-in date, agent-facing text): worse than "I
don't know", and counted apart. Figures per store, per split (dev: what the code may be tuned
on; holdout: what is reported), per kind; the held-out figures are the ones that count.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings

from apps.catalog.services.demo import demo_catalog_ensure, demo_orders_ensure
from apps.catalog.services.second_store_demo import (
    second_store_catalog_ensure,
    second_store_orders_ensure,
)
from apps.conversations.pipeline.config import turn_config_for_store
from apps.conversations.pipeline.events import Event
from apps.conversations.pipeline.run import reply_stream
from apps.conversations.pipeline.turn import Shopper
from apps.conversations.services.conversations import conversation_start
from apps.core.tenancy import tenant_context
from apps.knowledge.demo import demo_knowledge_ensure
from apps.knowledge.demo.second_store import second_store_knowledge_ensure
from apps.knowledge.models import Source
from apps.knowledge.services.sync import source_sync
from apps.tenants import provisioning
from apps.tenants.services import tenant_provision
from bench.common import percentile

Log = Callable[[str], None]
QUESTIONS_DIR = settings.BASE_DIR / "apps" / "conversations" / "demo"
SPLITS = ("dev", "holdout")
QUICK_QUESTIONS = 8  # per store: a smoke run
Answer = tuple[str, list[dict[str, Any]], float | None]


def _seed_demo() -> list[Source]:
    sources = demo_knowledge_ensure()
    demo_catalog_ensure()
    demo_orders_ensure()
    return sources


def _seed_second_store() -> list[Source]:
    sources = second_store_knowledge_ensure()
    second_store_catalog_ensure()
    second_store_orders_ensure()
    return sources


@dataclass(frozen=True)
class Store:
    key: str
    name: str
    questions: Path
    seed: Callable[[], list[Source]]  # on the store's connection; returns sources to index


STORES = (
    Store("demo", "Demo Outfitters", QUESTIONS_DIR / "questions.json", _seed_demo),
    Store("brightwell", "Brightwell Home", QUESTIONS_DIR / "brightwell_questions.json",
          _seed_second_store),
)  # fmt: skip


def questions_load(*, store: Store, split: str = "all") -> list[dict[str, Any]]:
    """The store's questions of one split ("dev", "holdout") or all of them."""
    questions = json.loads(store.questions.read_text(encoding="utf-8"))
    return [q for q in questions if split == "all" or q["split"] == split]


def wrong_claims(*, question: dict[str, Any], text: str) -> list[str]:
    """The question's forbidden facts that the answer states."""
    return [fact for fact in question.get("forbidden", []) if fact.lower() in text.lower()]


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


async def _ask(tenant: Any, question: dict[str, Any]) -> Answer:
    # Each question is a new shopper (session and address), so the failed order lookups the
    # bench asks for on purpose never reach the lookup limits.
    shopper = f"bench-quality-{secrets.token_hex(6)}"

    def start() -> Any:
        with tenant_context(tenant):
            return conversation_start(channel="api", session_id=shopper)

    conversation = await sync_to_async(start)()
    config = await sync_to_async(turn_config_for_store)(tenant=tenant)
    text, citations, first = "", [], None
    event: Event
    async for event in reply_stream(
        tenant=tenant,
        conversation=conversation,
        text=question["question"],
        config=config,
        shopper=Shopper(ip=shopper, email=question.get("email")),
    ):
        if event.type == "delta":
            text += event.text
        elif event.type == "citations":
            citations = event.citations
        elif event.type == "done":
            first = event.timings.get("first_token_ms")
    return text, citations, first


def _latency(first_ms: list[float]) -> dict[str, float | None]:
    return {
        "first_delta_p50_ms_sequential": percentile(first_ms, pct=50),
        "first_delta_p95_ms_sequential": percentile(first_ms, pct=95),
    }


def quality_figures(
    *, questions: list[dict[str, Any]], answers: list[Answer], log: Log
) -> dict[str, Any]:
    """Figures for one store: overall latency, then per split and per kind."""
    rows: dict[str, dict[str, list[tuple[bool, bool]]]] = {}  # split → kind → (passed, wrong)
    first_by_split: dict[str, list[float]] = {}
    for question, (text, citations, first) in zip(questions, answers, strict=True):
        fact, source = answer_passes(question=question, text=text, citations=citations)
        wrong = wrong_claims(question=question, text=text)
        passed = fact and source and not wrong
        rows.setdefault(question["split"], {}).setdefault(question["kind"], []).append(
            (passed, bool(wrong))
        )
        if first is not None:
            first_by_split.setdefault(question["split"], []).append(first)
        if not passed:
            log(
                f"miss {question['id']} [{question['split']}] (fact={fact}, source={source}, "
                f"wrong={wrong}): {question['question'][:200]}"
            )
            log(f"   -> {text[:300]!r} cites {[c.get('title') for c in citations]}")
    figures: dict[str, Any] = {
        "questions": len(questions),
        **_latency([ms for values in first_by_split.values() for ms in values]),
    }
    for split, kinds in sorted(rows.items()):
        everything = [row for kind_rows in kinds.values() for row in kind_rows]
        figures[split] = {
            "questions": len(everything),
            "answer_accuracy": _share(everything),
            "wrong_claims": sum(wrong for _, wrong in everything),
            **_latency(first_by_split.get(split, [])),
            "kinds": {
                kind: {
                    "questions": len(kind_rows),
                    "accuracy": _share(kind_rows),
                    "wrong_claims": sum(wrong for _, wrong in kind_rows),
                }
                for kind, kind_rows in sorted(kinds.items())
            },
        }
    return figures


def _share(rows: list[tuple[bool, bool]]) -> float:
    return round(sum(passed for passed, _ in rows) / len(rows), 3)


def store_evaluate(*, store: Store, split: str, limit: int | None, log: Log) -> dict[str, Any]:
    """Seed the store into a throwaway tenant, ask its questions one after another, drop it."""
    tenant = tenant_provision(
        name=f"Chat quality bench: {store.name}", slug=f"bench-q-{secrets.token_hex(3)}"
    )
    try:
        with tenant_context(tenant):
            for source in store.seed():
                source_sync(source_id=source.pk)
        questions = questions_load(store=store, split=split)[:limit]
        log(f"chat quality, {store.name}: {len(questions)} questions ({split})")

        async def ask_all() -> list[Answer]:
            return [await _ask(tenant, question) for question in questions]

        answers = asyncio.run(ask_all())
        return quality_figures(questions=questions, answers=answers, log=log)
    finally:
        provisioning.schema_drop(schema_name=tenant.schema_name)
        tenant.delete()


def run(*, size: int | None, quick: bool, log: Log, split: str = "all") -> dict[str, Any]:
    if split not in (*SPLITS, "all"):
        raise RuntimeError(f"Unknown split {split!r}; choose dev, holdout or all")
    limit = QUICK_QUESTIONS if quick else size
    return {
        "split": split,
        "stores": {
            store.key: store_evaluate(store=store, split=split, limit=limit, log=log)
            for store in STORES
        },
    }
