"""Any other table, read through a mapping {target field: column}.

Rows are grouped into products by key: the mapped external_id, else the mapped handle, else —
when option columns are mapped — the title (so "T-Shirt;S" and "T-Shirt;M" become one product
with two variants), else the SKU, else the title. Consecutive rows with the same key are one
product; a row with no title and no key of its own continues the product above. Every row of a
product is one variant. Unmapped columns are kept as attributes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from apps.catalog.importing.common.records import ImportFileError
from apps.catalog.importing.common.sources import Row, Table
from apps.catalog.importing.common.values import (
    BadValue,
    category_path,
    http_url,
    parse_bool,
    parse_status,
    slugify,
    split_list,
)
from apps.catalog.importing.products.columns import GENERIC_REQUIRED
from apps.catalog.importing.products.draft import Context, Draft, finish, repeated_key_error
from apps.catalog.importing.products.records import ProductError, ProductRecord, VariantRecord

_IMAGE_SPLIT = re.compile(r"[\s,;|]+")
_AVAILABLE = {
    "in stock",
    "instock",
    "available",
    "auf lager",
    "lieferbar",
    "verfügbar",
    "vorrätig",
    "backorder",
    "preorder",
    "pre-order",
}
_UNAVAILABLE = {
    "out of stock",
    "outofstock",
    "sold out",
    "unavailable",
    "nicht lieferbar",
    "nicht verfügbar",
    "nicht vorrätig",
    "ausverkauft",
}


def parse_available(raw: object) -> bool | None:
    text = " ".join(str(raw).split()).casefold()
    if not text:
        return None
    if text in _AVAILABLE:
        return True
    if text in _UNAVAILABLE:
        return False
    flag = parse_bool(text)
    if flag is None:
        raise BadValue("invalid_number", "is not yes/no, in stock or out of stock")
    return flag


class GenericReader:
    def __init__(self, table: Table, mapping: dict[str, str], ctx: Context) -> None:
        self.table = table
        self.ctx = ctx
        self.map = mapping
        missing = [t for t in GENERIC_REQUIRED if t not in mapping]
        if missing:
            raise ImportFileError(
                "missing_column",
                "No column is mapped to " + " and ".join(missing) + ": choose the columns "
                "that hold them.",
            )
        self.options = [(t[7:].strip(), c) for t, c in mapping.items() if t.startswith("option:")]
        used = set(mapping.values())
        self.attribute_columns = [c for c in table.columns if c not in used]

    def cell(self, row: Row, target: str) -> str:
        return row.get(self.map.get(target))

    def name(self, target: str) -> str:
        return self.map.get(target, target)

    def key(self, row: Row) -> str:
        for target in ("external_id", "handle"):
            if value := self.cell(row, target).strip():
                return value
        title = slugify(self.cell(row, "title"))
        sku = self.cell(row, "sku").strip()
        if self.options:
            return title or sku
        return sku or title

    def products(self) -> Iterator[ProductRecord | ProductError]:
        draft: Draft | None = None
        for row in self.table.rows():
            key = self.key(row)
            explicit = any(self.cell(row, t).strip() for t in ("external_id", "handle", "title"))
            if draft is not None and (key == draft.key or not explicit):
                self.variant(draft, row)  # same key, or a row with no title/id of its own
                continue
            if draft is not None:
                yield self.close(draft)
            draft = Draft(key=key or f"line-{row.first}", first=row.first, last=row.last)
            self.product(draft, row)
            self.variant(draft, row)
        if draft is not None:
            yield self.close(draft)

    def close(self, draft: Draft) -> ProductRecord | ProductError:
        repeated = repeated_key_error(draft, self.ctx, label="Product")
        return repeated or finish(draft, self.ctx)

    def product(self, draft: Draft, row: Row) -> None:
        line = row.first
        draft.handle = self.cell(row, "handle").strip()
        draft.title = draft.text(self.cell(row, "title"), line, self.name("title"))
        draft.title_at = (line, self.name("title"))
        draft.description_html = draft.text(
            self.cell(row, "description_html"), line, self.name("description_html"), strip=False
        )
        draft.vendor = draft.text(self.cell(row, "vendor"), line, self.name("vendor"))
        draft.product_type = draft.text(
            self.cell(row, "product_type"), line, self.name("product_type")
        )
        draft.tags = draft.texts(split_list(self.cell(row, "tags"), ",;|"), line, self.name("tags"))
        draft.status = parse_status(self.cell(row, "status")) or "active"
        url = self.cell(row, "url").strip()
        if url:
            draft.url = http_url(url)
        draft.collections = draft.texts(
            [category_path(c) for c in split_list(self.cell(row, "collections"), ",;|")],
            line,
            self.name("collections"),
        )
        for column in self.attribute_columns:
            value = row.get(column).strip()
            if value:
                draft.attributes[column] = draft.text(value, line, column)
        draft.require_price = True
        draft.price_at = self.name("price")

    def variant(self, draft: Draft, row: Row) -> None:
        line, currency = row.first, self.ctx.currency
        draft.touch(row.last)
        for image in _IMAGE_SPLIT.split(self.cell(row, "images")):
            if image:
                draft.image(image)
        options = {}
        for name, column in self.options:
            value = row.get(column).strip()
            if value:
                options[name] = draft.text(value, line, column)
        quantity = draft.count(
            self.cell(row, "inventory_quantity"), line, self.name("inventory_quantity")
        )
        available = draft.parsed(
            parse_available, self.cell(row, "available"), line, self.name("available")
        )
        if available is None:
            available = quantity is None or quantity > 0
        draft.add_variant(
            line,
            VariantRecord(
                sku=self.cell(row, "sku").strip() or None,
                options=options,
                price=draft.price(self.cell(row, "price"), line, self.name("price"), currency),
                compare_at_price=draft.price(
                    self.cell(row, "compare_at_price"),
                    line,
                    self.name("compare_at_price"),
                    currency,
                ),
                inventory_quantity=quantity,
                available=available,
                barcode=self.cell(row, "barcode").strip() or None,
            ),
        )
        draft.scan_row(row.cells.values())
