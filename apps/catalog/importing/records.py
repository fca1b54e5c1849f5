"""What the importer hands to the import service: one ProductRecord (or ProductError) per product,
a Preview of an upload, and ImportFileError for files that cannot be read at all."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

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
class RowError:
    line: int  # 1-based line (CSV, header = 1), sheet row (XLSX) or JSON item index + 1
    column: str | None
    # "missing_column" | "required" | "invalid_price" | "invalid_number" | "negative_stock" |
    # "formula" | "duplicate_sku" | "conflicting_duplicate" | "encoding" | "too_many_rows" |
    # "invalid_json" | "unknown_format" | "orphan_variant"
    code: str
    message: str  # specific and human: 'Variant Price "abc" is not a number'


@dataclass(frozen=True)
class UpsertResult:
    """What writing one imported product or order did."""

    key: str  # the product's external id or the order's number
    outcome: str  # "created" | "updated" | "unchanged" | "failed"
    row_id: int | None = None  # the Product or Order written
    errors: tuple[RowError, ...] = ()


@dataclass(frozen=True)
class ProductError:
    external_id: str | None
    lines: tuple[int, int]
    errors: list[RowError]


class ImportFileError(Exception):
    """The whole file is unusable. Codes: "missing_column", "unknown_column", "unknown_format",
    "encoding", "invalid_csv", "invalid_json", "too_many_rows", "too_large"."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"ImportFileError({self.code!r}, {self.message!r})"


@dataclass(frozen=True)
class Preview:
    format: str  # "shopify" | "woocommerce" | "generic" | "json"
    columns: list[str]
    mapping: dict[str, str]  # target field → source column
    required_missing: list[str]  # required target fields without a column
    sample: list[dict[str, str]]  # first rows, column → cell, verbatim
    row_estimate: int | None
    notes: list[str] = field(default_factory=list)  # e.g. "stopped at 1,000 empty rows"
