"""Hybrid search building blocks: pgvector HNSW cosine search and PostgreSQL full text, fused
by weighted reciprocal rank.

The keyword arm parses the query with `websearch_to_tsquery` (quotes, -exclusions, "or").
Rows containing every term rank first; then, because shoppers ask questions and a passage
rarely contains every word of one, rows matching any term (the implicit AND relaxed to OR,
unless the query excludes terms), each group ordered by length-normalised `ts_rank`. Both
candidate sets are capped (KEYWORD_SCAN_LIMIT) so a very common word cannot make a query slow
on a large store.

Each arm of a search ranks its own candidates; a row's fused score is the sum over the arms of
weight / (RRF_K + rank) (`rrf_share`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Weighted reciprocal rank fusion: each arm adds weight / (RRF_K + rank). The values were
# chosen on the labelled demo questions (`bench retrieval`): the keyword arm rescues exact
# codes, names and numbers, but on natural questions the vector arm is the better judge.
RRF_K = 10
VECTOR_WEIGHT = 1.0
HNSW_EF_SEARCH = 100
# HNSW graph parameters. A wider build (ef_construction 200 rather than 64) costs a slower
# index build and buys recall: 0.97 instead of 0.85 at ef_search 100 on 100,000 chunks, at the
# same query latency (`bench retrieval`).
HNSW_M = 16
HNSW_EF_CONSTRUCTION = 200
# Ranking reads each matching row's vector: on a large store a common word matches tens of
# thousands. At most this many matches per query form are ranked.
KEYWORD_SCAN_LIMIT = 1000


def rrf_share(*, weight: str, rank: str) -> str:
    """One arm's contribution to a row's fused score, as SQL: `weight` names the arm's weight
    parameter, `rank` its 1-based rank expression. Needs the `rrf_k` parameter."""
    return f"%({weight})s / (%(rrf_k)s + {rank})"


def keyword_arm_sql(*, table: str, alias: str, where: str = "") -> str:
    """Full-text candidates of `table` ranked as described in the module docstring: rows
    `(id, rank)`. `where` adds conditions on `alias` (starting with " AND "). Parameters:
    language, query, weights (ts_rank weights D, C, B, A), keyword_scan, candidates."""
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
