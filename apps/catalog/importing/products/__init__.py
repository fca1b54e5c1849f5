"""Reading merchants' product files: Shopify and WooCommerce CSV exports, any other CSV/XLSX
table through a column mapping, and JSON product lists (our shape and Shopify's Admin API
shape). Pure: no database, no network. The file import (services/imports.py) calls `preview`
on upload and feeds `read_products` to the run loop (services/runs.py) to validate and to run.

Streaming. Files are read from disk one row (CSV: csv.reader over an incremental decoder;
XLSX: openpyxl read-only) or one item (JSON: raw_decode over 1 MB pieces) at a time, and each
product is handed over as soon as it is complete, so memory stays flat for a 100 MB file. The
only whole-file state is compact: hashed SKUs and product keys (indexes.CompactIndex, ~24-48
bytes each) and, for WooCommerce, a bounded set of variable products waiting for their
variations (woocommerce.MAX_PENDING_PRODUCTS / MAX_PENDING_VARIATIONS — see that module).

Whole file or whole product. ImportFileError means the file cannot be used at all (missing
required columns, unknown mapping columns, not CSV/XLSX/JSON, bad encoding, too many rows); for
CSV and XLSX these are found before the first product is produced. Anything wrong within a
product yields a ProductError listing every problem with its line and column, and none of that
product is imported: no half products.

Formula policy (CSV/formula injection). A cell that a spreadsheet would evaluate — it starts
with "=", or with "+", "-", "@" (also after a leading tab or carriage return) and reads as a
function call ("@SUM(", "-HYPERLINK("), a DDE payload ("+cmd|' /C calc'!A0") or arithmetic
("+1+1") — is refused with RowError "formula" when it sits in a field shown to shoppers: title,
description, vendor, product type, tags, collections, option names and values, attribute
values. Shoppers would see the formula as text and anyone re-exporting the catalogue to a
spreadsheet would run it; a formula in a title is never what the merchant meant. Text that only
starts with such a character is not a formula ("- 100% cotton", "+49 30 123456", "@brand",
"-10%", "=== SALE ==="). Identifiers that shoppers do not see (SKU, barcode, ids) are kept
verbatim as literal text — this module never evaluates anything, and exports must escape as
usual. In number fields a leading "-" is just a sign (negative price → invalid_price,
negative stock → negative_stock); "=1+1" there is simply not a number. WooCommerce's exporter
escapes such cells with a leading "'", which is removed (as WooCommerce's importer does) before
the check. Preview samples show cells verbatim: they are data.
"""

from apps.catalog.importing.products.columns import GENERIC_REQUIRED
from apps.catalog.importing.products.reader import detect_format, preview, read_products
from apps.catalog.importing.products.records import (
    TARGET_FIELDS,
    ProductError,
    ProductRecord,
    VariantRecord,
)

__all__ = [
    "GENERIC_REQUIRED",
    "TARGET_FIELDS",
    "ProductError",
    "ProductRecord",
    "VariantRecord",
    "detect_format",
    "preview",
    "read_products",
]
