"""The run loop every import feeds with records: file imports (services/imports.py) hand it what
their readers produce, and a connector sync can hand it records built from an API (Shopify bulk
JSONL lines, WooCommerce pages) with no file at all. Whatever the records come from, the loop
owns what the merchant sees: one ImportRowError per problem of a refused item, the counters,
progress (saved after PROGRESS_EVERY items or PROGRESS_SECONDS, whichever comes first), the
archive guard and the summary.

Safe to run twice: a run starts by clearing the job's errors and counters, and writers upsert
by the item's key (a product's external id, an order's number), so a second run reports
"unchanged" for what the first wrote. Safe to kill mid-way: each item is written whole or not at
all, so running the job again finishes it. The job row belongs to the one worker running it;
every save names its fields.

Products of the job's source that a completed run did not list are archived (never deleted)
when the job asks for it; archiving more than ARCHIVE_GUARD_SHARE of the source's active
products needs the job's explicit confirmation. Orders are never archived.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.catalog.importing.common.records import ImportFileError, RowError, UpsertResult
from apps.catalog.importing.orders.records import OrderError, OrderRecord
from apps.catalog.importing.products.records import ProductError, ProductRecord
from apps.catalog.models import ImportJob, ImportRowError, Product
from apps.catalog.services.orders import orders_upsert
from apps.catalog.services.products import (
    ProductBatchWriter,
    product_terms_refresh,
    products_archive_missing,
)

logger = logging.getLogger(__name__)

UPSERT_BATCH = 64
PROGRESS_EVERY = 200  # items
PROGRESS_SECONDS = 2.0
ARCHIVE_GUARD_SHARE = 0.2
MAX_STORED_ERRORS = 5000
ANALYZE_AFTER = 1000  # items created or updated

COUNTERS = (
    "items_seen",
    "items_valid",
    "items_failed",
    "created",
    "updated",
    "unchanged",
    "archived",
)

Record = ProductRecord | OrderRecord
Item = Record | ProductError | OrderError
OnResults = Callable[[list[UpsertResult]], None]


class _Writer(Protocol):
    def submit(self, records: list[Any]) -> None: ...

    def flush(self) -> None: ...


@dataclass(frozen=True)
class _OrderWriter:
    job: ImportJob
    on_results: OnResults

    def submit(self, records: list[OrderRecord]) -> None:
        self.on_results(orders_upsert(source=self.job.source, records=records))

    def flush(self) -> None:
        pass


def _product_writer(job: ImportJob, on_results: OnResults) -> AbstractContextManager[_Writer]:
    """Products are embedded a batch ahead while the previous batch is written."""
    return ProductBatchWriter(source=job.source, currency=job.currency, on_results=on_results)


def _order_writer(job: ImportJob, on_results: OnResults) -> AbstractContextManager[_Writer]:
    return nullcontext(_OrderWriter(job, on_results))


@dataclass(frozen=True)
class _Kind:
    writer: Callable[[ImportJob, OnResults], AbstractContextManager[_Writer]]
    tables: tuple[str, ...]  # analysed after a large run, so plans see the new rows
    archives: bool  # items missing from a full run are archived
    # Rebuilds what is derived from all the rows (the keyword arm's term statistics).
    refresh: Callable[[], None] | None = None


_KINDS: dict[str, _Kind] = {
    ImportJob.Kind.PRODUCTS: _Kind(
        writer=_product_writer,
        tables=("catalog_product", "catalog_variant", "catalog_product_collections"),
        archives=True,
        refresh=product_terms_refresh,
    ),
    ImportJob.Kind.ORDERS: _Kind(
        writer=_order_writer,
        tables=("catalog_order", "catalog_orderline", "catalog_fulfilment"),
        archives=False,
    ),
}


def kind_archives(kind: str) -> bool:
    return _KINDS[kind].archives


def run_summary(job: ImportJob) -> dict[str, int]:
    return {name: getattr(job, name) for name in COUNTERS}


def records_validate(*, job: ImportJob, records: Iterable[Item]) -> None:
    """Read every item and build the report; nothing but the report is written. The job ends
    validated, or failed with the reason when the records as a whole cannot be read."""
    run = _Run.start(job, ImportJob.Status.VALIDATING)

    def count_valid(_record: Record) -> None:
        job.items_valid += 1

    if run.consume(records, count_valid):
        run.finish(ImportJob.Status.VALIDATED)


def records_apply(*, job: ImportJob, records: Iterable[Item]) -> None:
    """Upsert every valid item in batches, then archive the products the records no longer list
    (if `job.archive_missing`, within the guard). The job ends completed, or failed with the
    reason; items already written stay whole."""
    archive_missing = job.archive_missing and _KINDS[job.kind].archives
    run = _Run.start(job, ImportJob.Status.RUNNING)
    seen: set[str] = set()
    batch: list[Record] = []
    with _KINDS[job.kind].writer(job, run.results) as writer:

        def collect(record: Record) -> None:
            if isinstance(record, ProductRecord):
                seen.add(record.external_id)
            batch.append(record)
            if len(batch) >= UPSERT_BATCH:
                writer.submit(batch.copy())
                batch.clear()

        def end() -> None:
            if batch:
                writer.submit(batch.copy())
            writer.flush()

        if not run.consume(records, collect, on_end=end):
            return
    if archive_missing:
        _archive(job, seen, confirmed=job.confirm_archive)
    if job.created + job.updated >= ANALYZE_AFTER:
        _analyze(_KINDS[job.kind].tables)
    if refresh := _KINDS[job.kind].refresh:
        refresh()
    run.finish(ImportJob.Status.COMPLETED, finished_at=timezone.now())


class _Run:
    """One pass over the records: the job's counters, reported errors and progress."""

    def __init__(self, job: ImportJob) -> None:
        self.job = job
        self.stored_errors = 0
        self.saved_seen, self.saved_at = 0, time.monotonic()

    @classmethod
    def start(cls, job: ImportJob, status: str) -> _Run:
        """Clear what an earlier (or killed) run of the job reported."""
        ImportRowError.objects.filter(job=job).delete()
        for counter in COUNTERS:
            setattr(job, counter, 0)
        job.status, job.error = status, ""
        job.save(update_fields=[*COUNTERS, "status", "error", "updated_at"])
        return cls(job)

    def consume(
        self,
        records: Iterable[Item],
        on_record: Callable[[Record], None],
        on_end: Callable[[], None] = lambda: None,
    ) -> bool:
        """Errors go to the report, valid items to `on_record`, then `on_end` runs. Returns
        False (the job failed, with the reason) when the records as a whole cannot be read or
        processing stops unexpectedly."""
        job = self.job
        items: Iterator[Item] = iter(records)
        try:
            for item in items:
                job.items_seen += 1
                if isinstance(item, ProductError):
                    self.refused(item.errors, item.external_id)
                elif isinstance(item, OrderError):
                    self.refused(item.errors, item.number)
                else:
                    on_record(item)
                self.progress()
            on_end()
        except ImportFileError as error:
            self.finish(ImportJob.Status.FAILED, error=error.message, finished_at=timezone.now())
            return False
        except Exception:
            logger.exception("import stopped", extra={"job": job.pk})
            self.finish(
                ImportJob.Status.FAILED,
                error=_(
                    "The import stopped unexpectedly. What was imported so far is kept; "
                    "run it again to finish."
                ),
                finished_at=timezone.now(),
            )
            return False
        finally:
            close = getattr(items, "close", None)
            if close is not None:  # a generator holding a file or a connection lets it go now
                close()
        return True

    def results(self, results: list[UpsertResult]) -> None:
        for result in results:
            if result.outcome == "failed":
                self.refused(list(result.errors), result.key)
            else:
                self.job.items_valid += 1
                setattr(self.job, result.outcome, getattr(self.job, result.outcome) + 1)
        self.progress()

    def refused(self, errors: list[RowError], key: str | None) -> None:
        self.job.items_failed += 1
        room = MAX_STORED_ERRORS - self.stored_errors
        if room <= 0:
            return
        stored = ImportRowError.objects.bulk_create(
            ImportRowError(
                job=self.job,
                line=e.line,
                column=(e.column or "")[:255],
                code=e.code[:40],
                message=e.message,
                external_id=(key or "")[:255],
            )
            for e in errors[:room]
        )
        self.stored_errors += len(stored)

    def progress(self) -> None:
        job, now = self.job, time.monotonic()
        if (
            job.items_seen - self.saved_seen < PROGRESS_EVERY
            and now - self.saved_at < PROGRESS_SECONDS
        ):
            return
        job.save(update_fields=[*COUNTERS, "updated_at"])
        self.saved_seen, self.saved_at = job.items_seen, now

    def finish(self, status: str, **fields: Any) -> None:
        job = self.job
        job.status = status
        for name, value in fields.items():
            setattr(job, name, value)
        job.save(update_fields={*COUNTERS, "status", "error", *fields, "updated_at"})


def _archive(job: ImportJob, seen: set[str], *, confirmed: bool) -> None:
    active = Product.objects.filter(source=job.source).exclude(status=Product.Status.ARCHIVED)
    missing = active.exclude(external_id__in=seen).count()
    total = active.count()
    if total and missing / total > ARCHIVE_GUARD_SHARE and not confirmed:
        job.error = _(
            "Not archived: this file lacks %(missing)d of %(total)d active products. If that is "
            "intended, run the import again and confirm archiving."
        ) % {"missing": missing, "total": total}
        return
    job.archived = products_archive_missing(source=job.source, seen=seen)


def _analyze(tables: tuple[str, ...]) -> None:
    """Refresh the planner's statistics now rather than when autovacuum gets to it: right
    after a bulk load they describe the empty tables, and searches get slow plans."""
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(tables)}")
