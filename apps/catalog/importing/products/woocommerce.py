"""WooCommerce product CSV (the built-in exporter's format).

Simple, external and grouped products are one row each and are emitted as soon as they are read.
A variable product is one row, and each of its variations is a further row (Type "variation")
whose `Parent` names it as "id:123" or by its SKU — anywhere in the file: the exporter sorts by
ID, so a variation added years later sits far below its product, and hand-made files may even
list variations first.

Two passes, memory bounded:
1. A quick pass reads only Type/ID/SKU/Parent and records, per parent reference, whether such a
   product exists (and whether it is variable) and the line of its last variation — in a
   CompactIndex (a few dozen bytes per product).
2. The real pass emits every variable product at the line of its last variation (so exactly
   when its variations are complete), with nothing guessed. Until then the product is pending;
   variations that come before their product wait for it.

The bound: at most MAX_PENDING_PRODUCTS variable products and MAX_PENDING_VARIATIONS parsed
variation rows are held at once (a few KB each: ~20-30 MB at worst; with WooCommerce's own
export order it is one product at a time). Past the bound the product waiting longest is refused
as a whole (ProductError "orphan_variant", asking for variations to be kept near their product)
and its remaining variation rows are skipped — never imported with half its variations.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from decimal import Decimal

from apps.catalog.importing.common.indexes import CompactIndex
from apps.catalog.importing.common.records import RowError
from apps.catalog.importing.common.sources import Row, Table
from apps.catalog.importing.common.values import (
    category_path,
    grams,
    http_url,
    parse_bool,
    parse_status,
    parse_weight,
    slugify,
    split_list,
    unescape_woo,
)
from apps.catalog.importing.products.columns import WOO, missing_columns_error, resolve
from apps.catalog.importing.products.draft import Context, Draft, finish
from apps.catalog.importing.products.records import ProductError, ProductRecord, VariantRecord

MAX_PENDING_PRODUCTS = 1000
MAX_PENDING_VARIATIONS = 20000

_ATTRIBUTE = re.compile(r"^attribute (\d+) (name|value\(s\)|visible|global|default)$", re.I)
_WEIGHT = re.compile(r"^weight \((.+)\)$", re.I)
_META = re.compile(r"^meta: (.+)$", re.I)
_GRAMS_PER = {
    "kg": Decimal(1000),
    "g": Decimal(1),
    "lbs": Decimal("453.59237"),
    "lb": Decimal("453.59237"),
    "oz": Decimal("28.349523125"),
}
VARIABLE, OTHER = 1, 2


def _description(value: str) -> str:
    """The exporter writes newlines as a literal "\\n" (and a literal "\\n" as "\\\\n")."""
    if "\\n" not in value:
        return value
    parts = value.split("\\\\n")
    return "\\n".join(part.replace("\\n", "\n") for part in parts)


def _kind(raw: str) -> str:
    types = {t.casefold() for t in split_list(raw)}
    for kind in ("variation", "variable", "grouped", "external"):
        if kind in types:
            return kind
    return "simple"


def _parent_ref(raw: str) -> str | None:
    value = raw.strip()
    if not value:
        return None
    if value.casefold().startswith("id:"):
        return "id:" + value[3:].strip()
    return "sku:" + value


@dataclass
class Variation:
    line: int
    variant: VariantRecord
    errors: list[RowError]
    pdfs: list[str]


@dataclass
class Pending:
    seq: int
    draft: Draft
    attributes: list[tuple[str, str]]  # (name, values as written) in the product's order
    refs: list[str]
    variations: list[Variation] = field(default_factory=list)


class WooReader:
    def __init__(
        self, table: Table, reopen: Callable[[], AbstractContextManager[Table]], ctx: Context
    ) -> None:
        self.table = table
        self.reopen = reopen
        self.ctx = ctx
        self.col = resolve(table.columns, WOO)
        missing = [] if self.col["Name"] else ["Name"]
        if not (self.col["Regular price"] or self.col["Sale price"]):
            missing.append("Regular price")
        if missing:
            raise missing_columns_error(missing, "woocommerce")
        self.attribute_cols: dict[int, dict[str, str]] = {}
        self.weight_col: tuple[str, Decimal] | None = None
        self.meta_cols: list[tuple[str, str]] = []
        for column in table.columns:
            if match := _ATTRIBUTE.match(column):
                slot = self.attribute_cols.setdefault(int(match.group(1)), {})
                slot[match.group(2).casefold()] = column
            elif (match := _WEIGHT.match(column)) and self.weight_col is None:
                factor = _GRAMS_PER.get(match.group(1).strip().casefold())
                if factor is not None:
                    self.weight_col = (column, factor)
            elif (match := _META.match(column)) and not match.group(1).startswith("_"):
                self.meta_cols.append((column, match.group(1).strip()))
        self.refs = CompactIndex(("I", "I", "I"))  # ref → (kind, first variation, last variation)
        self.gone = CompactIndex(("I",))  # refs of refused products whose variations we skip

    def cell(self, row: Row, canonical: str) -> str:
        return row.get(self.col[canonical])

    def name(self, canonical: str) -> str:
        return self.col[canonical] or canonical

    def own_refs(self, row: Row) -> list[str]:
        refs = []
        if product_id := self.cell(row, "ID").strip():
            refs.append("id:" + product_id)
        if sku := self.cell(row, "SKU").strip():
            refs.append("sku:" + sku)
        return refs

    # --- pass 1 --------------------------------------------------------------------------------

    def survey(self) -> None:
        for row in self.table.rows():
            row.cells = {k: unescape_woo(v) for k, v in row.cells.items() if v}
            kind = _kind(self.cell(row, "Type"))
            if kind == "variation":
                ref = _parent_ref(self.cell(row, "Parent"))
                if ref:
                    found = self.refs.get(ref)
                    if found is None:
                        self.refs.put(ref, 0, row.first, row.first)
                    else:
                        self.refs.put(ref, found[0], found[1] or row.first, row.first)
                continue
            for ref in self.own_refs(row):
                found = self.refs.get(ref)
                kind_code = VARIABLE if kind == "variable" else OTHER
                if found is None:
                    self.refs.put(ref, kind_code, 0, 0)
                elif not found[0]:
                    self.refs.put(ref, kind_code, found[1], found[2])

    # --- pass 2 --------------------------------------------------------------------------------

    def products(self) -> Iterator[ProductRecord | ProductError]:
        self.survey()
        with self.reopen() as again:
            yield from self.second_pass(again)

    def second_pass(self, table: Table) -> Iterator[ProductRecord | ProductError]:
        pending: dict[int, Pending] = {}
        by_ref: dict[str, int] = {}
        due: list[tuple[int, int]] = []  # heap of (line of the last variation, seq)
        early: dict[str, list[Variation]] = {}  # variations read before their product
        held = 0  # variations held in `pending` and `early`
        seq = 0

        def release(item: Pending) -> ProductRecord | ProductError:
            nonlocal held
            pending.pop(item.seq, None)
            for ref in item.refs:
                by_ref.pop(ref, None)
            held -= len(item.variations)
            return self.close_variable(item)

        def refuse(item: Pending, line: int) -> ProductError:
            nonlocal held
            pending.pop(item.seq, None)
            for ref in item.refs:
                by_ref.pop(ref, None)
                self.gone.put(ref, line)
            held -= len(item.variations)
            return self.too_far(item.draft, line)

        for row in table.rows():
            row.cells = {k: unescape_woo(v) for k, v in row.cells.items() if v}
            kind = _kind(self.cell(row, "Type"))
            if kind == "variation":
                ref = _parent_ref(self.cell(row, "Parent"))
                problem = self.orphan_problem(ref)
                if problem:
                    yield self.orphan_error(row, problem)
                elif ref is not None and ref in self.gone:
                    pass  # its product was refused already
                elif ref is not None and ref in by_ref:
                    pending[by_ref[ref]].variations.append(self.variation(row))
                    held += 1
                elif ref is not None:
                    early.setdefault(ref, []).append(self.variation(row))
                    held += 1
            elif kind == "variable":
                seq += 1
                item = self.variable(row, seq)
                for ref in item.refs:
                    item.variations += early.pop(ref, [])
                last = max([(self.refs.get(r) or (0, 0, 0))[2] for r in item.refs], default=0)
                if any(ref in self.gone for ref in item.refs):
                    yield refuse(item, last)
                elif last <= row.last:
                    yield self.close_variable(item)
                    held -= len(item.variations)
                else:
                    pending[item.seq] = item
                    for ref in item.refs:
                        by_ref[ref] = item.seq
                    heapq.heappush(due, (last, item.seq))
            else:
                yield self.simple(row, kind)
            while due and due[0][0] <= row.last:
                _, done = heapq.heappop(due)
                if done in pending:
                    yield release(pending[done])
            while pending and (
                len(pending) > MAX_PENDING_PRODUCTS or held > MAX_PENDING_VARIATIONS
            ):
                oldest = next(iter(pending.values()))
                last = max((self.refs.get(r) or (0, 0, 0))[2] for r in oldest.refs)
                yield refuse(oldest, last)
            while early and held > MAX_PENDING_VARIATIONS:
                ref = next(iter(early))
                group = early.pop(ref)
                held -= len(group)
                self.gone.put(ref, group[0].line)
        for item in list(pending.values()):
            yield release(item)
        for ref, group in early.items():  # only left when their product was never read
            yield ProductError(
                external_id=None,
                lines=(group[0].line, group[-1].line),
                errors=[
                    RowError(
                        v.line,
                        self.name("Parent"),
                        "orphan_variant",
                        f'This variation\'s parent "{ref}" is not in the file',
                    )
                    for v in group
                ],
            )

    def too_far(self, draft: Draft, line: int) -> ProductError:
        return ProductError(
            external_id=draft.key,
            lines=(draft.first, max(draft.last, line)),
            errors=[
                RowError(
                    draft.first,
                    self.name("Parent"),
                    "orphan_variant",
                    f'The variations of "{draft.title or draft.key}" are spread too far through '
                    f"the file (the last one is on line {line}): more than "
                    f"{MAX_PENDING_PRODUCTS:,} products or {MAX_PENDING_VARIATIONS:,} variations "
                    "apart. Sort the file so variations follow their product and import it again.",
                )
            ],
        )

    def orphan_problem(self, ref: str | None) -> str | None:
        if ref is None:
            return "This variation has no Parent"
        if ref in self.gone:
            return None
        found = self.refs.get(ref)
        shown = ref.removeprefix("sku:")
        if found is None or found[0] == 0:
            return f'This variation\'s parent "{shown}" is not in the file'
        if found[0] == OTHER:
            return f'This variation\'s parent "{shown}" is not a variable product'
        return None

    def orphan_error(self, row: Row, message: str) -> ProductError:
        return ProductError(
            external_id=self.cell(row, "ID").strip() or self.cell(row, "SKU").strip() or None,
            lines=(row.first, row.last),
            errors=[RowError(row.first, self.name("Parent"), "orphan_variant", message)],
        )

    # --- rows ----------------------------------------------------------------------------------

    def product_draft(self, row: Row) -> tuple[Draft, list[tuple[str, str]]]:
        line = row.first
        key = (
            self.cell(row, "ID").strip()
            or self.cell(row, "SKU").strip()
            or slugify(self.cell(row, "Name"))
            or f"line-{line}"
        )
        draft = Draft(key=key, first=row.first, last=row.last)
        draft.title = draft.text(self.cell(row, "Name"), line, self.name("Name"))
        draft.title_at = (line, self.name("Name"))
        description = _description(self.cell(row, "Description"))
        short = _description(self.cell(row, "Short description"))
        draft.description_html = draft.text(
            description or short, line, self.name("Description"), strip=False
        )
        if description.strip() and short.strip():
            draft.attributes["Short description"] = draft.text(
                short, line, self.name("Short description")
            )
        brands = split_list(self.cell(row, "Brands"))
        if brands:
            draft.vendor = draft.text(brands[0], line, self.name("Brands"))
        draft.tags = draft.texts(split_list(self.cell(row, "Tags")), line, self.name("Tags"))
        draft.collections = draft.texts(
            [category_path(c) for c in split_list(self.cell(row, "Categories"))],
            line,
            self.name("Categories"),
        )
        draft.status = _status(self.cell(row, "Published"))
        url = self.cell(row, "External URL").strip()
        if url:
            draft.url = http_url(url)
        for position, image in enumerate(split_list(self.cell(row, "Images"))):
            draft.image(image, position=position)
        for column, label in self.meta_cols:
            value = row.get(column).strip()
            if value:
                draft.attributes[label] = draft.text(value, line, column)
        attributes: list[tuple[str, str]] = []
        for _, slot in sorted(self.attribute_cols.items()):
            name = row.get(slot.get("name")).strip()
            if name:
                draft.text(name, line, slot["name"])
                values = row.get(slot.get("value(s)")).strip()
                shown = ", ".join(draft.texts(split_list(values), line, slot.get("value(s)", "")))
                attributes.append((name, shown))
        draft.scan_row(row.cells.values())
        return draft, attributes

    def variant(self, draft: Draft, row: Row, options: dict[str, str]) -> VariantRecord:
        line, currency = row.first, self.ctx.currency
        regular = draft.price(
            self.cell(row, "Regular price"), line, self.name("Regular price"), currency
        )
        sale = draft.price(self.cell(row, "Sale price"), line, self.name("Sale price"), currency)
        stock = self.cell(row, "Stock").strip()
        quantity = (
            None if stock.casefold() == "parent" else draft.count(stock, line, self.name("Stock"))
        )
        weight = None
        if self.weight_col:
            column, factor = self.weight_col
            amount = draft.parsed(parse_weight, row.get(column), line, column)
            weight = grams(amount, factor)
        images = split_list(self.cell(row, "Images"))
        return VariantRecord(
            sku=self.cell(row, "SKU").strip() or None,
            options=options,
            price=sale if sale is not None else regular,
            compare_at_price=regular if sale is not None and regular and regular > sale else None,
            inventory_quantity=quantity,
            available=_available(
                self.cell(row, "In stock?"), self.cell(row, "Backorders allowed?"), quantity
            ),
            barcode=self.cell(row, "GTIN, UPC, EAN, or ISBN").strip() or None,
            image_url=draft.image(images[0]) if images else None,
            weight_grams=weight,
        )

    def simple(self, row: Row, kind: str) -> ProductRecord | ProductError:
        draft, attributes = self.product_draft(row)
        for name, values in attributes:
            draft.attributes[name] = values
        draft.require_price = kind != "grouped"
        draft.price_at = self.name("Regular price")
        if kind == "grouped":
            children = self.cell(row, "Grouped products").strip()
            if children:
                draft.attributes["Grouped products"] = children
        draft.add_variant(row.first, self.variant(draft, row, {}))
        return finish(draft, self.ctx)

    def variable(self, row: Row, seq: int) -> Pending:
        draft, attributes = self.product_draft(row)
        return Pending(seq=seq, draft=draft, attributes=attributes, refs=self.own_refs(row))

    def variation(self, row: Row) -> Variation:
        scratch = Draft(key="", first=row.first, last=row.last)
        options: dict[str, str] = {}
        for _, slot in sorted(self.attribute_cols.items()):
            name = row.get(slot.get("name")).strip()
            value = row.get(slot.get("value(s)")).strip()
            if name and value:  # an empty value means "any": no option of its own
                options[name] = scratch.text(value, row.first, slot.get("value(s)", ""))
        variant = self.variant(scratch, row, options)
        variant = replace(variant, external_id=self.cell(row, "ID").strip() or None)
        scratch.scan_row(row.cells.values())
        return Variation(row.first, variant, scratch.errors, scratch._pdfs)

    def close_variable(self, item: Pending) -> ProductRecord | ProductError:
        draft = item.draft
        used: list[str] = []
        for variation in item.variations:
            for name in variation.variant.options:
                if name not in used:
                    used.append(name)
        declared = [name for name, _ in item.attributes]
        order = [n for n in declared if n in used] + [n for n in used if n not in declared]
        for name, values in item.attributes:
            if name not in used:
                draft.attributes[name] = values
        for variation in sorted(item.variations, key=lambda v: v.line):
            options = {
                n: variation.variant.options[n] for n in order if n in variation.variant.options
            }
            draft.add_variant(variation.line, replace(variation.variant, options=options))
            draft.errors += variation.errors
            draft.scan_row(variation.pdfs)
        if not item.variations:
            draft.error(
                draft.first,
                self.name("Type"),
                "required",
                f'Variable product "{draft.title or draft.key}" has no variations in the file',
            )
        draft.price_at = self.name("Regular price")
        draft.require_price = True
        return finish(draft, self.ctx)


def _status(raw: str) -> str:
    value = raw.strip()
    if value in ("-1", "0", "2"):  # draft, private, pending
        return "draft"
    return parse_status(value) or "active"


def _available(in_stock: str, backorders: str, quantity: int | None) -> bool:
    allows_backorders = backorders.strip().casefold() in ("1", "notify", "yes", "true")
    status = in_stock.strip().casefold()
    if allows_backorders or status in ("backorder", "onbackorder"):
        return True
    if quantity is not None:
        return quantity > 0
    flag = parse_bool(status)
    return flag is not False
