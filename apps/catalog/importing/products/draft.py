"""Assembling one product from its rows, whatever the format: cell checks that record RowErrors
instead of raising, then `finish` which applies the whole-product rules (title, price, duplicate
option combinations and SKUs) and returns a ProductRecord or, if anything is wrong, a
ProductError with every problem found — never half a product."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from apps.catalog.importing.common.cells import CellChecks
from apps.catalog.importing.common.indexes import CompactIndex, key_hash
from apps.catalog.importing.common.records import RowError
from apps.catalog.importing.common.values import (
    http_url,
    pdf_links,
    slugify,
)
from apps.catalog.importing.products.records import ProductError, ProductRecord, VariantRecord

T = TypeVar("T")


@dataclass
class Context:
    """State shared by all products of one read."""

    currency: str = "USD"
    skus: CompactIndex = field(default_factory=lambda: CompactIndex(("I",)))
    # product key → (title hash, vendor hash, first line, last line)
    keys: CompactIndex = field(default_factory=lambda: CompactIndex(("Q", "Q", "I", "I")))


@dataclass
class Draft(CellChecks):
    key: str
    first: int
    last: int
    handle: str = ""
    title: str = ""
    title_at: tuple[int, str] = (0, "title")  # where a missing title is reported
    description_html: str = ""
    vendor: str = ""
    product_type: str = ""
    tags: list[str] = field(default_factory=list)
    status: str = "active"
    url: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    collections: list[str] = field(default_factory=list)
    variants: list[tuple[int, VariantRecord]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    require_price: bool = False
    price_at: str = "price"
    _images: list[tuple[float, int, str]] = field(default_factory=list)
    _pdfs: list[str] = field(default_factory=list)

    def touch(self, line: int) -> None:
        self.first, self.last = min(self.first, line), max(self.last, line)

    def scan(self, value: str) -> None:
        """Collect PDF links from a cell (readers scan every cell of every row)."""
        if value:
            self._pdfs.extend(pdf_links(value))

    def scan_row(self, values: Iterable[str]) -> None:
        for value in values:
            self.scan(value)

    def image(self, raw: str, *, position: float = math.inf) -> str | None:
        url = http_url(raw)
        if url:
            self._images.append((position, len(self._images), url))
        return url

    def add_variant(self, line: int, variant: VariantRecord) -> None:
        self.variants.append((line, variant))
        self.touch(line)


def default_variant() -> VariantRecord:
    return VariantRecord(
        sku=None,
        options={},
        price=None,
        compare_at_price=None,
        inventory_quantity=None,
        available=True,
    )


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def repeated_key_error(draft: Draft, ctx: Context, *, label: str) -> ProductError | None:
    """A product key (Shopify handle, generic id) seen in an earlier, separate block. The later
    block is refused: with different title/vendor it conflicts; otherwise its rows are simply
    cut off from their product. Records the block otherwise."""
    prior = ctx.keys.get(draft.key)
    title_h = key_hash(draft.title) if draft.title else 0
    vendor_h = key_hash(draft.vendor) if draft.vendor else 0
    if prior is None:
        ctx.keys.put(draft.key, title_h, vendor_h, draft.first, draft.last)
        return None
    old_title, old_vendor, first, last = prior
    differs = [
        name
        for name, new, old in (("title", title_h, old_title), ("vendor", vendor_h, old_vendor))
        if new and old and new != old
    ]
    where = f"line {first}" if first == last else f"lines {first}-{last}"
    if differs:
        error = RowError(
            line=draft.first,
            column=None,
            code="conflicting_duplicate",
            message=(
                f'{label} "{draft.key}" already appeared on {where} with a different '
                f"{' and '.join(differs)}; this later block was not imported"
            ),
        )
    else:
        error = RowError(
            line=draft.first,
            column=None,
            code="orphan_variant",
            message=(
                f'These rows belong to {label.lower()} "{draft.key}" but are separated from its '
                f"rows on {where}; keep a product's rows together. They were not imported"
            ),
        )
    return ProductError(external_id=draft.key, lines=(draft.first, draft.last), errors=[error])


def finish(draft: Draft, ctx: Context) -> ProductRecord | ProductError:
    errors = list(draft.errors)
    if not draft.title:
        line, column = draft.title_at
        errors.append(RowError(line or draft.first, column, "required", f"{column} is required"))
    variants = draft.variants or [(draft.first, default_variant())]
    if (
        draft.require_price
        and all(v.price is None for _, v in variants)
        and not any(e.code == "invalid_price" for e in errors)
    ):
        errors.append(
            RowError(variants[0][0], draft.price_at, "required", f"{draft.price_at} is required")
        )
    combos: dict[tuple[tuple[str, str], ...], int] = {}
    for line, variant in variants:
        combo = tuple((k.casefold(), v.casefold()) for k, v in variant.options.items())
        if combo and combo in combos:
            shown = " / ".join(f"{k}={v}" for k, v in variant.options.items())
            errors.append(
                RowError(
                    line,
                    None,
                    "conflicting_duplicate",
                    f"Variant {shown} appears twice (lines {combos[combo]} and {line})",
                )
            )
        combos.setdefault(combo, line)
    own: dict[str, int] = {}
    for line, variant in variants:
        sku = variant.sku
        if not sku:
            continue
        if sku in own:
            errors.append(
                RowError(
                    line,
                    "sku",
                    "duplicate_sku",
                    f'SKU "{sku}" is used twice in this product (lines {own[sku]} and {line})',
                )
            )
            continue
        prior = ctx.skus.get(sku)
        if prior is not None:
            errors.append(
                RowError(
                    line,
                    "sku",
                    "duplicate_sku",
                    f'SKU "{sku}" already belongs to another product (line {prior[0]}); '
                    "the first one was kept",
                )
            )
        own[sku] = line
    if errors:
        errors.sort(key=lambda e: e.line)
        return ProductError(
            external_id=draft.key or None, lines=(draft.first, draft.last), errors=errors
        )
    for sku, line in own.items():
        ctx.skus.put(sku, line)
    images = [url for _, _, url in sorted(draft._images)]
    images += [v.image_url for _, v in variants if v.image_url]
    handle = slugify(draft.handle) if draft.handle else slugify(draft.title)
    return ProductRecord(
        external_id=draft.key or handle,
        handle=handle,
        title=draft.title,
        description_html=draft.description_html,
        vendor=draft.vendor,
        product_type=draft.product_type,
        tags=_unique(draft.tags),
        status=draft.status,
        url=draft.url,
        images=_unique(images),
        attributes=draft.attributes,
        collections=_unique([c for c in draft.collections if c]),
        variants=[v for _, v in variants],
        pdf_links=_unique(draft._pdfs),
        lines=(draft.first, draft.last),
    )
