"""Brightwell Home, the second demo store: its own export files imported through the real
pipeline, its status words mapped, its undated orders kept marked."""

from __future__ import annotations

from collections import Counter

import pytest

from apps.catalog.demo.second_store import second_store_orders, second_store_products
from apps.catalog.models import Order, OrderLine, Product, Variant
from apps.catalog.services import products as product_services
from apps.catalog.services.second_store_demo import (
    STATUS_WORDS,
    UNDATED_PLACED_AT,
    second_store_catalog_ensure,
    second_store_orders_ensure,
)
from apps.core.tenancy import tenant_context


@pytest.fixture
def cheap_embeddings(monkeypatch: pytest.MonkeyPatch) -> None:
    # The embeddings are beside the point here, and slow for 54 products.
    unit = [1.0] + [0.0] * 383
    monkeypatch.setattr(
        product_services.embeddings, "embed_texts", lambda texts, **_: [unit] * len(texts)
    )


def test_the_export_files_are_the_documented_store() -> None:
    # When the committed export files are read
    products = second_store_products()
    orders = second_store_orders()

    # Then they hold what apps/catalog/demo/second_store/README.md documents
    assert len(products) >= 50 and len(orders) >= 300
    for product in products:
        options = {frozenset(v["options"]) for v in product["variants"]}
        assert len(options) == 1 and 4 <= len(options.pop()) <= 5, product["handle"]
        assert "description_html" not in product and len(product["variants"]) >= 6
    assert sum(len({v["price"] for v in p["variants"]}) > 1 for p in products) >= 50
    variants = [v for p in products for v in p["variants"]]
    assert 0.1 < sum(not v["available"] for v in variants) / len(variants) < 0.3
    assert set(Counter(o["status"] for o in orders)) == set(STATUS_WORDS)
    assert all(o["number"].startswith("BW") and o["number"][2:].isdigit() for o in orders)
    assert sum(o["placed_at"] is None for o in orders) >= 10
    assert any(o["status"] == "cancelled" and o["fulfillments"] for o in orders)


def test_the_second_store_is_imported_through_the_pipeline_with_its_status_words_mapped(
    in_store_a, cheap_embeddings
) -> None:
    # When Brightwell Home's catalog and then its orders are seeded
    catalog = second_store_catalog_ensure()
    job = second_store_orders_ensure()

    # Then every product, variant and order arrives whole, lines linked to the store's SKUs
    exported = second_store_orders()
    assert catalog is not None and (catalog.status, catalog.items_failed) == ("completed", 0)
    assert Product.objects.count() == len(second_store_products())
    assert Variant.objects.filter(inventory_quantity=0).exists()
    assert job is not None and (job.status, job.items_failed) == ("completed", 0)
    assert Order.objects.count() == len(exported)
    assert not OrderLine.objects.filter(variant__isnull=True).exists()
    # with each status word mapped, and the undated orders given the one stand-in date
    for raw in exported[:60]:
        order = Order.objects.get(number=raw["number"])
        status, financial, fulfilment = STATUS_WORDS[raw["status"]]
        assert (order.status, order.financial_status, order.fulfilment_status) == (
            status,
            financial,
            fulfilment,
        )
        if raw["placed_at"] is None:
            assert order.placed_at.isoformat().startswith(UNDATED_PLACED_AT[:10])
    assert second_store_catalog_ensure() is None and second_store_orders_ensure() is None


def test_the_second_store_data_stays_in_its_own_store(tenant_a, tenant_b, cheap_embeddings) -> None:
    # Given Brightwell Home's catalog seeded into store A
    with tenant_context(tenant_a):
        second_store_catalog_ensure()
    # When store B is looked at
    with tenant_context(tenant_b):
        # Then none of it is there
        assert not Product.objects.filter(handle="lumo-10-tablet").exists()
