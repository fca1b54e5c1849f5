"""JSON order lists: an array of orders (or {"orders": [...]}), each

    {"number", "email", "name" (or "customer_name"), "status", "financial_status",
     "fulfilment_status" (or "fulfillment_status"), "currency", "subtotal", "shipping", "tax",
     "total", "placed_at" (or "created_at"), "cancelled_at",
     "lines": [{"sku", "title", "variant_title", "quantity", "price"}],
     "fulfilments" (or "fulfillments"): [{"carrier", "tracking_number", "tracking_url",
                                          "status", "shipped_at", "delivered_at"}]}

Line numbers are item numbers (array index + 1); error columns are JSON paths
("lines[1].price").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from apps.catalog.importing.common.jsonstream import ORDERS, iter_items, text_of
from apps.catalog.importing.common.records import RowError
from apps.catalog.importing.common.sources import too_many_rows
from apps.catalog.importing.orders.draft import Cell, Cells, OrderContext, OrderDraft, finish
from apps.catalog.importing.orders.records import OrderError, OrderRecord

# field → accepted keys, ours first
ORDER_KEYS: dict[str, tuple[str, ...]] = {
    "number": ("number", "order_number"),
    "email": ("email", "customer_email"),
    "customer_name": ("name", "customer_name"),
    "status": ("status",),
    "financial_status": ("financial_status",),
    "fulfilment_status": ("fulfilment_status", "fulfillment_status"),
    "currency": ("currency",),
    "subtotal": ("subtotal",),
    "shipping": ("shipping",),
    "tax": ("tax", "taxes"),
    "total": ("total",),
    "placed_at": ("placed_at", "created_at"),
    "cancelled_at": ("cancelled_at",),
}
LINE_KEYS: dict[str, tuple[str, ...]] = {
    "sku": ("sku",),
    "title": ("title", "name"),
    "variant_title": ("variant_title",),
    "quantity": ("quantity",),
    "price": ("price", "unit_price"),
}
FULFILMENT_KEYS: dict[str, tuple[str, ...]] = {
    "carrier": ("carrier", "tracking_company"),
    "tracking_number": ("tracking_number",),
    "tracking_url": ("tracking_url",),
    "status": ("status", "shipment_status"),
    "shipped_at": ("shipped_at", "created_at"),
    "delivered_at": ("delivered_at",),
}


def _key(item: dict[str, Any], names: tuple[str, ...]) -> str:
    return next((name for name in names if name in item), names[0])


class OrderJsonReader:
    def __init__(self, path: Path, ctx: OrderContext, *, max_rows: int) -> None:
        self.path = path
        self.ctx = ctx
        self.max_rows = max_rows

    def orders(self) -> Iterator[OrderRecord | OrderError]:
        for index, item in enumerate(iter_items(self.path, ORDERS), start=1):
            if index > self.max_rows:
                raise too_many_rows(self.max_rows)
            if not isinstance(item, dict):
                error = RowError(index, None, "invalid_json", f"Item {index} is not an object")
                yield OrderError(number=None, rows=(index, index), errors=[error])
                continue
            number = text_of(item.get(_key(item, ORDER_KEYS["number"]))).strip()
            draft = OrderDraft(number=number, first=index, last=index)
            draft.fields = self.cells(draft, item, ORDER_KEYS, "")
            draft.lines = [
                self.cells(draft, entry, LINE_KEYS, path)
                for path, entry in self.entries(draft, item, ("lines", "line_items"))
            ]
            draft.fulfilments = [
                self.cells(draft, entry, FULFILMENT_KEYS, path)
                for path, entry in self.entries(draft, item, ("fulfilments", "fulfillments"))
            ]
            yield finish(draft, self.ctx)

    @staticmethod
    def cells(
        draft: OrderDraft, item: dict[str, Any], keys: dict[str, tuple[str, ...]], prefix: str
    ) -> Cells:
        cells: Cells = {}
        for name, names in keys.items():
            column = prefix + _key(item, names)
            raw = item.get(_key(item, names))
            if isinstance(raw, dict | list):
                draft.error(
                    draft.first, column, "invalid_value", f"{column} must be a single value"
                )
                raw = None
            cells[name] = Cell("" if raw is None else raw, draft.first, column)
        return cells

    @staticmethod
    def entries(
        draft: OrderDraft, item: dict[str, Any], names: tuple[str, ...]
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        key = _key(item, names)
        value = item.get(key)
        if value is None:
            return
        if not isinstance(value, list):
            draft.error(draft.first, key, "invalid_value", f"{key} must be a list")
            return
        for position, entry in enumerate(value):
            path = f"{key}[{position}]"
            if isinstance(entry, dict):
                yield f"{path}.", entry
            else:
                draft.error(draft.first, path, "invalid_value", f"{path} must be an object")
