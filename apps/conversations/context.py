"""What a reply knows before it answers: the best knowledge passages and products for the
shopper's question, each with its cosine similarity to the question.

Retrieval ranks by fused reciprocal rank, which says which passage is best but not whether it
is any good; the similarity is the absolute signal the answer layer needs to say "I don't know".
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from apps.catalog.search import ProductCard, product_search
from apps.knowledge import embeddings
from apps.knowledge.retrieval import Hit, knowledge_search
from apps.knowledge.services.settings import knowledge_settings_get

PASSAGES_K = 5
PRODUCTS_K = 6


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


def _similarities(table: str, ids: list[int], question: str) -> dict[int, float]:
    if not ids:
        return {}
    # The same (cached) vector the searches used.
    vector = embeddings.embed_query(question, model_name=knowledge_settings_get().embedding_model)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, 1 - (embedding <=> %s::vector) FROM {table}"  # noqa: S608
            " WHERE id = ANY(%s) AND embedding IS NOT NULL",
            [vector.tolist(), ids],
        )
        return {row[0]: float(row[1]) for row in cursor.fetchall()}


def passages_retrieve(*, question: str, k: int = PASSAGES_K) -> tuple[list[Passage], float]:
    result = knowledge_search(query=question, k=k)
    similar = _similarities("knowledge_chunk", [hit.chunk_id for hit in result.hits], question)
    passages = [Passage(hit=hit, similarity=similar.get(hit.chunk_id, 0.0)) for hit in result.hits]
    return passages, result.took_ms


def products_retrieve(*, question: str, k: int = PRODUCTS_K) -> ProductContext:
    result = product_search(query=question, k=k)
    similar = _similarities("catalog_product", [card.id for card in result.cards], question)
    return ProductContext(
        matches=[
            ProductMatch(card=card, similarity=similar.get(card.id, 0.0)) for card in result.cards
        ],
        max_price=str(result.understood.max_price) if result.understood.max_price else None,
        took_ms=result.took_ms,
    )
