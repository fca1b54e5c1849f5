"""Assembling one order from its cells, whatever the format: the readers collect raw cells
(each with its line and column), `finish` parses and checks them all and returns an
OrderRecord or, if anything is wrong, an OrderError with every problem — never half an order."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TypeVar

from apps.catalog.importing.common.cells import CellChecks
from apps.catalog.importing.common.indexes import CompactIndex, key_hash
from apps.catalog.importing.common.records import RowError
from apps.catalog.importing.common.values import http_url, parse_currency, parse_datetime, quote
from apps.catalog.importing.orders.fields import (
    STATUS_PARSERS,
    parse_email,
    parse_quantity,
    parse_shipment_status,
    status_word_key,
)
from apps.catalog.importing.orders.records import (
    FulfilmentRecord,
    OrderError,
    OrderLineRecord,
    OrderRecord,
)
from apps.catalog.importing.orders.status_words import STATUS_TARGETS, StatusWords

T = TypeVar("T")
MAX_AMOUNT = Decimal(10**10)  # what the database's money columns hold
MAX_NUMBER_CHARS = 64
MAX_URL_CHARS = 2000


@dataclass(frozen=True)
class Cell:
    raw: object  # "" when blank or absent
    line: int
    column: str  # as the merchant knows it: the CSV header or the JSON path


Cells = dict[str, Cell]


@dataclass
class OrderContext:
    """State shared by all orders of one read."""

    currency: str = "USD"  # for orders that do not name theirs
    status_words: StatusWords = field(default_factory=dict)  # the store's own status words
    # order number → (content hash, first line, last line)
    numbers: CompactIndex = field(default_factory=lambda: CompactIndex(("Q", "I", "I")))


def blank(raw: object) -> bool:
    return raw is None or not str(raw).strip()


@dataclass
class OrderDraft(CellChecks):
    number: str
    first: int
    last: int
    fields: Cells = field(default_factory=dict)
    lines: list[Cells] = field(default_factory=list)
    fulfilments: list[Cells] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    def cell(self, cells: Cells, name: str) -> Cell:
        return cells.get(name) or Cell("", self.first, name)

    def value(self, cell: Cell, parse: Callable[[object], T | None]) -> T | None:
        return self.parsed(parse, cell.raw, cell.line, cell.column)

    def shown(self, cell: Cell) -> str:
        """Text people see (staff, exports, the shopper it belongs to): never a formula."""
        return self.text(cell.raw, cell.line, cell.column)

    def money(self, cell: Cell, currency: str) -> Decimal | None:
        amount = self.price(cell.raw, cell.line, cell.column, currency)
        if amount is not None and amount >= MAX_AMOUNT:
            self.error(cell.line, cell.column, "invalid_price", f"{cell.column} is too large")
            return None
        return amount

    def require(self, cell: Cell, value: object) -> None:
        if value in (None, "") and blank(cell.raw):
            self.error(cell.line, cell.column, "required", f"{cell.column} is required")

    def digest(self) -> int:
        """The raw content, for telling a repeated order from a conflicting one."""

        def raw(cells: Cells) -> dict[str, str]:
            return {k: str(c.raw).strip() for k, c in cells.items() if not blank(c.raw)}

        content = [raw(self.fields), [raw(c) for c in self.lines]]
        content.append([raw(c) for c in self.fulfilments])
        return key_hash(json.dumps(content, sort_keys=True))


def finish(draft: OrderDraft, ctx: OrderContext) -> OrderRecord | OrderError:
    return _repeated(draft, ctx) or _build(draft, ctx)


def _repeated(draft: OrderDraft, ctx: OrderContext) -> OrderError | None:
    """An order number seen earlier in the file: the first order is kept, this one refused."""
    if not draft.number:
        return None
    digest = draft.digest()
    prior = ctx.numbers.get(draft.number)
    if prior is None:
        ctx.numbers.put(draft.number, digest, draft.first, draft.last)
        return None
    old_digest, first, last = prior
    where = f"line {first}" if first == last else f"lines {first}-{last}"
    if old_digest == digest:
        code, problem = "duplicate_order", "appears again with the same data"
    else:
        code, problem = "conflicting_duplicate", "appears again with different data"
    message = (
        f"Order {quote(draft.number)} {problem} (first on {where}); "
        "the first one was kept and this one was not imported"
    )
    return OrderError(
        number=draft.number,
        rows=(draft.first, draft.last),
        errors=[RowError(draft.first, None, code, message)],
    )


def _statuses(d: OrderDraft, words: StatusWords) -> dict[str, str | None]:
    """The order's three statuses from its status cells: the store's own words first (a word
    may set any of the three), then each column's built-in vocabulary."""
    statuses: dict[str, str | None] = dict.fromkeys(STATUS_TARGETS)
    unmapped = []
    for target in STATUS_TARGETS:
        cell = d.cell(d.fields, target)
        if mapped := words.get(status_word_key(cell.raw)):
            statuses.update({k: v for k, v in mapped.items() if statuses[k] is None})
        else:
            unmapped.append((target, cell))
    for target, cell in unmapped:
        statuses[target] = d.value(cell, STATUS_PARSERS[target]) or statuses[target]
    return statuses


