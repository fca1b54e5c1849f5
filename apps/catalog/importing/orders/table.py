"""Order CSV/XLSX files: one row per order line, read through a column mapping (Shopify's
order export headers are recognised; any other table is mapped by the merchant).

An order is a block of consecutive rows with the same order number (a row with no number
continues the order above it). Its own fields (email, statuses, totals, dates, …) may be
repeated on every row or given on its first row only; a row that gives a different value than
an earlier row of the same order is an error. Rows with
tracking columns add a fulfilment (the same tracking number on several rows counts once).
"""

from __future__ import annotations

from collections.abc import Iterator

from apps.catalog.importing.common.mapping import check_mapping
from apps.catalog.importing.common.records import ImportFileError
from apps.catalog.importing.common.sources import Row, Table
from apps.catalog.importing.common.values import quote
from apps.catalog.importing.orders.draft import Cell, Cells, OrderContext, OrderDraft, finish
from apps.catalog.importing.orders.records import (
    FULFILMENT_FIELDS,
    LINE_FIELDS,
    LINE_NAME_TARGETS,
    ORDER_FIELDS,
    ORDER_TARGET_FIELDS,
    REQUIRED_TARGETS,
    OrderError,
    OrderRecord,
)

MAX_ROWS_PER_ORDER = 10_000
_LABELS = {
    "number": "order number",
    "email": "customer email",
    "placed_at": "order date",
    "line_quantity": "line quantity",
    "line_price": "line price",
    "line_title": "line title or SKU",
}


def missing_targets(mapping: dict[str, str]) -> list[str]:
    missing = [t for t in REQUIRED_TARGETS if t not in mapping]
    if not any(t in mapping for t in LINE_NAME_TARGETS):
        missing.append("line_title")
    return missing


def missing_columns_error(missing: list[str]) -> ImportFileError:
    return ImportFileError(
        "missing_column",
        "This order file has no column for "
        + ", ".join(f"{_LABELS[t]} ({t})" for t in missing)
        + ". Map a column to each, or upload Shopify's order export.",
    )


class OrderTableReader:
    def __init__(self, table: Table, mapping: dict[str, str], ctx: OrderContext) -> None:
        check_mapping(mapping, table.columns, ORDER_TARGET_FIELDS)
        if missing := missing_targets(mapping):
            raise missing_columns_error(missing)
        self.table = table
        self.mapping = mapping
        self.ctx = ctx

    def orders(self) -> Iterator[OrderRecord | OrderError]:
        draft: OrderDraft | None = None
        rows = 0
        for row in self.table.rows():
            number = row.get(self.mapping["number"]).strip()
            if draft is None or (number and number != draft.number):
                if draft is not None:
                    yield finish(draft, self.ctx)
                draft, rows = OrderDraft(number=number, first=row.first, last=row.last), 0
            rows += 1
            if rows > MAX_ROWS_PER_ORDER:
                if rows == MAX_ROWS_PER_ORDER + 1:
                    draft.error(row.first, None, "too_many_rows", "The order has too many rows")
                continue
            self.add(draft, row)
        if draft is not None:
            yield finish(draft, self.ctx)

    def cells(self, row: Row, targets: dict[str, str]) -> Cells:
        return {
            name: Cell(row.get(column), row.first, column)
            for target, name in targets.items()
            if (column := self.mapping.get(target))
        }

    def add(self, draft: OrderDraft, row: Row) -> None:
        draft.last = row.last
        for target in ORDER_FIELDS:
            column = self.mapping.get(target)
            if column is None:
                continue
            raw = row.get(column).strip()
            known = draft.fields.get(target)
            if known is None or (raw and not str(known.raw)):
                draft.fields[target] = Cell(raw, row.first, column)
            elif raw and raw.casefold() != str(known.raw).casefold():
                draft.error(
                    row.first,
                    column,
                    "conflicting_duplicate",
                    f"{column} {quote(raw)} differs from {quote(str(known.raw))} on line "
                    f"{known.line}: all rows of order {quote(draft.number)} must agree",
                )
        line = self.cells(row, LINE_FIELDS)
        if any(str(cell.raw).strip() for cell in line.values()):
            draft.lines.append(line)
        fulfilment = self.cells(row, FULFILMENT_FIELDS)
        key = _parcel(fulfilment)
        if key and key not in {_parcel(cells) for cells in draft.fulfilments}:
            draft.fulfilments.append(fulfilment)


def _parcel(cells: Cells) -> str:
    """The tracking number, else carrier and URL: a parcel listed on several rows counts once."""

    def raw(name: str) -> str:
        return str(cells[name].raw).strip().casefold() if name in cells else ""

    if number := raw("tracking_number"):
        return number
    carrier, url = raw("carrier"), raw("tracking_url")
    return f"{carrier}|{url}" if carrier or url else ""
