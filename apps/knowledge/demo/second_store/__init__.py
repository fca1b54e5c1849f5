"""Brightwell Home's knowledge (the second demo store): one long support-desk handbook written
for staff, loaded as a text source the way a merchant would paste it."""

from __future__ import annotations

from pathlib import Path

from apps.knowledge.demo import page_title
from apps.knowledge.models import Source
from apps.knowledge.services.sync import source_sync_request

HANDBOOK = Path(__file__).resolve().parent / "support-handbook.md"


def second_store_knowledge_ensure() -> list[Source]:
    """Create the handbook source unless it exists (by name) and queue its sync. Call on the
    second store's connection."""
    markdown = HANDBOOK.read_text(encoding="utf-8")
    name = page_title(markdown, HANDBOOK.name)
    if Source.objects.filter(name=name).exists():
        return []
    source = Source.objects.create(
        kind=Source.Kind.TEXT, name=name, config={"text": markdown, "format": "markdown"}
    )
    source_sync_request(source=source)
    return [source]
