"""What previews of every record kind share: the row limit, the row estimate of a table, and
the sample of a JSON list."""

from __future__ import annotations

from collections.abc import Generator
from itertools import islice
from typing import Any

from apps.catalog.importing.common.sources import Row, Table

DEFAULT_MAX_ROWS = 500_000


def row_estimate(table: Table, sample: list[Row], exhausted: bool) -> int | None:
    if exhausted:
        return len(sample)
    if not table.total_lines or not sample:
        return None
    span = sample[-1].last - table.header_line
    per_row = span / len(sample) if span > 0 else 1.0
    return max(len(sample), round((table.total_lines - table.header_line) / per_row))


def json_sample(
    items: Generator[Any, None, None], rows: int
) -> tuple[list[dict[str, Any]], list[str], int | None]:
    """The first `rows` items of a JSON file (a non-object as {"value": item}), their keys in
    first-seen order, and how many items the file holds when that is all of them."""
    try:
        taken = list(islice(items, rows + 1))
    finally:
        items.close()
    sample = [item if isinstance(item, dict) else {"value": item} for item in taken[:rows]]
    columns = list(dict.fromkeys(str(key) for item in sample for key in item))
    return sample, columns, len(taken) if len(taken) <= rows else None
