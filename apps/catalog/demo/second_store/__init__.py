"""Brightwell Home, the second demo store (home electronics and household goods): its products
and order export as committed JSON. See README.md in this folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent


def second_store_products() -> list[dict[str, Any]]:
    return json.loads((DATA_DIR / "products.json").read_text(encoding="utf-8"))


def second_store_orders() -> list[dict[str, Any]]:
    """The store's own order export: its status words, `placed_at` null where it has no date."""
    return json.loads((DATA_DIR / "orders.json").read_text(encoding="utf-8"))
