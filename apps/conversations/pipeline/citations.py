"""Numbered sources of one answer and the `[n]` markers that cite them.

Knowledge passages, products and order lookups become sources as the turn gathers them; the
answer cites them by number, and only the sources its text actually cites are sent and stored.
"""

from __future__ import annotations

import re
from typing import Any

from apps.catalog.search import ProductCard
from apps.knowledge.retrieval import Hit

_MARKER = re.compile(r"\[(\d{1,3})\]")
SNIPPET_CHARS = 240


def _section_within(section: str | None, title: str) -> str | None:
    """A heading path without the document's own title, which clients show next to it:
    "Returns and exchanges > Return window" in "Returns and exchanges" is "Return window"."""
    if not section or section == title:
        return None
    return section.removeprefix(f"{title} > ")


class Sources:
    def __init__(self) -> None:
        self._by_key: dict[str, dict[str, Any]] = {}

    def _add(self, key: str, citation: dict[str, Any]) -> int:
        if key not in self._by_key:
            self._by_key[key] = {"n": len(self._by_key) + 1, **citation}
        return int(self._by_key[key]["n"])

    def add_passage(self, hit: Hit) -> int:
        body = hit.text.split("\n", 1)[-1]
        title = hit.citation.title
        return self._add(
            f"chunk:{hit.chunk_id}",
            {
                "kind": "knowledge",
                "source_id": hit.source_id,
                "source_name": hit.source_name,
                "document_id": hit.citation.document_id,
                "chunk_id": hit.chunk_id,
                "title": title,
                "url": hit.citation.url,
                "section": _section_within(hit.citation.section, title),
                "page": hit.citation.page,
                "snippet": body[:SNIPPET_CHARS],
            },
        )

    def add_product(self, card: ProductCard | dict[str, Any]) -> int:
        data = card if isinstance(card, dict) else {"id": card.id, "handle": card.handle}
        title = card["title"] if isinstance(card, dict) else card.title
        url = card["url"] if isinstance(card, dict) else card.url
        return self._add(
            f"product:{data['id']}",
            {
                "kind": "product",
                "product_id": data["id"],
                "handle": data["handle"],
                "title": title,
                "url": url or None,
            },
        )

    def add_order(self, number: str) -> int:
        return self._add(f"order:{number}", {"kind": "order", "title": f"Order {number}"})

    def all(self) -> list[dict[str, Any]]:
        return list(self._by_key.values())

    def cited(self, text: str) -> list[dict[str, Any]]:
        """The sources `text` cites, in order of number; unknown numbers are ignored."""
        numbers = {int(n) for n in _MARKER.findall(text)}
        return [source for source in self._by_key.values() if source["n"] in numbers]
