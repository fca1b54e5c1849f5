"""The run loop fed without a file, as a connector sync feeds it: the same report, counters,
progress and summary as a file import of the same records, twice in a row, and a source that
breaks off half-way."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.db.models.signals import post_save

from apps.catalog.importing.common.records import ImportFileError, RowError
from apps.catalog.importing.orders import OrderError
from apps.catalog.importing.products import ProductError, read_products
from apps.catalog.models import ImportFileChunk, ImportJob, ImportRowError, Product, ProductSource
from apps.catalog.services import imports, runs
from tests.catalog.conftest import product, variant
from tests.catalog.test_imports import SHOPIFY_CSV
from tests.catalog.test_orders import order

PROGRESS = ("items_seen", "items_valid", "items_failed", "created", "updated", "unchanged")


@contextmanager
def job_saves() -> Iterator[list[tuple[Any, ...]]]:
    """Every save of an ImportJob while the block runs: (update_fields, progress counters)."""
    saves: list[tuple[Any, ...]] = []

    def saved(sender: type, instance: ImportJob, update_fields: Any, **kwargs: Any) -> None:
        saves.append((update_fields, tuple(getattr(instance, name) for name in PROGRESS)))

    post_save.connect(saved, sender=ImportJob, weak=False)
    try:
        yield saves
    finally:
        post_save.disconnect(saved, sender=ImportJob)


def report(job: ImportJob) -> list[tuple[int, str, str, str, str]]:
    return list(
        ImportRowError.objects.filter(job=job).values_list(
            "line", "column", "code", "message", "external_id"
        )
    )


def connector_job(*, kind: str = ImportJob.Kind.PRODUCTS, **flags: bool) -> ImportJob:
    shop, _ = ProductSource.objects.get_or_create(
        kind=ProductSource.Kind.SHOPIFY, name="shop.example"
    )
    return ImportJob.objects.create(
        kind=kind, source=shop, filename="", size=0, currency="USD", **flags
    )


def test_records_from_memory_get_the_same_report_progress_and_summary_as_their_file(
    in_store_a, monkeypatch, tmp_path: Path
) -> None:
    # Given a Shopify CSV, and progress saved after every item
    monkeypatch.setattr(runs, "PROGRESS_EVERY", 1)
    monkeypatch.setattr(runs, "PROGRESS_SECONDS", 3600.0)
    path = tmp_path / "products.csv"
    path.write_text(SHOPIFY_CSV)
    # and its records held in memory, as a connector holds what an API returned
    records = list(read_products(path, filename=path.name, currency="USD"))
    data = SHOPIFY_CSV.encode()
    file_job = imports.import_create(upload=io.BytesIO(data), filename=path.name, size=len(data))
    imports.import_validate(job_id=file_job.pk)

    # When the file is imported
    with job_saves() as file_saves:
        imports.import_run(job_id=file_job.pk)
    file_job.refresh_from_db()
    # and, on an empty catalog, the same records are fed to the loop from an iterator
    Product.objects.all().delete()
    sync_job = connector_job()
    with job_saves() as sync_saves:
        runs.records_apply(job=sync_job, records=iter(records))
    sync_job.refresh_from_db()

    # Then both report, progress and sum up alike, with no file behind the sync
    assert not ImportFileChunk.objects.filter(job=sync_job).exists()
    assert (sync_job.status, file_job.status) == ("completed", "completed")
    assert runs.run_summary(sync_job) == runs.run_summary(file_job)
    assert runs.run_summary(sync_job)["created"] == 2
    assert report(sync_job) == report(file_job) != []
    assert [counts for _, counts in sync_saves] == [counts for _, counts in file_saves]
    assert len(sync_saves) > 3
    # and every save of the existing job row names its fields
    assert all(fields for fields, _ in sync_saves + file_saves)


def test_running_the_same_records_twice_reports_them_unchanged(in_store_a) -> None:
    # Given records with one refused product
    refused = ProductError(
        external_id="broken",
        lines=(3, 3),
        errors=[RowError(3, "price", "invalid_price", 'price "abc" is not a number')],
    )
    records = [product("tent", "Tent", [variant("T-1", "100.00")]), refused]
    job = connector_job()

    # When the same job runs twice (a retried actor)
    runs.records_apply(job=job, records=records)
    runs.records_apply(job=job, records=records)

    # Then the second run found everything written, and the report is not doubled
    job.refresh_from_db()
    assert runs.run_summary(job) == {
        "items_seen": 2,
        "items_valid": 1,
        "items_failed": 1,
        "created": 0,
        "updated": 0,
        "unchanged": 1,
        "archived": 0,
    }
    assert report(job) == [(3, "price", "invalid_price", 'price "abc" is not a number', "broken")]
    assert Product.objects.count() == 1


def test_orders_from_memory_are_counted_and_refused_per_order(in_store_a) -> None:
    # Given two orders and one the source could not read
    bad = OrderError(number="1003", rows=(4, 4), errors=[RowError(4, "email", "required", "x")])
    job = connector_job(kind=ImportJob.Kind.ORDERS)

    # When they are fed to the loop
    runs.records_apply(job=job, records=[order("1001"), order("1002"), bad])

    # Then each order is counted once and the refused one is reported under its number
    job.refresh_from_db()
    assert (job.status, job.created, job.items_failed) == ("completed", 2, 1)
    assert [(e.line, e.external_id) for e in ImportRowError.objects.filter(job=job)] == [
        (4, "1003")
    ]


def test_products_missing_from_a_full_sync_are_archived_within_the_guard(in_store_a) -> None:
    # Given a synced catalog of five products
    catalog = [product(f"p{n}", f"Product {n}", [variant(f"P-{n}", "10.00")]) for n in range(5)]
    runs.records_apply(job=connector_job(), records=catalog)

    # When a full sync lists all but one, then all but two without confirmation
    one_gone = connector_job(archive_missing=True)
    runs.records_apply(job=one_gone, records=catalog[1:])
    two_gone = connector_job(archive_missing=True)
    runs.records_apply(job=two_gone, records=catalog[2:])

    # Then the first archives its missing product and the second, over the guard, archives none
    one_gone.refresh_from_db()
    two_gone.refresh_from_db()
    assert (one_gone.archived, one_gone.error) == (1, "")
    assert two_gone.archived == 0 and "confirm" in two_gone.error
    assert Product.objects.filter(status=Product.Status.ARCHIVED).count() == 1


def test_a_source_that_breaks_off_fails_the_job_and_is_closed(in_store_a) -> None:
    # Given a source that yields one product and then cannot go on
    closed: list[bool] = []

    def pages() -> Iterator[Any]:
        try:
            yield product("tent", "Tent", [variant("T-1", "100.00")])
            raise ImportFileError("invalid_json", "The shop's export ended mid-line.")
        finally:
            closed.append(True)

    job = connector_job()

    # When it is fed to the loop
    runs.records_apply(job=job, records=pages())

    # Then the job fails with the source's reason, and the source was let go
    job.refresh_from_db()
    assert (job.status, job.error, job.items_seen) == (
        "failed",
        "The shop's export ended mid-line.",
        1,
    )
    assert job.finished_at is not None and closed == [True]
