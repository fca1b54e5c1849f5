"""Knowledge search: hybrid retrieval over the store's chunks (apps/core/search/hybrid.py
describes the arms and their fusion), each hit with its citation. Ties in the fused score go to
the better vector rank.

Each arm returns its top `candidates` chunks. Vector search uses the HNSW index (with iterative
scans, so filters still return enough rows) once a store has more than EXACT_SEARCH_MAX_CHUNKS
chunks; below that an exact scan is both fast and perfectly accurate. Only chunks embedded with
the store's current model take part in the vector arm (the others are being re-embedded).
"""

from __future__ import annotations

import time
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any, Literal

from django.db import connection, transaction

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

# The keyword arm's weight in the fused rank (the vector arm's is VECTOR_WEIGHT), chosen on the
# labelled demo questions (`bench retrieval`).
KEYWORD_WEIGHT = 0.3
CANDIDATES = 50
EXACT_SEARCH_MAX_CHUNKS = 5000

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
        **keyword_params(),
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
            f"SELECT id, {rrf_share(weight='vector_weight', rank='rank')} AS share,"
            f" rank AS vector_rank, NULL::bigint AS keyword_rank FROM ({vector_arm}) v"
        )
    if mode in ("hybrid", "keyword"):
        keyword = keyword_arm_sql(
            table="knowledge_chunk", alias="c", statistics="knowledge_chunk_terms", where=where
        )
        arms.append(
            f"SELECT id, {rrf_share(weight='keyword_weight', rank='rank')} AS share,"
            " NULL::bigint AS vector_rank, rank AS keyword_rank"
            f" FROM ({keyword}) kw"
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
