"""Product search: hybrid semantic + keyword ranking (apps/core/search/hybrid.py, as for
knowledge) over active products, with structured filters (price, stock, options, collection,
vendor) applied in SQL, and the best matching variant picked for each product card."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import TextField
from django.db.models.functions import Cast

from apps.catalog.models import Product, Variant
from apps.catalog.options import colour_tokens, size_token
from apps.catalog.query_understanding import UnderstoodQuery, understand
from apps.core.search import embeddings
from apps.core.search.hybrid import (
    RRF_K,
    VECTOR_WEIGHT,
    ann_session,
    keyword_arm_sql,
    keyword_params,
    rrf_share,
)
from apps.knowledge.models import KnowledgeSettings
from apps.knowledge.services.settings import knowledge_settings_get

CANDIDATES = 50
# Arm weights in the fused rank, tuned on demo/product_queries.json (`manage.py bench catalog`).
# Product names are short and distinctive, so words count for more than in knowledge search.
KEYWORD_WEIGHT = 0.7
# Typo-tolerant title matching ("hedlamp", "ridgline down jaket"): pg_trgm word similarity.
FUZZY_WEIGHT = 0.3
FUZZY_THRESHOLD = 0.5
# Only short queries whose words do not all match some product are looked up by similarity:
# that is where misspellings are; elsewhere the arm costs time and adds nothing.
FUZZY_MAX_WORDS = 6
# A query word that names a SKU, or part of one ("DO-JKT-001", "bts-001-11w"), puts that
# product first. SKU-like: four or more characters with both a letter and a digit.
SKU_WEIGHT = 3.0
CARD_FIELDS = (
    "title",
    "handle",
    "url",
    "images",
    "min_price",
    "max_price",
    "currency",
    "available",
)
CARD_VARIANT_FIELDS = (
    "product_id", "sku", "option_values", "price", "compare_at_price", "available",
)  # fmt: skip
_SKU_TOKEN = re.compile(r"^(?=.*\d)(?=.*[a-z])[a-z0-9][a-z0-9._/-]{3,}$", re.I)


@dataclass
class ProductFilters:
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    in_stock: bool = False
    options: dict[str, list[str]] = field(default_factory=dict)  # {"color": ["red"]}
    colours: list[str] = field(default_factory=list)  # matched against any colour-ish option
    sizes: list[str] = field(default_factory=list)
    collection: str | None = None
    vendor: str | None = None


@dataclass(frozen=True)
class VariantCard:
    id: int
    sku: str
    options: dict[str, str]
    price: Decimal | None
    compare_at_price: Decimal | None
    available: bool


@dataclass(frozen=True)
class ProductCard:
    id: int
    title: str
    handle: str
    url: str
    image: str | None
    min_price: Decimal | None
    max_price: Decimal | None
    currency: str
    available: bool
    score: float
    variant: VariantCard | None
    # Cosine similarity to the query as written (None in keyword mode): an absolute signal of
    # fit where the fused score only ranks.
    similarity: float | None = None


@dataclass(frozen=True)
class ProductSearchResult:
    cards: list[ProductCard]
    understood: UnderstoodQuery
    took_ms: float


def _merge(understood: UnderstoodQuery, filters: ProductFilters) -> ProductFilters:
    return ProductFilters(
        min_price=filters.min_price if filters.min_price is not None else understood.min_price,
        max_price=filters.max_price if filters.max_price is not None else understood.max_price,
        in_stock=filters.in_stock or understood.in_stock,
        options=filters.options,
        colours=filters.colours or understood.colours,
        sizes=filters.sizes or understood.sizes,
        collection=filters.collection,
        vendor=filters.vendor,
    )


def _variant_conditions(filters: ProductFilters, params: dict[str, Any]) -> list[str]:
    """Conditions on a variant `v` (a product qualifies when one variant meets them all)."""
    conditions = []
    if filters.max_price is not None:
        conditions.append("v.price <= %(max_price)s")
        params["max_price"] = filters.max_price
    if filters.min_price is not None:
        conditions.append("v.price >= %(min_price)s")
        params["min_price"] = filters.min_price
    if filters.in_stock:
        conditions.append("v.available")
    for index, (name, values) in enumerate(sorted(filters.options.items())):
        key = f"option_{index}"
        conditions.append(f"v.option_values && %({key})s::varchar[]")
        params[key] = [f"{name.lower()}:{value.lower()}" for value in values]
    if filters.colours:
        conditions.append(
            "EXISTS (SELECT 1 FROM unnest(v.option_values) o WHERE o ~ %(colour_re)s)"
        )
        params["colour_re"] = "^(colou?r|shade)[^:]*:.*\\m(" + "|".join(filters.colours) + ")\\M"
    if filters.sizes:
        conditions.append("EXISTS (SELECT 1 FROM unnest(v.option_values) o WHERE o ~ %(size_re)s)")
        params["size_re"] = "^size[^:]*:(" + "|".join(filters.sizes).replace(".", "\\.") + ")$"
    return conditions


def _summary_conditions(filters: ProductFilters, params: dict[str, Any]) -> list[str]:
    """Conditions on the product's variant summaries that every match meets: cheap column and
    GIN-indexed array tests, so candidates are pruned before their variants are read."""
    conditions = []
    if filters.max_price is not None:
        conditions.append("p.min_price <= %(max_price)s")
    if filters.min_price is not None:
        conditions.append("p.max_price >= %(min_price)s")
    if filters.in_stock:
        conditions.append("p.available")
    for index in range(len(filters.options)):
        conditions.append(f"p.option_tokens && %(option_{index})s::varchar[]")
    if filters.colours and (tokens := colour_tokens(filters.colours)) is not None:
        conditions.append("p.option_tokens && %(colour_tokens)s::varchar[]")
        params["colour_tokens"] = tokens
    if filters.sizes:
        conditions.append("p.option_tokens && %(size_tokens)s::varchar[]")
        params["size_tokens"] = [size_token(size) for size in filters.sizes]
    return conditions


def _product_where(filters: ProductFilters, params: dict[str, Any]) -> str:
    clauses = ["p.status = 'active'"]
    variant_conditions = _variant_conditions(filters, params)
    if variant_conditions:
        clauses.extend(_summary_conditions(filters, params))
        clauses.append(
            "EXISTS (SELECT 1 FROM catalog_variant v WHERE v.product_id = p.id AND "
            + " AND ".join(variant_conditions)
            + ")"
        )
    if filters.vendor:
        clauses.append("p.vendor ILIKE %(vendor)s")
        params["vendor"] = filters.vendor
    if filters.collection:
        clauses.append(
            "EXISTS (SELECT 1 FROM catalog_product_collections pc"
            " JOIN catalog_collection c ON c.id = pc.collection_id"
            " WHERE pc.product_id = p.id AND (c.handle = %(collection)s"
            " OR c.title ILIKE %(collection)s))"
        )
        params["collection"] = filters.collection
    return " AND ".join(clauses)


def _fuzzy_arm(where: str) -> str:
    """Titles that contain something close to the query's words, misspelt or not — only when
    no active product contains every word (the uncorrelated NOT EXISTS is one GIN index probe
    that PostgreSQL runs once, as a one-time filter, in the same round trip). The threshold
    is set for the transaction so the `<%` operator can use the trigram index."""
    share = rrf_share(weight="fuzzy_weight", rank="row_number() OVER (ORDER BY closeness DESC, id)")
    return (
        f"SELECT id, {share} AS share"
        " FROM (SELECT p.id, word_similarity(%(query)s, p.title) AS closeness"
        f" FROM catalog_product p WHERE %(query)s <%% p.title AND {where}"
        " AND NOT EXISTS (SELECT 1 FROM catalog_product a WHERE a.status = 'active' AND"
        " a.search_vector @@ websearch_to_tsquery(%(language)s::regconfig, %(query)s))"
        " ORDER BY closeness DESC, p.id LIMIT %(candidates)s) fuzzy"
    )


def _sku_arm(query: str, where: str, params: dict[str, Any]) -> str | None:
    tokens = [t for t in query.split() if _SKU_TOKEN.match(t)]
    if not tokens:
        return None
    params["sku_exact"] = [t.upper() for t in tokens]
    params["sku_parts"] = [
        "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for t in tokens
    ]
    share = rrf_share(weight="sku_weight", rank="row_number() OVER (ORDER BY exact DESC, id)")
    return (
        f"SELECT id, {share} AS share"
        " FROM (SELECT p.id, bool_or(upper(v.sku) = ANY(%(sku_exact)s)) AS exact"
        " FROM catalog_product p JOIN catalog_variant v ON v.product_id = p.id"
        f" WHERE v.sku ILIKE ANY(%(sku_parts)s) AND {where}"
        " GROUP BY p.id ORDER BY exact DESC, p.id LIMIT %(candidates)s) skus"
    )


def product_search(
    *,
    query: str,
    filters: ProductFilters | None = None,
    k: int = 8,
    mode: str = "hybrid",
    knowledge: KnowledgeSettings | None = None,
) -> ProductSearchResult:
    """`knowledge`: the store's search settings, when the caller has already read them."""
    started = time.perf_counter()
    understood = understand(query)
    merged = _merge(understood, filters or ProductFilters())
    knowledge = knowledge or knowledge_settings_get()
    params: dict[str, Any] = {
        "k": k,
        "candidates": max(CANDIDATES, k),
        "rrf_k": float(RRF_K),
        "vector_weight": VECTOR_WEIGHT,
        "keyword_weight": KEYWORD_WEIGHT,
        "fuzzy_weight": FUZZY_WEIGHT,
        "sku_weight": SKU_WEIGHT,
        "language": knowledge.search_language,
        "query": understood.text or query,
        **keyword_params(),
    }
    where = _product_where(merged, params)
    arms = []
    text = understood.text or query
    if mode in ("hybrid", "vector") and text.strip():
        params["vector"] = embeddings.embed_query_sql(text, model_name=knowledge.embedding_model)
        arms.append(
            "SELECT id,"
            f" {rrf_share(weight='vector_weight', rank='row_number() OVER (ORDER BY distance)')}"
            " AS share FROM (SELECT p.id, p.embedding <=> %(vector)s::vector AS distance"
            f" FROM catalog_product p WHERE p.embedding IS NOT NULL AND {where}"
            " ORDER BY p.embedding <=> %(vector)s::vector LIMIT %(candidates)s) nearest"
        )
    if mode in ("hybrid", "keyword") and text.strip():
        keyword = keyword_arm_sql(
            table="catalog_product",
            alias="p",
            statistics="catalog_product_terms",
            where=f" AND {where}",
        )
        arms.append(
            f"SELECT id, {rrf_share(weight='keyword_weight', rank='rank')} AS share"
            f" FROM ({keyword}) matches"
        )
        if len(text.split()) <= FUZZY_MAX_WORDS:
            arms.append(_fuzzy_arm(where))
        if sku_arm := _sku_arm(query, where, params):
            arms.append(sku_arm)
    if not arms:  # filters only ("under 50"): cheapest first
        arms.append(
            "SELECT p.id, 1.0 / (1 + row_number() OVER (ORDER BY p.min_price, p.id))"
            f" AS share FROM catalog_product p WHERE {where}"
            " ORDER BY p.min_price, p.id LIMIT %(candidates)s"
        )
    similarity = "NULL::float8"
    if mode != "keyword" and query.strip():
        params["query_vector"] = embeddings.embed_query_sql(
            query, model_name=knowledge.embedding_model
        )
        similarity = "1 - (p.embedding <=> %(query_vector)s::vector)"
    sql = (
        f"SELECT r.id, r.score, {similarity} FROM ("
        "SELECT id, SUM(share) AS score FROM (" + " UNION ALL ".join(arms) + ") arms"
        " GROUP BY id ORDER BY score DESC, id LIMIT %(k)s) r"
        " JOIN catalog_product p ON p.id = r.id ORDER BY r.score DESC, r.id"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        ann_session(cursor, {"pg_trgm.word_similarity_threshold": str(FUZZY_THRESHOLD)})
        cursor.execute(sql, params)
        ranked = cursor.fetchall()
    cards = _cards(ranked, merged)
    return ProductSearchResult(
        cards=cards, understood=understood, took_ms=round((time.perf_counter() - started) * 1000, 2)
    )


def _cards(
    ranked: list[tuple[int, float, float | None]], filters: ProductFilters
) -> list[ProductCard]:
    # Only what a card shows: the embedding, descriptions and search vector stay in the table.
    # Rows, not model instances: a product can have dozens of variants, and building a model
    # instance for each was most of a chat turn's product search.
    ids = [row[0] for row in ranked]
    products = {p["id"]: p for p in Product.objects.filter(pk__in=ids).values("id", *CARD_FIELDS)}
    variants: dict[int, list[dict[str, Any]]] = {}
    # Options as text, decoded only for the variant each card shows: decoding every
    # variant's JSON cost more than the rest of the search.
    rows = Variant.objects.filter(product_id__in=ids).values(
        "id", *CARD_VARIANT_FIELDS, options_json=Cast("options", TextField())
    )
    for variant in rows:
        variants.setdefault(variant["product_id"], []).append(variant)
    cards = []
    for product_id, score, similarity in ranked:
        product = products[product_id]
        best = _best_variant(variants.get(product_id, []), filters)
        cards.append(
            ProductCard(
                id=product_id,
                title=product["title"],
                handle=product["handle"],
                url=product["url"],
                image=(product["images"] or [None])[0],
                min_price=product["min_price"],
                max_price=product["max_price"],
                currency=product["currency"],
                available=product["available"],
                score=float(score),
                variant=VariantCard(
                    id=best["id"],
                    sku=best["sku"],
                    options=json.loads(best["options_json"]),
                    price=best["price"],
                    compare_at_price=best["compare_at_price"],
                    available=best["available"],
                )
                if best
                else None,
                similarity=None if similarity is None else float(similarity),
            )
        )
    return cards


def _best_variant(variants: list[dict[str, Any]], filters: ProductFilters) -> dict[str, Any] | None:
    """The variant that satisfies most of the shopper's constraints, in stock first."""

    def fit(variant: dict[str, Any]) -> tuple[int, int, int]:
        names_values = [value.split(":", 1) for value in variant["option_values"] if ":" in value]
        colours = " ".join(v for n, v in names_values if n.startswith(("colo", "shade")))
        sizes = {v for n, v in names_values if n.startswith("size")}
        matches = sum(1 for c in filters.colours if c in colours)
        matches += sum(1 for s in filters.sizes if s in sizes)
        price = variant["price"] or 0
        in_price = (filters.max_price is None or price <= filters.max_price) and (
            filters.min_price is None or price >= filters.min_price
        )
        return (matches, int(in_price), int(variant["available"]))

    return max(variants, key=fit, default=None)
