"""What the product readers hand to the run loop: one ProductRecord (or ProductError) per
product."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from apps.catalog.importing.common.records import RowError

# Target fields a column can be mapped to ("option:<Name>" stands for any option, e.g.
# "option:Size"). A mapping is {target field: source column}.
PRODUCT_FIELDS = (
    "external_id",
    "handle",
    "title",
    "description_html",
    "vendor",
    "product_type",
    "tags",
    "status",
    "url",
    "images",
    "collections",
)
VARIANT_FIELDS = ("sku", "price", "compare_at_price", "inventory_quantity", "available", "barcode")
TARGET_FIELDS = (*PRODUCT_FIELDS, *VARIANT_FIELDS, "option:<Name>")

FORMATS = ("shopify", "woocommerce", "generic", "json")


@dataclass(frozen=True)
class VariantRecord:
    sku: str | None
    options: dict[str, str]  # {"Size": "M", "Color": "Red"}, ordered as in the file
    price: Decimal | None
    compare_at_price: Decimal | None
    inventory_quantity: int | None  # None = not tracked
    available: bool  # in stock, or purchasable anyway (inventory policy / backorders)
    external_id: str | None = None  # WooCommerce variation id, JSON variant id
    barcode: str | None = None
    image_url: str | None = None
    weight_grams: int | None = None


@dataclass(frozen=True)
class ProductRecord:
    external_id: str  # Shopify: handle; Woo: ID (else SKU); generic/JSON: id, handle or sku
    handle: str  # url-safe slug (derived from the title when the file has none)
    title: str
    description_html: str  # as given: the caller sanitises it
    vendor: str
    product_type: str
    tags: list[str]
    status: str  # "active" | "draft" | "archived"
    url: str | None
    images: list[str]  # absolute http(s) URLs, in position order, de-duplicated
    attributes: dict[str, str]  # extra columns worth keeping (SEO title, Woo attributes, ...)
    collections: list[str]  # "A > B" paths as in the file
    variants: list[VariantRecord]  # never empty
    pdf_links: list[str]  # http(s) URLs ending in .pdf found in any field
    lines: tuple[int, int]  # first and last line (CSV) / row (XLSX) / item number (JSON)


@dataclass(frozen=True)
class ProductError:
    external_id: str | None
    lines: tuple[int, int]
    errors: list[RowError]
