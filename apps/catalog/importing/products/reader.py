"""The entry points: detect_format, preview and read_products."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from apps.catalog.importing.common.jsonstream import iter_items, text_of
from apps.catalog.importing.common.mapping import check_mapping
from apps.catalog.importing.common.preview import DEFAULT_MAX_ROWS, json_sample, row_estimate
from apps.catalog.importing.common.records import ImportFileError, Preview
from apps.catalog.importing.common.sources import Row, open_table, sniff_kind
from apps.catalog.importing.products.columns import (
    GENERIC_REQUIRED,
    SHOPIFY,
    SHOPIFY_REQUIRED,
    WOO,
    detect_format,
    guess_mapping,
    missing_columns_error,
    resolve,
)
from apps.catalog.importing.products.draft import Context
from apps.catalog.importing.products.generic import GenericReader
from apps.catalog.importing.products.jsonfmt import JsonReader
from apps.catalog.importing.products.records import (
    FORMATS,
    PRODUCT_FIELDS,
    TARGET_FIELDS,
    ProductError,
    ProductRecord,
)
from apps.catalog.importing.products.shopify import ShopifyReader
from apps.catalog.importing.products.woocommerce import WooReader

_SHOPIFY_TARGETS = {
    "external_id": "Handle",
    "handle": "Handle",
    "title": "Title",
    "description_html": "Body (HTML)",
    "vendor": "Vendor",
    "product_type": "Type",
    "tags": "Tags",
    "images": "Image Src",
    "collections": "Product Category",
    "sku": "Variant SKU",
    "price": "Variant Price",
    "compare_at_price": "Variant Compare At Price",
    "inventory_quantity": "Variant Inventory Qty",
    "available": "Variant Inventory Policy",
    "barcode": "Variant Barcode",
}
_WOO_TARGETS = {
    "external_id": "ID",
    "title": "Name",
    "description_html": "Description",
    "vendor": "Brands",
    "tags": "Tags",
    "status": "Published",
    "url": "External URL",
    "images": "Images",
    "collections": "Categories",
    "sku": "SKU",
    "price": "Regular price",
    "inventory_quantity": "Stock",
    "available": "In stock?",
    "barcode": "GTIN, UPC, EAN, or ISBN",
}


def _known_mapping(
    columns: list[str], spec: dict[str, tuple[str, ...]], targets: dict[str, str]
) -> dict[str, str]:
    found = resolve(columns, spec)
    return {target: col for target, name in targets.items() if (col := found.get(name))}


def _shopify_mapping(columns: list[str], sample: list[Row]) -> dict[str, str]:
    found = resolve(columns, SHOPIFY)
    mapping = _known_mapping(columns, SHOPIFY, _SHOPIFY_TARGETS)
    status = found["Status"] or found["Published"]
    if status:
        mapping["status"] = status
    if "collections" not in mapping and found["Collection"]:
        mapping["collections"] = found["Collection"]
    for i in (1, 2, 3):
        name_col, value_col = found[f"Option{i} Name"], found[f"Option{i} Value"]
        if not (name_col and value_col):
            continue
        for row in sample:
            name = row.get(name_col).strip()
            if name and not (i == 1 and name.casefold() == "title"):
                mapping.setdefault(f"option:{name}", value_col)
                break
    return mapping


def _woo_mapping(columns: list[str], sample: list[Row]) -> dict[str, str]:
    mapping = _known_mapping(columns, WOO, _WOO_TARGETS)
    lowered = {c.casefold(): c for c in columns}
    for n in range(1, 100):
        name_col = lowered.get(f"attribute {n} name")
        value_col = lowered.get(f"attribute {n} value(s)")
        if not (name_col and value_col):
            if name_col is None:
                break
            continue
        for row in sample:
            name = row.get(name_col).strip()
            if name:
                mapping.setdefault(f"option:{name}", value_col)
                break
    return mapping


def preview(path: Path, *, filename: str, rows: int = 20) -> Preview:
    """Format, columns, detected (or guessed) mapping and the first rows. Refuses
    (ImportFileError) files that are unreadable, and Shopify/WooCommerce exports that lack
    their required columns; for other files the unmapped required fields are listed instead."""
    kind = sniff_kind(path, filename)
    if kind == "json":
        return _json_preview(path, rows)
    with open_table(path, kind, max_rows=DEFAULT_MAX_ROWS) as table:
        columns = table.columns
        fmt = detect_format(columns, filename=filename)
        stream = table.rows()
        sample = list(islice(stream, rows))
        exhausted = len(sample) < rows or next(stream, None) is None
        required_missing: list[str] = []
        if fmt == "shopify":
            found = resolve(columns, SHOPIFY)
            missing = [n for n in SHOPIFY_REQUIRED if not found[n]]
            if missing:
                raise missing_columns_error(missing, fmt)
            mapping = _shopify_mapping(columns, sample)
        elif fmt == "woocommerce":
            found = resolve(columns, WOO)
            missing = [] if found["Name"] else ["Name"]
            if not (found["Regular price"] or found["Sale price"]):
                missing.append("Regular price")
            if missing:
                raise missing_columns_error(missing, fmt)
            mapping = _woo_mapping(columns, sample)
        else:
            mapping = guess_mapping(columns)
            required_missing = [t for t in GENERIC_REQUIRED if t not in mapping]
        return Preview(
            format=fmt,
            columns=list(columns),
            mapping=mapping,
            required_missing=required_missing,
            sample=[{c: str(row.get(c)) for c in columns} for row in sample],
            row_estimate=row_estimate(table, sample, exhausted),
            notes=list(table.notes),
        )


def _json_preview(path: Path, rows: int) -> Preview:
    sample, columns, estimate = json_sample(iter_items(path), rows)
    mapping: dict[str, str] = {target: target for target in PRODUCT_FIELDS if target in columns}
    if "external_id" not in mapping and "id" in columns:
        mapping["external_id"] = "id"
    if "description_html" not in mapping and "body_html" in columns:
        mapping["description_html"] = "body_html"
    return Preview(
        format="json",
        columns=columns,
        mapping=mapping,
        required_missing=[] if "title" in columns or not sample else ["title"],
        sample=[{str(k): text_of(v) for k, v in item.items()} for item in sample],
        row_estimate=estimate,
    )


def read_products(
    path: Path,
    *,
    filename: str,
    format: str | None = None,
    mapping: dict[str, str] | None = None,
    currency: str = "USD",
    max_rows: int = DEFAULT_MAX_ROWS,
) -> Iterator[ProductRecord | ProductError]:
    """Every product of the file, one at a time, as a ProductRecord or a ProductError (with all
    its problems). Raises ImportFileError when the file as a whole cannot be used — before the
    first product where that can be known (encoding, columns, mapping, row count of CSV/XLSX).
    `mapping` ({target field: column}) drives generic files; for Shopify/WooCommerce files it is
    only checked (pass format="generic" to read any table through a custom mapping)."""
    if format is not None and format not in FORMATS:
        raise ImportFileError("unknown_format", f'Unknown format "{format}".')
    if mapping:
        check_mapping(mapping, None, TARGET_FIELDS)
    kind = sniff_kind(path, filename)
    ctx = Context(currency=currency)
    if kind == "json":
        if format not in (None, "json"):
            raise ImportFileError("unknown_format", f"The file is JSON, not a {format} CSV.")
        yield from JsonReader(path, ctx, max_rows=max_rows).products()
        return
    if format == "json":
        raise ImportFileError("unknown_format", "The file is not JSON.")
    with open_table(path, kind, max_rows=max_rows) as table:
        fmt = format or detect_format(table.columns, filename=filename)
        if mapping:
            check_mapping(mapping, table.columns, TARGET_FIELDS)
        if fmt == "shopify":
            yield from ShopifyReader(table, ctx).products()
        elif fmt == "woocommerce":
            reader = WooReader(table, lambda: open_table(path, kind, max_rows=max_rows), ctx)
            yield from reader.products()
        else:
            yield from GenericReader(table, mapping or guess_mapping(table.columns), ctx).products()


__all__ = ["detect_format", "preview", "read_products"]
