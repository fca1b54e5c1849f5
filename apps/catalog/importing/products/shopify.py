"""Shopify product CSV.

A product is a block of consecutive rows with the same Handle: the first row carries the product
(Title, Body (HTML), Vendor, Type, Tags, Option names, …) and its first variant; the following rows
repeat the Handle and carry further variants (Option values, Variant SKU, Variant Price, …)
and/or extra images (Image Src, Image Position) with the other columns empty. A row with an empty
Handle continues the current product (older exports), or starts a new one when it has a Title.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from apps.catalog.importing.common.sources import Row, Table
from apps.catalog.importing.common.values import (
    category_path,
    grams,
    parse_bool,
    parse_status,
    parse_weight,
    slugify,
    split_list,
)
from apps.catalog.importing.products.columns import (
    SHOPIFY,
    SHOPIFY_REQUIRED,
    missing_columns_error,
    resolve,
)
from apps.catalog.importing.products.draft import Context, Draft, finish, repeated_key_error
from apps.catalog.importing.products.records import ProductError, ProductRecord, VariantRecord

# Columns about one variant / image / market price: never product attributes.
_VARIANT_PREFIXES = (
    "variant ",
    "option",
    "image ",
    "included /",
    "price /",
    "compare at price /",
    "compare-at price /",
    "unit price",
    "cost per item",
    "inventory ",
    "weight ",
    "requires shipping",
    "fulfillment service",
    "charge tax",
    "tax code",
    "continue selling",
)
_VARIANT_FIELDS = (
    "Option1 Value",
    "Option2 Value",
    "Option3 Value",
    "Variant SKU",
    "Variant Price",
    "Variant Compare At Price",
    "Variant Inventory Qty",
    "Variant Barcode",
    "Variant Grams",
)


class ShopifyReader:
    def __init__(self, table: Table, ctx: Context) -> None:
        self.table = table
        self.ctx = ctx
        self.col = resolve(table.columns, SHOPIFY)
        missing = [name for name in SHOPIFY_REQUIRED if self.col[name] is None]
        if missing:
            raise missing_columns_error(missing, "shopify")
        consumed = {c for c in self.col.values() if c}
        # Everything else on the product row is kept: Gift Card, SEO Title, SEO Description,
        # Google Shopping / …, metafield columns.
        self.attribute_columns = [
            c
            for c in table.columns
            if c not in consumed
            and not c.casefold().startswith(_VARIANT_PREFIXES)
            and c.casefold() != "id"
        ]
        self.option_names: list[str] = []

    def name(self, canonical: str) -> str:
        return self.col[canonical] or canonical

    def cell(self, row: Row, canonical: str) -> str:
        return row.get(self.col[canonical])

    def products(self) -> Iterator[ProductRecord | ProductError]:
        draft: Draft | None = None
        for row in self.table.rows():
            handle = self.cell(row, "Handle").strip()
            title = self.cell(row, "Title").strip()
            if not handle and (draft is None or title):
                handle = slugify(title) or f"line-{row.first}"
            if draft is not None and (not handle or handle == draft.key):
                self.extra_row(draft, row)
                continue
            if draft is not None:
                yield self.close(draft)
            draft = Draft(key=handle, first=row.first, last=row.last, handle=handle)
            self.first_row(draft, row)
        if draft is not None:
            yield self.close(draft)

    def close(self, draft: Draft) -> ProductRecord | ProductError:
        repeated = repeated_key_error(draft, self.ctx, label="Handle")
        return repeated or finish(draft, self.ctx)

    # --- rows ----------------------------------------------------------------------------------

    def first_row(self, draft: Draft, row: Row) -> None:
        line = row.first
        draft.title = draft.text(self.cell(row, "Title"), line, self.name("Title"))
        draft.title_at = (line, self.name("Title"))
        draft.description_html = draft.text(
            self.cell(row, "Body (HTML)"), line, self.name("Body (HTML)"), strip=False
        )
        draft.vendor = draft.text(self.cell(row, "Vendor"), line, self.name("Vendor"))
        draft.product_type = draft.text(self.cell(row, "Type"), line, self.name("Type"))
        draft.tags = draft.texts(split_list(self.cell(row, "Tags")), line, self.name("Tags"))
        status = parse_status(self.cell(row, "Status"))
        if status is None:
            published = parse_bool(self.cell(row, "Published"))
            status = "draft" if published is False else "active"
        draft.status = status
        category = category_path(self.cell(row, "Product Category"))
        if category:
            draft.collections.append(draft.text(category, line, self.name("Product Category")))
        draft.collections += draft.texts(
            [category_path(c) for c in split_list(self.cell(row, "Collection"))],
            line,
            self.name("Collection"),
        )
        for column in self.attribute_columns:
            value = row.get(column).strip()
            if value:
                draft.attributes[column] = draft.text(value, line, column)
        self.option_names = []
        for i in (1, 2, 3):
            name = self.cell(row, f"Option{i} Name").strip()
            if name:
                draft.text(name, line, self.name(f"Option{i} Name"))
            self.option_names.append(name)
        self.images(draft, row)
        self.variant(draft, row, first=True)
        draft.scan_row(row.cells.values())

    def extra_row(self, draft: Draft, row: Row) -> None:
        draft.touch(row.first)
        draft.touch(row.last)
        self.images(draft, row)
        if any(self.cell(row, f).strip() for f in _VARIANT_FIELDS):
            self.variant(draft, row, first=False)
        draft.scan_row(row.cells.values())

    def images(self, draft: Draft, row: Row) -> None:
        src = self.cell(row, "Image Src").strip()
        if not src:
            return
        position = self.cell(row, "Image Position").strip()
        try:
            order = float(Decimal(position)) if position else float("inf")
        except ArithmeticError:
            order = float("inf")
        draft.image(src, position=order)

    def variant(self, draft: Draft, row: Row, *, first: bool) -> None:
        line = row.first
        if first and not any(self.cell(row, f).strip() for f in _VARIANT_FIELDS):
            return  # a product row without variant data: the default variant stands in
        options: dict[str, str] = {}
        for i, name in enumerate(self.option_names, start=1):
            value = self.cell(row, f"Option{i} Value").strip()
            if not value:
                continue
            if i == 1 and name.casefold() == "title" and value.casefold() == "default title":
                continue  # Shopify's marker for "no options"
            options[name or f"Option{i}"] = draft.text(value, line, self.name(f"Option{i} Value"))
        currency = self.ctx.currency
        price = draft.price(
            self.cell(row, "Variant Price"), line, self.name("Variant Price"), currency
        )
        compare = draft.price(
            self.cell(row, "Variant Compare At Price"),
            line,
            self.name("Variant Compare At Price"),
            currency,
        )
        quantity = draft.count(
            self.cell(row, "Variant Inventory Qty"), line, self.name("Variant Inventory Qty")
        )
        tracker = self.col["Variant Inventory Tracker"]
        if tracker is not None and not row.get(tracker).strip():
            quantity = None  # inventory not tracked: the quantity column means nothing
        policy = self.cell(row, "Variant Inventory Policy").strip().casefold()
        keeps_selling = policy == "continue" or parse_bool(policy) is True
        weight = draft.parsed(
            parse_weight, self.cell(row, "Variant Grams"), line, self.name("Variant Grams")
        )
        image = self.cell(row, "Variant Image").strip()
        draft.add_variant(
            line,
            VariantRecord(
                sku=_identifier(self.cell(row, "Variant SKU")),
                options=options,
                price=price,
                compare_at_price=compare,
                inventory_quantity=quantity,
                available=quantity is None or quantity > 0 or keeps_selling,
                barcode=_identifier(self.cell(row, "Variant Barcode")),
                image_url=draft.image(image) if image else None,
                weight_grams=grams(weight),
            ),
        )


def _identifier(raw: str) -> str | None:
    """SKU/barcode: trimmed; a leading apostrophe that kept leading zeros in Excel dropped."""
    value = raw.strip()
    if value.startswith("'") and value[1:2].isdigit():
        value = value[1:]
    return value or None
