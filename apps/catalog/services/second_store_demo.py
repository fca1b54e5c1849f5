"""Brightwell Home's catalog and orders (the second demo store), imported through the same
import pipeline merchants use, from the store's own export files."""

from __future__ import annotations

from typing import Any

from apps.catalog.demo.second_store import second_store_orders, second_store_products
from apps.catalog.models import ImportJob, Order, Product
from apps.catalog.services.demo import demo_import

SECOND_STORE_IMPORT_NAME = "brightwell-products.json"
SECOND_STORE_ORDERS_NAME = "brightwell-orders.json"

# The store's status words → (status, financial_status, fulfilment_status). The JSON order import
# cannot map a store's own words yet (issue 14, item 4), so this loader does, in this one place;
# once the import can, hand it this mapping and import the export unchanged.
STATUS_WORDS: dict[str, tuple[str, str, str]] = {
    "pending": ("open", "pending", "unfulfilled"),
    "processed": ("open", "paid", "unfulfilled"),
    "shipped": ("open", "paid", "fulfilled"),
    "delivered": ("closed", "paid", "fulfilled"),
    "cancelled": ("cancelled", "voided", "unfulfilled"),
    "return requested": ("open", "paid", "fulfilled"),
}
# `placed_at` is mandatory in the order import today, so the orders the store has no date for
# get this stand-in until the import accepts none; the export keeps them marked (null).
UNDATED_PLACED_AT = "2026-01-01T00:00:00Z"


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
    orders = [order_for_import(order) for order in second_store_orders()]
    return demo_import(orders, filename=SECOND_STORE_ORDERS_NAME, kind=ImportJob.Kind.ORDERS)


def order_for_import(order: dict[str, Any]) -> dict[str, Any]:
    status, financial, fulfilment = STATUS_WORDS[order["status"]]
    return {
        **order,
        "status": status,
        "financial_status": financial,
        "fulfilment_status": fulfilment,
        "placed_at": order["placed_at"] or UNDATED_PLACED_AT,
    }
