"""Hybrid retrieval: pgvector cosine search + PostgreSQL full text, fused by reciprocal rank.

The keyword arm parses the query with `websearch_to_tsquery` (quotes, -exclusions, "or").
Chunks containing every term rank first; then, because shoppers ask questions and a passage
rarely contains every word of one, chunks matching any term (the implicit AND relaxed to OR,
unless the query excludes terms), each group ordered by length-normalised `ts_rank`. Both
candidate sets are capped (KEYWORD_SCAN_LIMIT) so a very common word cannot make a query slow
on a large store. Ties in the fused score go to the better vector rank.

Each arm returns its top `candidates` chunks; a chunk's fused score is the sum over the arms of
weight / (RRF_K + rank). Vector search uses the HNSW index (with iterative scans, so filters still
return enough rows) once a store has more than EXACT_SEARCH_MAX_CHUNKS chunks; below that an
exact scan is both fast and perfectly accurate. Only chunks embedded with the store's current
model take part in the vector arm (the others are being re-embedded).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any, Literal

from django.db import connection, transaction

from apps.knowledge import embeddings
from apps.knowledge.models import KnowledgeSettings
from apps.knowledge.services.settings import knowledge_settings_get

# Weighted reciprocal rank fusion: each arm adds weight / (RRF_K + rank). The values were
# chosen on the labelled demo questions (`bench retrieval`): the keyword arm rescues exact
# codes, names and numbers, but on natural questions the vector arm is the better judge.
RRF_K = 10
VECTOR_WEIGHT = 1.0
KEYWORD_WEIGHT = 0.3
CANDIDATES = 50
EXACT_SEARCH_MAX_CHUNKS = 5000
HNSW_EF_SEARCH = 100
# ts_rank weights for D, C, B, A: a match in a heading (A) counts double one in the body (B).
KEYWORD_WEIGHTS = [0.1, 0.2, 0.5, 1.0]
# Ranking reads each matching chunk's vector: on a large store a common word matches tens of
# thousands. At most this many matches per query form are ranked.
KEYWORD_SCAN_LIMIT = 1000

Mode = Literal["hybrid", "vector", "keyword"]


@dataclass(frozen=True)
class Citation:
    document_id: int
    title: str
    url: str | None
    filename: str | None
    page: int | None
    section: str | None


@dataclass(frozen=True)
class Hit:
    chunk_id: int
    text: str
    score: float
    vector_rank: int | None
    keyword_rank: int | None
    citation: Citation
    source_id: int
    source_name: str
    source_kind: str
    looks_like_instructions: bool
    # Cosine similarity to the query (None without a vector arm): the fused score ranks, this
    # says whether the passage is any good.
    similarity: float | None = None


@dataclass(frozen=True)
class SearchResult:
    hits: list[Hit]
    took_ms: float


@dataclass(frozen=True)
class Filters:
    source_ids: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()

    def sql(self, params: dict[str, Any]) -> str:
        clauses = []
        if self.source_ids:
            clauses.append("c.source_id = ANY(%(source_ids)s)")
            params["source_ids"] = list(self.source_ids)
        if self.kinds:
            clauses.append(
                "c.source_id IN (SELECT id FROM knowledge_source WHERE kind = ANY(%(kinds)s))"
            )
            params["kinds"] = list(self.kinds)
        return "".join(f" AND {clause}" for clause in clauses)


def _vector_arm(*, exact: bool, where: str) -> str:
    # `(a <=> b) + 0` is an expression the HNSW index cannot serve: that forces the exact scan.
    distance = "(c.embedding <=> %(vector)s::vector)" + (" + 0" if exact else "")
    return (
        "SELECT id, row_number() OVER (ORDER BY distance, id) AS rank FROM ("
        f" SELECT c.id, {distance} AS distance FROM knowledge_chunk c"
        f" WHERE c.embedding_model = %(model)s{where}"
        f" ORDER BY {distance} LIMIT %(candidates)s) AS nearest"
    )


def keyword_arm_sql(*, table: str, alias: str, where: str = "") -> str:
    """Full-text candidates of `table` ranked as described in the module docstring: rows
    `(id, rank)`. `where` adds conditions on `alias` (starting with " AND "). Parameters:
    language, query, weights (ts_rank weights D, C, B, A), keyword_scan, candidates. Shared
    with product search."""
    return (
        "WITH query AS ("
        "  SELECT w AS strict, CASE WHEN strpos(w::text, '!') > 0 THEN w"
        "   ELSE replace(w::text, ' & ', ' | ')::tsquery END AS loose"
        "  FROM websearch_to_tsquery(%(language)s::regconfig, %(query)s) AS w),"
        " candidates AS ("
        f"  (SELECT {alias}.id FROM {table} {alias}, query"
        f"   WHERE {alias}.search_vector @@ query.strict{where} LIMIT %(keyword_scan)s)"
        "  UNION"
        f"  (SELECT {alias}.id FROM {table} {alias}, query"
        f"   WHERE {alias}.search_vector @@ query.loose{where} LIMIT %(keyword_scan)s))"
        " SELECT id, row_number() OVER (ORDER BY all_terms DESC, rank_score DESC, id) AS rank"
        f" FROM (SELECT {alias}.id, {alias}.search_vector @@ query.strict AS all_terms,"
        f"  ts_rank(%(weights)s::float4[], {alias}.search_vector, query.loose, 1) AS rank_score"
        f"  FROM {table} {alias} JOIN candidates USING (id), query"
        f"  ORDER BY all_terms DESC, rank_score DESC, {alias}.id LIMIT %(candidates)s) AS matches"
    )


def ann_session(cursor: Any, extra: Mapping[str, str] | None = None) -> None:
    """HNSW settings for the current transaction: a wider search, and iterative scans so a
    filtered query still finds its k rows; `extra` settings ride along. One round trip
    (set_config(..., true) is SET LOCAL)."""
    settings = {
        "hnsw.ef_search": str(HNSW_EF_SEARCH),
        "hnsw.iterative_scan": "relaxed_order",
        **(extra or {}),
    }
    calls = ", ".join("set_config(%s, %s, true)" for _ in settings)
    cursor.execute(f"SELECT {calls}", [part for item in settings.items() for part in item])


def _chunk_count_estimate() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT GREATEST(reltuples, 0)::bigint FROM pg_class"
            " WHERE oid = 'knowledge_chunk'::regclass"
        )
        estimate = int(cursor.fetchone()[0])
        if estimate == 0:  # never analysed: count (the table is small or brand new)
            cursor.execute("SELECT count(*) FROM knowledge_chunk")
            estimate = int(cursor.fetchone()[0])
    return estimate


def knowledge_search(
    *,
    query: str,
    k: int = 8,
    filters: Filters | None = None,
    mode: Mode = "hybrid",
    candidates: int = CANDIDATES,
    exact: bool | None = None,
    knowledge: KnowledgeSettings | None = None,
) -> SearchResult:
    """The k best chunks for `query` in the active store, each with its citation. A caller
    that also searches products passes the store's `knowledge` settings (read once)."""
    started = time.perf_counter()
    query = query.strip()
    if not query:
        return SearchResult(hits=[], took_ms=0.0)
    knowledge = knowledge or knowledge_settings_get()
    params: dict[str, Any] = {
        "weights": KEYWORD_WEIGHTS,
        "keyword_scan": KEYWORD_SCAN_LIMIT,
        "rrf_k": float(RRF_K),
        "vector_weight": VECTOR_WEIGHT,
        "keyword_weight": KEYWORD_WEIGHT,
        "query": query,
        "language": knowledge.search_language,
        "model": knowledge.embedding_model,
        "candidates": max(candidates, k),
        "k": k,
    }
    where = (filters or Filters()).sql(params)
    arms = []
    uses_index = False
    if mode in ("hybrid", "vector"):
        params["vector"] = embeddings.embed_query_sql(query, model_name=knowledge.embedding_model)
        use_exact = (
            exact if exact is not None else _chunk_count_estimate() <= EXACT_SEARCH_MAX_CHUNKS
        )
        uses_index = not use_exact
        vector_arm = _vector_arm(exact=use_exact, where=where)
        arms.append(
            "SELECT id, %(vector_weight)s / (%(rrf_k)s + rank) AS share, rank AS vector_rank,"
            f" NULL::bigint AS keyword_rank FROM ({vector_arm}) v"
        )
    if mode in ("hybrid", "keyword"):
        arms.append(
            "SELECT id, %(keyword_weight)s / (%(rrf_k)s + rank) AS share,"
            " NULL::bigint AS vector_rank, rank AS keyword_rank"
            f" FROM ({keyword_arm_sql(table='knowledge_chunk', alias='c', where=where)}) kw"
        )
    similarity = (
        "1 - (c.embedding <=> %(vector)s::vector)" if "vector" in params else "NULL::float8"
    )
    sql = (
        "WITH fused AS ("
        " SELECT id, SUM(share) AS score, MIN(vector_rank) AS vector_rank,"
        f" MIN(keyword_rank) AS keyword_rank FROM ({' UNION ALL '.join(arms)}) arms"
        " GROUP BY id ORDER BY score DESC, MIN(vector_rank) NULLS LAST, id LIMIT %(k)s)"
        " SELECT f.id, c.text, f.score, f.vector_rank, f.keyword_rank, d.id, d.title, d.url,"
        " d.filename, c.page, c.section, s.id, s.name, s.kind, c.looks_like_instructions,"
        f" {similarity}"
        " FROM fused f JOIN knowledge_chunk c ON c.id = f.id"
        " JOIN knowledge_document d ON d.id = c.document_id"
        " JOIN knowledge_source s ON s.id = c.source_id"
        " ORDER BY f.score DESC, f.vector_rank NULLS LAST, f.id"
    )
    # The HNSW settings are SET LOCAL: only an index scan needs them (and their transaction).
    with transaction.atomic() if uses_index else nullcontext(), connection.cursor() as cursor:
        if uses_index:
            ann_session(cursor)
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    hits = [
        Hit(
            chunk_id=row[0],
            text=row[1],
            score=float(row[2]),
            vector_rank=row[3],
            keyword_rank=row[4],
            citation=Citation(
                document_id=row[5],
                title=row[6],
                url=row[7] or None,
                filename=row[8] or None,
                page=row[9],
                section=row[10] or None,
            ),
            source_id=row[11],
            source_name=row[12],
            source_kind=row[13],
            looks_like_instructions=row[14],
            similarity=None if row[15] is None else float(row[15]),
        )
        for row in rows
    ]
    return SearchResult(hits=hits, took_ms=round((time.perf_counter() - started) * 1000, 2))
