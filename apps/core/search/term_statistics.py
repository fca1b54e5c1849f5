"""Per-store term statistics for the BM25 keyword arm (hybrid.keyword_arm_sql).

Each searched table has a statistics table in the store's schema: one row per lexeme with the
number of rows whose search vector holds it (`documents`) and its occurrences, plus a totals
row under the empty lexeme (which no tsvector can hold): `documents` = rows with a search
vector, `occurrences` = the sum of their lengths (distinct lexemes), from which the average
length follows. It is rebuilt from `ts_stat` after bulk writes (a source sync, a catalog run):
one pass over the table, far cheaper than keeping a counter per lexeme under every concurrent
write, and IDF barely moves between two rebuilds. A lexeme written since the last rebuild
counts as rare, as it is.
"""

from __future__ import annotations

from django.db import connection, transaction


def term_statistics_refresh(*, table: str, statistics: str, condition: str = "") -> None:
    """Rebuild `statistics` from the search vectors of `table`'s rows (those meeting the SQL
    `condition`, if given). Readers keep seeing the previous figures until this commits; the
    table lock makes two rebuilds take turns instead of colliding on the same lexemes."""
    where = f" WHERE {condition}" if condition else ""
    rows = f"SELECT search_vector FROM {table}{where}"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {statistics} IN EXCLUSIVE MODE")
        cursor.execute(f"DELETE FROM {statistics}")
        cursor.execute(
            f"INSERT INTO {statistics} (lexeme, documents, occurrences)"
            " SELECT word, ndoc, nentry FROM ts_stat(%s)",
            [rows],
        )
        cursor.execute(
            f"INSERT INTO {statistics} (lexeme, documents, occurrences)"
            f" SELECT '', (SELECT count(*) FROM {table}"
            f"{where or ' WHERE true'} AND search_vector IS NOT NULL),"
            f" coalesce(sum(documents), 0) FROM {statistics}"
        )
