"""Hybrid search building blocks: pgvector HNSW cosine search and PostgreSQL full text, fused
by weighted reciprocal rank.

The keyword arm parses the query with `websearch_to_tsquery` (quotes, -exclusions, "or") and
ranks by Okapi BM25 over the store's own term statistics (term_statistics.py): a word that
few rows hold counts for more than one that most rows hold, repeats saturate, and long rows
are normalised to the average length. Candidates are the rows holding every term plus, because
shoppers ask questions and a passage rarely holds every word of one, rows holding any term
(the implicit AND relaxed to OR, unless the query excludes terms). Both candidate scans are
capped (KEYWORD_SCAN_LIMIT; the second shared between the terms, LOOSE_SCAN_MIN) so a very
common word cannot make a query slow on a large store.

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
# Every candidate is scored against every query term, so the rows matching only some terms
# share the budget between the terms (at least this many rows).
LOOSE_SCAN_MIN = 200
# Okapi BM25's usual constants: term frequency saturation and length normalisation.
BM25_K1 = 1.2
BM25_B = 0.75


def rrf_share(*, weight: str, rank: str) -> str:
    """One arm's contribution to a row's fused score, as SQL: `weight` names the arm's weight
    parameter, `rank` its 1-based rank expression. Needs the `rrf_k` parameter."""
    return f"%({weight})s / (%(rrf_k)s + {rank})"


def keyword_arm_sql(*, table: str, alias: str, statistics: str, where: str = "") -> str:
    """Full-text candidates of `table` ranked by BM25 as described in the module docstring:
    rows `(id, rank)`. `statistics` names the table's term statistics; `where` adds conditions
    on `alias` (starting with " AND "). Parameters: language, query, keyword_scan, candidates,
    bm25_k1, bm25_b (`keyword_params`).

    BM25 needs each term's frequency in the row, which only the tsvector's position lists
    hold. Unnesting a tsvector costs ~20 µs a row; `ts_rank` of a one-term query with unit
    weights costs ~1 µs and is exactly H(tf) / (pi^2/6), where H(tf) is the sum of 1/i^2 for i
    up to tf (PostgreSQL's calc_rank_or); as pi^2/6 - H(tf) ~ 1 / (tf + 1/2), rounding
    recovers tf. A row's length is its count of distinct lexemes, as in the statistics."""
    return (
        "WITH query AS ("
        "  SELECT w AS strict, CASE WHEN strpos(w::text, '!') > 0 THEN w"
        "   ELSE replace(w::text, ' & ', ' | ')::tsquery END AS loose"
        "  FROM websearch_to_tsquery(%(language)s::regconfig, %(query)s) AS w),"
        # The query's terms (not the excluded ones), each as a one-term tsquery.
        " tokens AS (SELECT DISTINCT m[2] AS token FROM query,"
        "  regexp_matches(query.strict::text, '(!?)(''(?:[^'']|'''')*'')', 'g') AS m"
        "  WHERE m[1] = ''),"
        " totals AS (SELECT coalesce(max(s.documents), 0) AS n,"
        "  max(s.occurrences::float8 / nullif(s.documents, 0)) AS average_length"
        f"  FROM {statistics} s WHERE s.lexeme = ''),"
        " terms AS (SELECT t.token::tsquery AS term,"
        "  ln(1 + (totals.n - least(coalesce(s.documents, 0), totals.n) + 0.5)"
        "   / (least(coalesce(s.documents, 0), totals.n) + 0.5)) AS idf"
        f"  FROM tokens t CROSS JOIN totals LEFT JOIN {statistics} s"
        "   ON s.lexeme = replace(substr(t.token, 2, length(t.token) - 2), '''''', '''')),"
        " candidates AS ("
        f"  (SELECT {alias}.id FROM {table} {alias}, query"
        f"   WHERE {alias}.search_vector @@ query.strict{where} LIMIT %(keyword_scan)s)"
        "  UNION"
        f"  (SELECT {alias}.id FROM {table} {alias}, query"
        f"   WHERE {alias}.search_vector @@ query.loose{where}"
        "   LIMIT greatest(%(keyword_scan)s / (SELECT count(*) FROM tokens), %(loose_scan)s))),"
        # Each candidate's vector is read once, then scored against every term.
        " vectors AS MATERIALIZED ("
        f"  SELECT {alias}.id, {alias}.search_vector"
        f"  FROM candidates JOIN {table} {alias} USING (id)),"
        " scored AS ("
        "  SELECT v.id, sum(terms.idf * tf.tf * (%(bm25_k1)s + 1) / (tf.tf + %(bm25_k1)s"
        "   * (1 - %(bm25_b)s + %(bm25_b)s * length(v.search_vector)"
        "   / coalesce(totals.average_length, greatest(length(v.search_vector), 1)))))"
        "   AS score"
        "  FROM vectors v CROSS JOIN totals CROSS JOIN terms"
        "  CROSS JOIN LATERAL (SELECT round(1 / (1.6449340668482264 * (1 - ts_rank("
        "   '{1,1,1,1}'::float4[], v.search_vector, terms.term, 0)::float8)) - 0.5)"
        "   AS tf) AS tf"
        "  GROUP BY v.id)"
        " SELECT id, row_number() OVER (ORDER BY score DESC, id) AS rank"
        " FROM (SELECT id, score FROM scored WHERE score > 0"
        "  ORDER BY score DESC, id LIMIT %(candidates)s) AS matches"
    )


def keyword_params() -> dict[str, float | int]:
    """The keyword arm's fixed parameters (add language, query and candidates)."""
    return {
        "keyword_scan": KEYWORD_SCAN_LIMIT,
        "loose_scan": LOOSE_SCAN_MIN,
        "bm25_k1": BM25_K1,
        "bm25_b": BM25_B,
    }


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
