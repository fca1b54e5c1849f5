"""JSON product lists: our own shape and Shopify's Admin REST product JSON.

Own shape: {"id", "handle", "title", "description_html", "vendor", "product_type", "tags" (list
or "a, b"), "status", "url", "images" (["https://…"] or [{"src": …}]), "collections",
"attributes" {…}, "variants": [{"id", "sku", "options" {"Size": "M"}, "price",
"compare_at_price", "inventory_quantity", "available", "barcode", "image_url", "weight_grams"}]}.

Shopify REST: {"id", "title", "body_html", "vendor", "product_type", "handle", "tags": "a, b",
"status", "published_at", "options": [{"name": "Size"}, …], "images": [{"id", "src",
"position"}], "image", "variants": [{"id", "sku", "price": "19.99", "compare_at_price",
"inventory_quantity", "inventory_management", "inventory_policy", "option1", "option2",
"option3", "barcode", "grams", "image_id"}]}.

Line numbers are item numbers (array index + 1); error columns are JSON paths
("variants[1].price").
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from apps.catalog.importing.common.jsonstream import iter_items, text_of
from apps.catalog.importing.common.records import RowError
from apps.catalog.importing.common.sources import too_many_rows
from apps.catalog.importing.common.values import (
    category_path,
    grams,
    http_url,
    parse_bool,
    parse_status,
    parse_weight,
    slugify,
    split_list,
)
from apps.catalog.importing.products.draft import Context, Draft, finish
from apps.catalog.importing.products.records import ProductError, ProductRecord, VariantRecord

_GRAMS_PER = {
    "g": Decimal(1),
    "kg": Decimal(1000),
    "lb": Decimal("453.59237"),
    "oz": Decimal("28.349523125"),
}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [text_of(v).strip() for v in value if text_of(v).strip()]
    return split_list(text_of(value))


class JsonReader:
    def __init__(self, path: Path, ctx: Context, *, max_rows: int) -> None:
        self.path = path
        self.ctx = ctx
        self.max_rows = max_rows

    def products(self) -> Iterator[ProductRecord | ProductError]:
        for index, item in enumerate(iter_items(self.path), start=1):
            if index > self.max_rows:
                raise too_many_rows(self.max_rows)
            if not isinstance(item, dict):
                yield ProductError(
                    external_id=None,
                    lines=(index, index),
                    errors=[
                        RowError(index, None, "invalid_json", f"Item {index} is not an object")
                    ],
                )
                continue
            draft = self.product(index, item)
            yield self.repeated(draft) or finish(draft, self.ctx)

    def repeated(self, draft: Draft) -> ProductError | None:
        prior = self.ctx.keys.get(draft.key)
        if prior is None:
            self.ctx.keys.put(draft.key, 0, 0, draft.first, draft.last)
            return None
        return ProductError(
            external_id=draft.key,
            lines=(draft.first, draft.last),
            errors=[
                RowError(
                    draft.first,
                    "id",
                    "conflicting_duplicate",
                    f'Product "{draft.key}" appears twice (items {prior[2]} and {draft.first}); '
                    "the first one was kept",
                )
            ],
        )

    def product(self, line: int, item: dict[str, Any]) -> Draft:
        variants_raw: list[Any] = item["variants"] if isinstance(item.get("variants"), list) else []
        first_sku = next(
            (
                text_of(v.get("sku")).strip()
                for v in variants_raw
                if isinstance(v, dict) and v.get("sku")
            ),
            "",
        )
        raw_id = item.get("id")
        handle = text_of(item.get("handle")).strip()
        title_raw = item.get("title", item.get("name"))
        key = (
            (text_of(raw_id).strip() if raw_id not in (None, "") else "")
            or handle
            or first_sku
            or text_of(item.get("sku")).strip()
            or slugify(text_of(title_raw))
            or f"item-{line}"
        )
        draft = Draft(key=key, first=line, last=line, handle=handle)
        draft.title = draft.text(title_raw, line, "title")
        draft.title_at = (line, "title")
        description_key = next(
            (k for k in ("description_html", "body_html", "description") if item.get(k)),
            "description_html",
        )
        draft.description_html = draft.text(
            text_of(item.get(description_key)), line, description_key, strip=False
        )
        draft.vendor = draft.text(item.get("vendor", item.get("brand")), line, "vendor")
        draft.product_type = draft.text(
            item.get("product_type", item.get("type")), line, "product_type"
        )
        draft.tags = draft.texts(_list(item.get("tags")), line, "tags")
        status = parse_status(text_of(item.get("status")))
        if status is None and "published_at" in item and "status" not in item:
            status = "active" if item.get("published_at") else "draft"
        draft.status = status or "active"
        draft.url = http_url(text_of(item.get("url"))) if item.get("url") else None
        draft.collections = draft.texts(
            [category_path(c) for c in _list(item.get("collections", item.get("categories")))],
            line,
            "collections",
        )
        attributes = item.get("attributes")
        if isinstance(attributes, dict):
            for name, value in attributes.items():
                shown = text_of(value).strip()
                if shown:
                    draft.attributes[str(name)] = draft.text(shown, line, f"attributes.{name}")
        image_ids = self.images(draft, item)
        names = self.option_names(draft, item, line)
        if not variants_raw and any(k in item for k in ("price", "sku", "inventory_quantity")):
            # a product without variants, priced directly (its id is the product's, not a variant's)
            variants_raw = [{k: v for k, v in item.items() if k != "id"}]
        for position, variant in enumerate(variants_raw):
            path = f"variants[{position}]"
            if not isinstance(variant, dict):
                draft.error(line, path, "invalid_json", f"{path} is not an object")
                continue
            draft.add_variant(line, self.variant(draft, variant, names, image_ids, line, path))
        draft.scan_row(_strings(item))
        return draft

    def images(self, draft: Draft, item: dict[str, Any]) -> dict[str, str]:
        by_id: dict[str, str] = {}
        raw = item.get("images")
        entries: list[Any] = raw if isinstance(raw, list) else []
        if not entries and isinstance(item.get("image"), dict | str):
            entries = [item["image"]]
        for index, entry in enumerate(entries):
            if isinstance(entry, dict):
                src = text_of(entry.get("src") or entry.get("url"))
                try:
                    position = float(entry.get("position") or index + 1)
                except (TypeError, ValueError):
                    position = float(index + 1)
                url = draft.image(src, position=position)
                if url and entry.get("id") is not None:
                    by_id[text_of(entry["id"])] = url
            else:
                draft.image(text_of(entry), position=float(index + 1))
        return by_id

    def option_names(self, draft: Draft, item: dict[str, Any], line: int) -> list[str]:
        names: list[str] = []
        raw = item.get("options")
        for index, option in enumerate(raw if isinstance(raw, list) else []):
            name = text_of(option.get("name") if isinstance(option, dict) else option).strip()
            names.append(draft.text(name, line, f"options[{index}].name") or f"Option{index + 1}")
        return names

    def variant(
        self,
        draft: Draft,
        raw: dict[str, Any],
        names: list[str],
        image_ids: dict[str, str],
        line: int,
        path: str,
    ) -> VariantRecord:
        options: dict[str, str] = {}
        if isinstance(raw.get("options"), dict):
            for name, value in raw["options"].items():
                shown = text_of(value).strip()
                if shown:
                    options[str(name)] = draft.text(shown, line, f"{path}.options.{name}")
        else:
            for i in (1, 2, 3):
                value = text_of(raw.get(f"option{i}")).strip()
                name = names[i - 1] if i <= len(names) else f"Option{i}"
                if not value or (
                    name.casefold() == "title" and value.casefold() == "default title"
                ):
                    continue
                options[name] = draft.text(value, line, f"{path}.option{i}")
        currency = self.ctx.currency
        price = (
            draft.price(raw.get("price"), line, f"{path}.price", currency)
            if raw.get("price") is not None
            else None
        )
        compare_raw = raw.get("compare_at_price")
        compare = (
            draft.price(compare_raw, line, f"{path}.compare_at_price", currency)
            if compare_raw is not None
            else None
        )
        quantity_raw = raw.get("inventory_quantity")
        quantity = (
            draft.count(quantity_raw, line, f"{path}.inventory_quantity")
            if quantity_raw is not None
            else None
        )
        if "inventory_management" in raw and not raw.get("inventory_management"):
            quantity = None  # Shopify: inventory not tracked
        if "available" in raw and parse_bool(raw["available"]) is not None:
            available = bool(parse_bool(raw["available"]))
        else:
            policy = text_of(raw.get("inventory_policy")).casefold()
            available = quantity is None or quantity > 0 or policy == "continue"
        image = raw.get("image_url") or raw.get("image")
        if isinstance(image, dict):
            image = image.get("src")
        image_url = http_url(text_of(image)) if image else None
        if image_url is None and raw.get("image_id") is not None:
            image_url = image_ids.get(text_of(raw["image_id"]))
        weight = None
        if raw.get("weight_grams") is not None or raw.get("grams") is not None:
            amount = draft.parsed(
                parse_weight, raw.get("weight_grams", raw.get("grams")), line, f"{path}.grams"
            )
            weight = grams(amount)
        elif raw.get("weight") is not None:
            factor = _GRAMS_PER.get(text_of(raw.get("weight_unit")).casefold())
            if factor is not None:
                weight = grams(
                    draft.parsed(parse_weight, raw["weight"], line, f"{path}.weight"), factor
                )
        variant_id = text_of(raw.get("id")).strip()
        return VariantRecord(
            sku=text_of(raw.get("sku")).strip() or None,
            options=options,
            price=price,
            compare_at_price=compare,
            inventory_quantity=quantity,
            available=available,
            external_id=variant_id or None,
            barcode=text_of(raw.get("barcode")).strip() or None,
            image_url=image_url,
            weight_grams=weight,
        )
