"""The demo store's knowledge base (Markdown help pages + an FAQ list), seeded by `make dev`
and used by `bench retrieval`. See README.md in this folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from apps.knowledge.models import FaqEntry, Source
from apps.knowledge.services.sync import source_sync, source_sync_request

DEMO_DIR = Path(__file__).resolve().parent
FAQ_SOURCE_NAME = "Frequently asked questions"


def demo_pages() -> dict[str, str]:
    """Help page file name → Markdown text."""
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(DEMO_DIR.glob("*.md"))
        if path.name != "README.md"
    }


def demo_faq() -> list[dict[str, str]]:
    return json.loads((DEMO_DIR / "faq.json").read_text(encoding="utf-8"))


def demo_questions() -> list[dict[str, Any]]:
    return json.loads((DEMO_DIR / "questions.json").read_text(encoding="utf-8"))


def page_title(markdown: str, fallback: str) -> str:
    first = markdown.lstrip().splitlines()[0] if markdown.strip() else ""
    return first.lstrip("# ").strip() or fallback


def demo_knowledge_ensure() -> list[Source]:
    """Create the demo sources that do not exist yet (by name) and queue their syncs.
    Call on the demo store's connection."""
    created = []
    for filename, markdown in demo_pages().items():
        name = page_title(markdown, filename)
        if not Source.objects.filter(name=name).exists():
            created.append(
                Source.objects.create(
                    kind=Source.Kind.TEXT,
                    name=name,
                    config={"text": markdown, "format": "markdown"},
                )
            )
    if not Source.objects.filter(name=FAQ_SOURCE_NAME, kind=Source.Kind.FAQ).exists():
        faq = Source.objects.create(kind=Source.Kind.FAQ, name=FAQ_SOURCE_NAME)
        FaqEntry.objects.bulk_create(FaqEntry(source=faq, **entry) for entry in demo_faq())
        created.append(faq)
    for source in created:
        source_sync_request(source=source)
    return created


def demo_knowledge_sync_now() -> None:
    """Index the demo's pages and FAQ here rather than in the worker, for seeding that answers
    from them at once. The worker's queued syncs then find them unchanged (cheap)."""
    for source in Source.objects.filter(kind__in=[Source.Kind.TEXT, Source.Kind.FAQ]).exclude(
        status=Source.Status.READY
    ):
        source_sync(source_id=source.pk)
