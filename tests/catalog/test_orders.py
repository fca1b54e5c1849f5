"""Writing orders (create / update / unchanged, whole or nothing, SKU links), the import job
for order files, and the shopper lookup the assistant will use."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from apps.catalog.importing.orders import FulfilmentRecord, OrderLineRecord, OrderRecord
from apps.catalog.models import ImportJob, ImportRowError, Order, OrderLine, Product, ProductSource
from apps.catalog.selectors import OrderListFilters, order_get_for_shopper, order_list
from apps.catalog.services import imports
from apps.catalog.services.orders import orders_upsert
from apps.catalog.services.products import products_upsert
from apps.core.tenancy import tenant_context
from tests.catalog.conftest import product, variant


def line(sku: str, quantity: int = 1, price: str = "10.00", title: str = "") -> OrderLineRecord:
    unit = Decimal(price)
    return OrderLineRecord(
        sku=sku,
        title=title or f"Item {sku}",
        variant_title="",
        quantity=quantity,
        unit_price=unit,
        total=unit * quantity,
    )


def parcel(number: str = "1Z999", status: str = "in_transit") -> FulfilmentRecord:
    return FulfilmentRecord(
        carrier="UPS",
        tracking_number=number,
        tracking_url=f"https://www.ups.com/track?tracknum={number}",
        status=status,
        shipped_at=datetime(2026, 8, 3, 16, 0, tzinfo=UTC),
        delivered_at=None,
    )


def order(number: str, *lines: OrderLineRecord, email: str = "ada@example.com") -> OrderRecord:
    chosen = list(lines) or [line("SKU-1")]
    subtotal = sum((item.total for item in chosen), Decimal(0))
    return OrderRecord(
        number=number,
        email=email,
        customer_name="Ada Lovelace",
        status="open",
        financial_status="paid",
        fulfilment_status="fulfilled",
        currency="USD",
        subtotal=subtotal,
        shipping=Decimal("5.00"),
        tax=None,
        total=subtotal + 5,
        placed_at=datetime(2026, 8, 1, 17, 15, tzinfo=UTC),
        cancelled_at=None,
        lines=chosen,
        fulfilments=[parcel()],
        rows=(2, 2 + len(chosen)),
    )


def test_orders_are_created_then_unchanged_then_updated_whole(source) -> None:
    # Given a new order
    first = orders_upsert(source=source, records=[order("#1001", line("A"), line("B", 2))])
    assert [r.outcome for r in first] == ["created"]
    stored = Order.objects.get(number="#1001")
    assert [(li.sku, li.quantity, li.total) for li in stored.lines.all()] == [
        ("A", 1, Decimal("10.00")),
        ("B", 2, Decimal("20.00")),
    ]
    assert stored.fulfilments.get().tracking_number == "1Z999"
    # When the same order comes again, nothing is rewritten
    again = orders_upsert(source=source, records=[order("#1001", line("A"), line("B", 2))])
    assert [r.outcome for r in again] == ["unchanged"]
    # When it changes, its lines and fulfilments are replaced whole
    changed = replace(
        order("#1001", line("C", 3)),
        status="closed",
        fulfilments=[parcel("1Z1", "delivered"), parcel("1Z2", "delivered")],
    )
    assert [r.outcome for r in orders_upsert(source=source, records=[changed])] == ["updated"]
    stored.refresh_from_db()
    assert stored.status == "closed" and stored.total == Decimal("35.00")
    assert [li.sku for li in stored.lines.all()] == ["C"]
    assert [f.tracking_number for f in stored.fulfilments.all()] == ["1Z1", "1Z2"]
    assert OrderLine.objects.count() == 1


def test_an_order_that_cannot_be_written_leaves_nothing_behind(source) -> None:
    # Given an order already stored, and a batch whose first order breaks while writing its
    # fulfilments (after the order row and its lines were inserted)
    orders_upsert(source=source, records=[order("#1")])
    broken = replace(order("#2", line("X"), line("Y")), fulfilments=[parcel(status="x" * 40)])
    broken_update = replace(order("#1", line("Z")), fulfilments=[parcel(status="x" * 40)])
    # When the batch is written
    results = orders_upsert(source=source, records=[broken, broken_update, order("#3")])
    # Then the broken orders are reported and left exactly as they were; the rest is written
    assert [r.outcome for r in results] == ["failed", "failed", "created"]
    assert results[0].errors[0].code == "internal_error" and results[0].errors[0].line == 2
    assert not Order.objects.filter(number="#2").exists()
    assert not OrderLine.objects.filter(sku__in=["X", "Y", "Z"]).exists()
    assert [li.sku for li in Order.objects.get(number="#1").lines.all()] == ["SKU-1"]


def test_lines_are_linked_to_the_catalog_by_sku_and_outlive_the_product(source) -> None:
    # Given an order imported before its product existed
    record = order("#7", line("CA-M-BLU", title="Cascade Shell - M"), line("NOPE"))
    orders_upsert(source=source, records=[record])
    assert OrderLine.objects.filter(variant__isnull=False).count() == 0
    # When the product arrives and the orders are imported again, the line is linked
    products_upsert(
        source=source,
        records=[product("cascade", "Cascade Shell", [variant("CA-M-BLU", "289.00", Size="M")])],
    )
    assert [r.outcome for r in orders_upsert(source=source, records=[record])] == ["updated"]
    linked, unknown = Order.objects.get(number="#7").lines.all()
    assert linked.variant is not None and linked.variant.sku == "CA-M-BLU"
    assert linked.product == Product.objects.get(external_id="cascade")
    assert linked.variant_title == "M"  # taken from the variant when the file has none
    assert unknown.product is None and unknown.variant is None
    # Then deleting the product keeps the line with what was bought
    Product.objects.all().delete()
    linked.refresh_from_db()
    assert (linked.product, linked.variant, linked.sku, linked.title) == (
        None,
        None,
        "CA-M-BLU",
        "Cascade Shell - M",
    )


def test_a_changed_product_keeps_its_variants_so_order_lines_stay_linked(source) -> None:
    # Given an order line linked to a variant
    shell = product("cascade", "Cascade Shell", [variant("CA-M-BLU", "289.00", Size="M")])
    products_upsert(source=source, records=[shell])
    orders_upsert(source=source, records=[order("#8", line("CA-M-BLU"))])
    before = OrderLine.objects.get().variant_id
    # When the product changes: a new price, and a second size
    changed = replace(
        shell,
        variants=[variant("CA-M-BLU", "249.00", Size="M"), variant("CA-L-BLU", "249.00", Size="L")],
    )
    [result] = products_upsert(source=source, records=[changed])
    # Then the existing variant kept its row (and the line its link), with the new price
    assert result.outcome == "updated"
    line_variant = OrderLine.objects.select_related("variant").get().variant
    assert line_variant is not None and line_variant.pk == before
    assert line_variant.price == Decimal("249.00")
    assert sorted(Product.objects.get().variants.values_list("sku", flat=True)) == [
        "CA-L-BLU",
        "CA-M-BLU",
    ]
    # And a variant dropped from the file is removed, unlinking only its own lines
    products_upsert(source=source, records=[replace(shell, variants=changed.variants[1:])])
    assert OrderLine.objects.get().variant is None


def test_an_order_from_another_source_is_taken_over_not_duplicated(source) -> None:
    orders_upsert(source=source, records=[order("#5")])
    shop = ProductSource.objects.create(kind=ProductSource.Kind.SHOPIFY, name="shop.example")
    assert [r.outcome for r in orders_upsert(source=shop, records=[order("#5")])] == ["updated"]
    assert Order.objects.get(number="#5").source == shop


def test_order_list_filters(source) -> None:
    orders_upsert(
        source=source,
        records=[
            order("#1", email="ada@example.com"),
            replace(order("#2", email="grace@example.com"), status="cancelled"),
            order("#13", email="grace@example.com"),
        ],
    )

    def numbers(**filters: str) -> list[str]:
        return sorted(o.number for o in order_list(filters=OrderListFilters(**filters)))

    assert numbers(email=" Grace@Example.COM ") == ["#13", "#2"]
    assert numbers(status="cancelled") == ["#2"]
    assert numbers(text="1") == ["#1", "#13"]


def test_shopper_lookup_needs_the_exact_number_and_the_orders_email(source) -> None:
    orders_upsert(
        source=source,
        records=[order("#1001", email="ada@example.com"), order("#1002", email="")],
    )
    found = order_get_for_shopper(number="#1001", email=" ADA@example.com ")
    assert found is not None and found.number == "#1001"
    assert order_get_for_shopper(number="1001", email="ada@example.com") == found  # "#" optional
    assert order_get_for_shopper(number="#1001", email="eve@example.com") is None
    assert order_get_for_shopper(number="#100", email="ada@example.com") is None
    assert order_get_for_shopper(number="#9999", email="ada@example.com") is None
    assert order_get_for_shopper(number="#1002", email="") is None  # no email, no lookup
    assert order_get_for_shopper(number="", email="ada@example.com") is None


def test_shopper_lookup_never_reaches_another_store(tenant_a, tenant_b) -> None:
    with tenant_context(tenant_b):
        shop_b = ProductSource.objects.create(kind=ProductSource.Kind.FILE, name="B")
        orders_upsert(source=shop_b, records=[order("#1001", email="ada@example.com")])
        assert order_get_for_shopper(number="#1001", email="ada@example.com") is not None
    with tenant_context(tenant_a):
        assert order_get_for_shopper(number="#1001", email="ada@example.com") is None


ORDERS_CSV = (
    "Name,Email,Financial Status,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,"
    "Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,"
    "Tracking Company,Tracking Number\n"
    "#1001,ada@example.com,paid,fulfilled,USD,30.00,5.00,0.00,35.00,2026-08-01 10:15:00 -0700,"
    "1,Shell,10.00,A,Ada Lovelace,UPS,1Z999\n"
    "#1001,ada@example.com,,,,,,,,,2,Socks,10.00,B,,,\n"
    "#1002,grace@example.com,pending,unfulfilled,USD,5.00,0,0,5.00,2026-08-02 09:00:00 -0700,"
    "-1,Mug,5.00,C,Grace Hopper,,\n"
)


def _job(text: str, name: str = "orders.csv", kind: str = "orders") -> ImportJob:
    data = text.encode()
    return imports.import_create(upload=io.BytesIO(data), filename=name, size=len(data), kind=kind)


def _run(job: ImportJob) -> ImportJob:
    imports.import_validate(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == "validated"
    imports.import_run(job_id=job.pk)
    job.refresh_from_db()
    return job


def test_an_order_file_goes_through_preview_validation_and_run(in_store_a) -> None:
    # Given an uploaded Shopify order export with one bad order
    job = _job(ORDERS_CSV)
    assert (job.kind, job.format, job.status) == ("orders", "shopify", "uploaded")
    assert job.mapping["number"] == "Name"
    # When it is validated, the report names the bad row and nothing is written
    imports.import_validate(job_id=job.pk)
    job.refresh_from_db()
    assert (job.items_seen, job.items_valid, job.items_failed) == (2, 1, 1)
    error = ImportRowError.objects.get(job=job)
    assert (error.line, error.column, error.code, error.external_id) == (
        4,
        "Lineitem quantity",
        "negative_quantity",
        "#1002",
    )
    assert not Order.objects.exists()
    # When it runs, the good order is imported whole; a second run changes nothing
    job = _run(job)
    assert (job.status, job.created, job.items_failed) == ("completed", 1, 1)
    assert Order.objects.get().lines.count() == 2
    again = _run(_job(ORDERS_CSV))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def test_order_imports_never_archive(in_store_a) -> None:
    job = _job(ORDERS_CSV)
    imports.import_validate(job_id=job.pk)
    job.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        imports.import_run_request(job=job, archive_missing=True, confirm_archive=True)
    assert refused.value.error_dict["archive_missing"][0].code == "archive_not_supported"


def test_an_order_file_without_required_columns_fails_validation_clearly(in_store_a) -> None:
    job = _job("number,email,sku\n1,a@example.com,A\n")
    assert job.preview["required_missing"] == ["line_quantity", "line_price"]
    imports.import_validate(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and "line quantity (line_quantity)" in job.error
    assert not Order.objects.exists()


def test_the_demo_store_gets_its_orders_through_the_import_pipeline(
    in_store_a, monkeypatch
) -> None:
    from apps.catalog.models import Fulfilment
    from apps.catalog.services import products
    from apps.catalog.services.demo import demo_catalog_ensure, demo_orders_ensure

    # Given the demo catalog (its embeddings are beside the point here, and slow)
    unit = [1.0] + [0.0] * 383
    monkeypatch.setattr(products.embeddings, "embed_texts", lambda texts, **_: [unit] * len(texts))
    demo_catalog_ensure()
    # When the demo orders are seeded
    job = demo_orders_ensure()
    # Then a few hundred orders arrive whole, their lines linked to the demo SKUs
    assert job is not None and job.kind == "orders"
    assert (job.status, job.items_failed) == ("completed", 0)
    assert job.created == Order.objects.count() >= 200
    assert not OrderLine.objects.filter(variant__isnull=True).exists()
    assert Fulfilment.objects.exclude(tracking_url="").exists()
    assert demo_orders_ensure() is None  # once
