"""Reading merchants' order files: Shopify's order CSV export, any other CSV/XLSX table through
a column mapping (one row per order line), and JSON order lists with nested lines and
fulfilments. Pure: no database, no network; streamed like product files (see
apps/catalog/importing/__init__.py) — memory holds one order plus a compact index of the
order numbers seen.

Whole file or whole order. ImportFileError refuses a file that cannot be used at all (missing
required columns, unknown mapping columns, bad encoding, not CSV/XLSX/JSON, too many rows).
Anything wrong within an order — a missing or malformed value ("1.234,5x", "abc", a negative
quantity, a bad date, email or status), a formula, rows of one order that disagree — yields an
OrderError listing every problem with its line and column, and none of that order is imported.
An order number that comes back later in the file is refused (the first one is kept):
"duplicate_order" when the data is the same, "conflicting_duplicate" when it differs.

Formula policy as for products, applied to every text field of an order (number, email,
customer name, line titles, carrier, tracking number): none of them is ever legitimately a
spreadsheet formula, and all of them end up in staff exports. SKUs are identifiers, kept
verbatim. Amounts use the product price rules in the order's currency (or the import's).
"""

from apps.catalog.importing.orders.reader import preview_orders, read_orders
from apps.catalog.importing.orders.records import (
    ORDER_TARGET_FIELDS,
    FulfilmentRecord,
    OrderError,
    OrderLineRecord,
    OrderRecord,
)

__all__ = [
    "ORDER_TARGET_FIELDS",
    "FulfilmentRecord",
    "OrderError",
    "OrderLineRecord",
    "OrderRecord",
    "preview_orders",
    "read_orders",
]
