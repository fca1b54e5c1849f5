"""What every reader hands over besides its records: the per-item errors (RowError), what
writing one item did (UpsertResult), the preview of an upload, and ImportFileError for a source
that cannot be read at all."""

from __future__ import annotations

from dataclasses import dataclass, field


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
