"""The events a reply streams to its client, shared by the WebSocket consumer, the SSE and JSON
endpoints and the playground. Every event carries the id of the assistant message it belongs
to. `to_json()` is the wire format (documented in README, "Chat protocol").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ErrorCode = Literal[
    "rate_limited",  # too many messages (session, IP or store)
    "too_large",  # message over the size limit
    "busy",  # a generation is already running in this session
    "invalid",  # malformed frame, unknown event type, empty message
    "unavailable",  # the store is suspended or the assistant cannot answer at all
    "internal",
]


@dataclass(frozen=True)
class Delta:
    message_id: str
    text: str
    type: Literal["delta"] = "delta"


@dataclass(frozen=True)
class Citations:
    message_id: str
    citations: list[dict[str, Any]]  # [{n, source_id, title, url, section, snippet}]
    type: Literal["citations"] = "citations"


@dataclass(frozen=True)
class Products:
    message_id: str
    products: list[dict[str, Any]]  # product cards (catalog.search.ProductCard as JSON)
    type: Literal["products"] = "products"


@dataclass(frozen=True)
class Tool:
    message_id: str
    name: str  # search_products | get_product | lookup_order | handoff_to_human
    status: Literal["started", "finished", "failed"]
    result: dict[str, Any] = field(default_factory=dict)  # shopper-safe summary
    type: Literal["tool"] = "tool"


@dataclass(frozen=True)
class Done:
    message_id: str
    status: Literal["complete", "stopped", "failed"]
    timings: dict[str, float | None] = field(default_factory=dict)  # retrieval/first_token/total
    type: Literal["done"] = "done"


@dataclass(frozen=True)
class Error:
    message_id: str | None
    code: ErrorCode
    detail: str
    type: Literal["error"] = "error"


Event = Delta | Citations | Products | Tool | Done | Error


def to_json(event: Event) -> dict[str, Any]:
    # A shallow copy: `asdict` deep-copies citations and products, for every frame of every
    # turn, and the frame is only encoded.
    return dict(vars(event))
