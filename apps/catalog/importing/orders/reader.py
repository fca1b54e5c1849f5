"""The entry points for order files: preview_orders and read_orders."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from apps.catalog.importing.common.jsonstream import ORDERS, iter_items, text_of
from apps.catalog.importing.common.preview import DEFAULT_MAX_ROWS, json_sample, row_estimate
from apps.catalog.importing.common.records import Preview
from apps.catalog.importing.common.sources import open_table, sniff_kind
from apps.catalog.importing.orders.draft import OrderContext
from apps.catalog.importing.orders.fields import detect_order_format, guess_order_mapping
from apps.catalog.importing.orders.jsonfmt import ORDER_KEYS, OrderJsonReader
from apps.catalog.importing.orders.records import ORDER_FIELDS, OrderError, OrderRecord
from apps.catalog.importing.orders.status_words import (
    STATUS_TARGETS,
    StatusWords,
    status_words_found,
)
from apps.catalog.importing.orders.table import (
    OrderTableReader,
    missing_columns_error,
    missing_targets,
)

# The status-words step reads this many orders (rows) of the file: enough to meet every word a
# store uses, quick enough for the preview request.
STATUS_WORDS_SCANNED = 10_000


def preview_orders(path: Path, *, filename: str, rows: int = 20) -> Preview:
    """Format ("shopify" | "generic" | "json"), columns, guessed mapping and the first rows.
    Refuses (ImportFileError) unreadable files and Shopify order exports lacking required
    columns; for other tables the unmapped required fields are listed instead."""
    if sniff_kind(path, filename) == "json":
        return _json_preview(path, rows)
    with open_table(path, sniff_kind(path, filename), max_rows=DEFAULT_MAX_ROWS) as table:
        columns = table.columns
        fmt = detect_order_format(columns)
        mapping = guess_order_mapping(columns)
        missing = missing_targets(mapping)
        if fmt == "shopify" and missing:
            raise missing_columns_error(missing)
        stream = table.rows()
        sample = list(islice(stream, rows))
        exhausted = len(sample) < rows or next(stream, None) is None
        return Preview(
            format=fmt,
            columns=list(columns),
            mapping=mapping,
            required_missing=missing,
            sample=[{c: str(row.get(c)) for c in columns} for row in sample],
            row_estimate=row_estimate(table, sample, exhausted),
            notes=list(table.notes),
        )


def _json_preview(path: Path, rows: int) -> Preview:
    sample, columns, estimate = json_sample(iter_items(path, ORDERS), rows)
    return Preview(
        format="json",
        columns=columns,
        mapping={},
        required_missing=[] if "number" in columns or not sample else ["number"],
        sample=[{str(k): text_of(v) for k, v in item.items()} for item in sample],
        row_estimate=estimate,
    )


def order_status_words(
    path: Path, *, filename: str, mapping: dict[str, str] | None, status_words: StatusWords
) -> list[dict[str, Any]]:
    """The status words of the file's orders and what each maps to (see status_words_found),
    in every format: JSON keys, or the columns mapped to the status fields."""
    if sniff_kind(path, filename) == "json":
        items = islice(iter_items(path, ORDERS), STATUS_WORDS_SCANNED)
        cells = (
            (target, item.get(next((k for k in ORDER_KEYS[target] if k in item), target)))
            for item in items
            if isinstance(item, dict)
            for target in STATUS_TARGETS
        )
        return status_words_found(cells=cells, mapped=status_words)
    with open_table(path, sniff_kind(path, filename), max_rows=DEFAULT_MAX_ROWS) as table:
        columns = {
            target: column
            for target, column in (mapping or guess_order_mapping(table.columns)).items()
            if target in STATUS_TARGETS
        }
        rows = islice(table.rows(), STATUS_WORDS_SCANNED)
        return status_words_found(
            cells=((t, row.get(c)) for row in rows for t, c in columns.items()),
            mapped=status_words,
        )


def read_orders(
    path: Path,
    *,
    filename: str,
    mapping: dict[str, str] | None = None,
    status_words: StatusWords | None = None,
    currency: str = "USD",
    max_rows: int = DEFAULT_MAX_ROWS,
) -> Iterator[OrderRecord | OrderError]:
    """Every order of the file, one at a time, as an OrderRecord or an OrderError (with all
    its problems). Raises ImportFileError when the file as a whole cannot be used — for
    CSV/XLSX before the first order (encoding, required columns, mapping, row count).
    `currency` is for orders that do not name theirs; `mapping` drives CSV/XLSX files
    (guessed from the headers when not given) and is ignored for JSON; `status_words` (the
    store's own status words, see status_words.py) apply to every format."""
    ctx = OrderContext(currency=currency, status_words=status_words or {})
    kind = sniff_kind(path, filename)
    if kind == "json":
        yield from OrderJsonReader(path, ctx, max_rows=max_rows).orders()
        return
    with open_table(path, kind, max_rows=max_rows) as table:
        reader = OrderTableReader(table, mapping or guess_order_mapping(table.columns), ctx)
        yield from reader.orders()


__all__ = ["ORDER_FIELDS", "order_status_words", "preview_orders", "read_orders"]