def _build(d: OrderDraft, ctx: OrderContext) -> OrderRecord | OrderError:
    default_currency = ctx.currency
    f = d.fields
    number_cell = d.cell(f, "number")
    number = d.shown(number_cell)
    d.require(number_cell, number)
    if len(number) > MAX_NUMBER_CHARS:
        d.error(
            number_cell.line,
            number_cell.column,
            "invalid_value",
            f"{number_cell.column} is longer than {MAX_NUMBER_CHARS} characters",
        )
    d.shown(d.cell(f, "email"))
    email = d.value(d.cell(f, "email"), parse_email) or ""
    customer_name = d.shown(d.cell(f, "customer_name"))
    currency = d.value(d.cell(f, "currency"), parse_currency) or default_currency
    # optional: some stores' exports have no dates, and none is invented for them
    placed_at = d.value(d.cell(f, "placed_at"), parse_datetime)
    cancelled_at = d.value(d.cell(f, "cancelled_at"), parse_datetime)
    lines = [line for cells in d.lines if (line := _line(d, cells, currency))]
    if not d.lines:
        d.error(d.first, None, "required", "The order has no lines (quantity, price, title/SKU)")
    fulfilments = [_fulfilment(d, cells) for cells in d.fulfilments]
    subtotal = d.money(d.cell(f, "subtotal"), currency)
    shipping = d.money(d.cell(f, "shipping"), currency)
    tax = d.money(d.cell(f, "tax"), currency)
    total = d.money(d.cell(f, "total"), currency)
    statuses = _statuses(d, ctx.status_words)
    status, financial = statuses["status"], statuses["financial_status"]
    fulfilment = statuses["fulfilment_status"]
    if d.errors:
        d.errors.sort(key=lambda e: e.line)
        return OrderError(number=number or None, rows=(d.first, d.last), errors=d.errors)
    if subtotal is None:
        subtotal = sum((line.total for line in lines), Decimal(0))
    if total is None:
        total = subtotal + (shipping or 0) + (tax or 0)
    return OrderRecord(
        number=number,
        email=email,
        customer_name=customer_name,
        status=status or ("cancelled" if cancelled_at else "open"),
        financial_status=financial or "pending",
        fulfilment_status=fulfilment or ("fulfilled" if fulfilments else "unfulfilled"),
        currency=currency,
        subtotal=subtotal,
        shipping=shipping,
        tax=tax,
        total=total,
        placed_at=placed_at,
        cancelled_at=cancelled_at,
        lines=lines,
        fulfilments=fulfilments,
        rows=(d.first, d.last),
    )


def _line(d: OrderDraft, cells: Cells, currency: str) -> OrderLineRecord | None:
    sku = str(d.cell(cells, "sku").raw or "").strip()  # an identifier: kept verbatim
    title_cell = d.cell(cells, "title")
    title = d.shown(title_cell)
    variant_title = d.shown(d.cell(cells, "variant_title"))
    quantity_cell, price_cell = d.cell(cells, "quantity"), d.cell(cells, "price")
    quantity = d.value(quantity_cell, parse_quantity)
    d.require(quantity_cell, quantity)
    price = d.money(price_cell, currency)
    d.require(price_cell, price)
    if not (sku or title):
        d.error(title_cell.line, title_cell.column, "required", "A line needs a title or a SKU")
    if quantity is None or price is None:
        return None
    total = price * quantity
    if total >= MAX_AMOUNT:
        d.error(price_cell.line, price_cell.column, "invalid_price", "The line total is too large")
        return None
    return OrderLineRecord(
        sku=sku,
        title=title,
        variant_title=variant_title,
        quantity=quantity,
        unit_price=price,
        total=total,
    )


def _fulfilment(d: OrderDraft, cells: Cells) -> FulfilmentRecord:
    url_cell = d.cell(cells, "tracking_url")
    url = ""
    if not blank(url_cell.raw):
        url = http_url(str(url_cell.raw)) or ""
        if not url or len(url) > MAX_URL_CHARS:
            d.error(
                url_cell.line,
                url_cell.column,
                "invalid_url",
                f"{url_cell.column} {quote(str(url_cell.raw))} is not a web address "
                "(http:// or https://)",
            )
    shipped_at: datetime | None = d.value(d.cell(cells, "shipped_at"), parse_datetime)
    delivered_at: datetime | None = d.value(d.cell(cells, "delivered_at"), parse_datetime)
    status = d.value(d.cell(cells, "status"), parse_shipment_status)
    return FulfilmentRecord(
        carrier=d.shown(d.cell(cells, "carrier")),
        tracking_number=d.shown(d.cell(cells, "tracking_number")),
        tracking_url=url,
        status=status or ("delivered" if delivered_at else "shipped"),
        shipped_at=shipped_at,
        delivered_at=delivered_at,
    )
