"""What the order readers hand to the import service: one OrderRecord (or OrderError) per
order, with every line and fulfilment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from apps.catalog.importing.common.records import RowError

# Target fields a column can be mapped to ({target field: source column}); one CSV row is one
# order line, the order's own fields may be repeated on its other rows or left blank there.
ORDER_FIELDS = (
    "number",
    "email",
    "customer_name",
    "status",
    "financial_status",
    "fulfilment_status",
    "currency",
    "subtotal",
    "shipping",
    "tax",
    "total",
    "placed_at",
    "cancelled_at",
)
# mapping target → OrderLineRecord / FulfilmentRecord field
LINE_FIELDS = {
    "line_sku": "sku",
    "line_title": "title",
    "line_variant_title": "variant_title",
    "line_quantity": "quantity",
    "line_price": "price",
}
FULFILMENT_FIELDS = {
    "carrier": "carrier",
    "tracking_number": "tracking_number",
    "tracking_url": "tracking_url",
    "shipment_status": "status",
    "shipped_at": "shipped_at",
    "delivered_at": "delivered_at",
}
ORDER_TARGET_FIELDS = (*ORDER_FIELDS, *LINE_FIELDS, *FULFILMENT_FIELDS)
REQUIRED_TARGETS = ("number", "email", "line_quantity", "line_price")
LINE_NAME_TARGETS = ("line_title", "line_sku")  # at least one of them


@dataclass(frozen=True)
class OrderLineRecord:
    sku: str
    title: str
    variant_title: str
    quantity: int
    unit_price: Decimal
    total: Decimal


@dataclass(frozen=True)
class FulfilmentRecord:
    carrier: str
    tracking_number: str
    tracking_url: str
    status: str
    shipped_at: datetime | None
    delivered_at: datetime | None


@dataclass(frozen=True)
class OrderRecord:
    number: str
    email: str  # trimmed and lower-cased; "" for orders without one (e.g. point of sale)
    customer_name: str
    status: str  # Order.Status
    financial_status: str  # Order.FinancialStatus
    fulfilment_status: str  # Order.FulfilmentStatus
    currency: str
    subtotal: Decimal
    shipping: Decimal | None  # None: not in the file
    tax: Decimal | None
    total: Decimal
    placed_at: datetime | None  # None: the file has no order date
    cancelled_at: datetime | None
    lines: list[OrderLineRecord]  # never empty
    fulfilments: list[FulfilmentRecord]
    rows: tuple[int, int]  # first and last line (CSV) / row (XLSX) / item number (JSON)


@dataclass(frozen=True)
class OrderError:
    number: str | None
    rows: tuple[int, int]
    errors: list[RowError]
