"""Brightwell Home's catalog and orders (the second demo store), imported through the same
import pipeline merchants use, from the store's own export files."""

from __future__ import annotations

from apps.catalog.demo.second_store import second_store_orders, second_store_products
from apps.catalog.models import ImportJob, Order, Product
from apps.catalog.services.demo import demo_import

SECOND_STORE_IMPORT_NAME = "brightwell-products.json"
SECOND_STORE_ORDERS_NAME = "brightwell-orders.json"

# The store's status words → Aisle's statuses, mapped in the order import as a merchant would;
# the export is imported unchanged (its undated orders stay undated).
STATUS_WORDS: dict[str, dict[str, str]] = {
    word: {"status": status, "financial_status": financial, "fulfilment_status": fulfilment}
    for word, (status, financial, fulfilment) in {
        "pending": ("open", "pending", "unfulfilled"),
        "processed": ("open", "paid", "unfulfilled"),
        "shipped": ("open", "paid", "fulfilled"),
        "delivered": ("closed", "paid", "fulfilled"),
        "cancelled": ("cancelled", "voided", "unfulfilled"),
        "return requested": ("open", "paid", "fulfilled"),
    }.items()
}


def second_store_catalog_ensure() -> ImportJob | None:
    """Import Brightwell Home's products once (call on that store's connection)."""
    if (
        Product.objects.exists()
        or ImportJob.objects.filter(filename=SECOND_STORE_IMPORT_NAME).exists()
    ):
        return None
    return demo_import(
        second_store_products(), filename=SECOND_STORE_IMPORT_NAME, kind=ImportJob.Kind.PRODUCTS
    )


def second_store_orders_ensure() -> ImportJob | None:
    """Import Brightwell Home's orders once, after its catalog: their lines name its SKUs."""
    if (
        Order.objects.exists()
        or ImportJob.objects.filter(filename=SECOND_STORE_ORDERS_NAME).exists()
    ):
        return None
    return demo_import(
        second_store_orders(),
        filename=SECOND_STORE_ORDERS_NAME,
        kind=ImportJob.Kind.ORDERS,
        status_words=STATUS_WORDS,
    )
