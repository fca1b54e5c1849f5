"""What a reply knows before it answers: the best knowledge passages and products for the
shopper's question, each with its cosine similarity to the question.

Retrieval ranks by fused reciprocal rank, which says which passage is best but not whether it
is any good; the similarity (computed by the searches themselves) is the absolute signal the
answer layer needs to say "I don't know".
"""

from __future__ import annotations

from dataclasses import dataclass

from apps.catalog.search import ProductCard, product_search
from apps.conversations.pipeline.config import Retrieval
from apps.knowledge.retrieval import Hit, knowledge_search


@dataclass(frozen=True)
class Passage:
    hit: Hit
    similarity: float


@dataclass(frozen=True)
class ProductMatch:
    card: ProductCard
    similarity: float


@dataclass(frozen=True)
class ProductContext:
    matches: list[ProductMatch]
    max_price: str | None  # the shopper's price ceiling, as understood ("under 300")
    took_ms: float


def passages_retrieve(*, question: str, retrieval: Retrieval) -> tuple[list[Passage], float]:
    result = knowledge_search(
        query=question, k=retrieval.passages_k, knowledge=retrieval.knowledge()
    )
    passages = [Passage(hit=hit, similarity=hit.similarity or 0.0) for hit in result.hits]
    return passages, result.took_ms


def products_retrieve(*, question: str, retrieval: Retrieval) -> ProductContext:
    result = product_search(query=question, k=retrieval.products_k, knowledge=retrieval.knowledge())
    return ProductContext(
        matches=[
            ProductMatch(card=card, similarity=card.similarity or 0.0) for card in result.cards
        ],
        max_price=str(result.understood.max_price) if result.understood.max_price else None,
        took_ms=result.took_ms,
    )
