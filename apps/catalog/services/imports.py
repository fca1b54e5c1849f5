"""Product and order imports: upload → preview (detected format and column mapping) →
validation report (per-row errors with line numbers) → run in the worker → summary.

The upload is stored in 1 MB pieces in PostgreSQL (processes are stateless) and streamed back
into a temporary file for parsing, so memory stays flat whatever the file size. Running
re-reads the file: each product (services/products.py) or order with its lines and fulfilments
(services/orders.py) is written whole or not at all. What differs between the two kinds —
preview, reader, writer, mapping fields — is in `_KINDS`; the job machinery is shared.
Products of the source that a completed import did not list are archived, never deleted;
archiving more than ARCHIVE_GUARD_SHARE of the active catalog needs an explicit confirmation.
Orders are never archived by an import.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from typing import IO, Any, Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.catalog.importing import (
    GENERIC_REQUIRED,
    TARGET_FIELDS,
    ImportFileError,
    Preview,
    ProductError,
    ProductRecord,
    RowError,
    UpsertResult,
    check_mapping,
    preview,
    read_products,
)
from apps.catalog.importing.orders import OrderError, OrderRecord, preview_orders, read_orders
from apps.catalog.importing.orders.records import ORDER_TARGET_FIELDS
from apps.catalog.importing.orders.records import REQUIRED_TARGETS as ORDER_REQUIRED
from apps.catalog.models import ImportFileChunk, ImportJob, ImportRowError, Product, ProductSource
from apps.catalog.services.orders import orders_upsert
from apps.catalog.services.products import ProductBatchWriter, products_archive_missing
from apps.catalog.tasks import catalog_import_run, catalog_import_validate
from apps.core.tenancy import current_tenant, tenant_context
from apps.tenants.selectors import store_list

logger = logging.getLogger(__name__)

PIECE_BYTES = 1024 * 1024
UPSERT_BATCH = 64
PROGRESS_EVERY = 200
ARCHIVE_GUARD_SHARE = 0.2
MAX_STORED_ERRORS = 5000
ANALYZE_AFTER = 1000  # items created or updated


Record = ProductRecord | OrderRecord
Outcome = tuple[str, str, tuple[RowError, ...]]  # item key, "created" | ... | "failed", errors


def store_currency() -> str:
    tenant = current_tenant()
    return tenant.currency if tenant is not None else "USD"


def _refuse(code: str, message: str, field: str = "file") -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


class _Writer(Protocol):
    def submit(self, records: list[Any]) -> None: ...

    def flush(self) -> None: ...


OnOutcomes = Callable[[list[Outcome]], None]


@dataclass(frozen=True)
class _Kind:
    """What differs between product and order imports."""

    preview: Callable[[Path, str], Preview]
    read: Callable[[ImportJob, Path], Iterator[Record | ProductError | OrderError]]
    writer: Callable[[ImportJob, OnOutcomes], AbstractContextManager[_Writer]]
    tables: tuple[str, ...]  # analysed after a large import, so plans see the new rows
    targets: tuple[str, ...]  # fields a table's columns can be mapped to
    required: tuple[str, ...]  # fields a mapped table must provide
    archives: bool  # items missing from a full import are archived


def _preview_products(path: Path, filename: str) -> Preview:
    return preview(path, filename=filename)


def _read_products(job: ImportJob, path: Path) -> Iterator[ProductRecord | ProductError]:
    return read_products(
        path,
        filename=job.filename,
        format=job.format or None,
        mapping=job.mapping or None,
        currency=job.currency,
    )


@contextmanager
def _product_writer(job: ImportJob, on_outcomes: OnOutcomes) -> Iterator[_Writer]:
    """Products are embedded a batch ahead while the previous batch is written."""

    def report(results: list[UpsertResult]) -> None:
        on_outcomes([(r.key, r.outcome, r.errors) for r in results])

    with ProductBatchWriter(source=job.source, currency=job.currency, on_results=report) as writer:
        yield writer


def _preview_orders(path: Path, filename: str) -> Preview:
    return preview_orders(path, filename=filename)


def _read_orders(job: ImportJob, path: Path) -> Iterator[OrderRecord | OrderError]:
    return read_orders(
        path, filename=job.filename, mapping=job.mapping or None, currency=job.currency
    )


@dataclass(frozen=True)
class _OrderWriter:
    job: ImportJob
    on_outcomes: OnOutcomes

    def submit(self, records: list[OrderRecord]) -> None:
        results = orders_upsert(source=self.job.source, records=records)
        self.on_outcomes([(r.key, r.outcome, r.errors) for r in results])

    def flush(self) -> None:
        pass


@contextmanager
def _order_writer(job: ImportJob, on_outcomes: OnOutcomes) -> Iterator[_Writer]:
    yield _OrderWriter(job, on_outcomes)


_KINDS: dict[str, _Kind] = {
    ImportJob.Kind.PRODUCTS: _Kind(
        preview=_preview_products,
        read=_read_products,
        writer=_product_writer,
        tables=("catalog_product", "catalog_variant", "catalog_product_collections"),
        targets=TARGET_FIELDS,
        required=GENERIC_REQUIRED,
        archives=True,
    ),
    ImportJob.Kind.ORDERS: _Kind(
        preview=_preview_orders,
        read=_read_orders,
        writer=_order_writer,
        tables=("catalog_order", "catalog_orderline", "catalog_fulfilment"),
        targets=ORDER_TARGET_FIELDS,
        required=ORDER_REQUIRED,
        archives=False,
    ),
}


@transaction.atomic
def import_create(
    *,
    upload: IO[bytes],
    filename: str,
    size: int,
    kind: str = ImportJob.Kind.PRODUCTS,
    currency: str | None = None,
    source_name: str = "File imports",
) -> ImportJob:
    """Store the upload and build its preview. Refuses (ValidationError, nothing stored) a file
    that is too big, empty, or not a product (or order) file at all. Prices without a currency
    of their own are in `currency`, by default the store's."""
    if kind not in _KINDS:
        raise _refuse("unknown_kind", _("Choose products or orders."), field="kind")
    if size == 0:
        raise _refuse("empty_file", _("The file is empty."))
    if size > settings.CATALOG_MAX_IMPORT_BYTES:
        raise _refuse(
            "file_too_large",
            _("The file is larger than %(mb)d MB.")
            % {"mb": settings.CATALOG_MAX_IMPORT_BYTES // (1024 * 1024)},
        )
    source, _created = ProductSource.objects.get_or_create(
        kind=ProductSource.Kind.FILE, name=source_name
    )
    job = ImportJob.objects.create(
        kind=kind,
        source=source,
        filename=filename[:255],
        size=size,
        currency=currency or store_currency(),
    )
    index = 0
    while piece := upload.read(PIECE_BYTES):
        ImportFileChunk.objects.create(job=job, index=index, data=piece)
        index += 1
    _preview_refresh(job, mapping=None)
    return job


def import_mapping_update(*, job: ImportJob, mapping: dict[str, str]) -> ImportJob:
    if job.status not in (ImportJob.Status.UPLOADED, ImportJob.Status.VALIDATED):
        raise ValidationError(_("This import is already running."), code="import_running")
    _preview_refresh(job, mapping=mapping)
    job.status = ImportJob.Status.UPLOADED
    job.save(update_fields=["status", "updated_at"])
    return job


def _preview_refresh(job: ImportJob, *, mapping: dict[str, str] | None) -> None:
    with job_file(job) as path:
        try:
            result = _KINDS[job.kind].preview(path, job.filename)
            if mapping is not None:
                check_mapping(mapping, result.columns, _KINDS[job.kind].targets)
        except ImportFileError as error:
            raise _refuse(error.code, error.message) from error
    job.format = result.format
    job.mapping = mapping if mapping is not None else result.mapping
    required_missing = result.required_missing
    if mapping is not None and result.format == "generic":
        required_missing = [field for field in _KINDS[job.kind].required if field not in mapping]
    job.preview = {**asdict(result), "mapping": job.mapping, "required_missing": required_missing}
    job.save(update_fields=["format", "mapping", "preview", "updated_at"])


@contextmanager
def job_file(job: ImportJob) -> Iterator[Path]:
    """The uploaded file on local disk for the duration of the block."""
    suffix = Path(job.filename).suffix[:10]
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for piece in (
            ImportFileChunk.objects.filter(job=job).order_by("index").iterator(chunk_size=4)
        ):
            handle.write(bytes(piece.data))
        handle.flush()
        yield Path(handle.name)


def _record_errors(job: ImportJob, errors: list[RowError], external_id: str | None) -> None:
    stored = ImportRowError.objects.filter(job=job).count()
    if stored >= MAX_STORED_ERRORS:
        return
    ImportRowError.objects.bulk_create(
        ImportRowError(
            job=job,
            line=e.line,
            column=(e.column or "")[:255],
            code=e.code[:40],
            message=e.message,
            external_id=(external_id or "")[:255],
        )
        for e in errors[: MAX_STORED_ERRORS - stored]
    )


def _restart(job: ImportJob, status: str) -> None:
    ImportRowError.objects.filter(job=job).delete()
    job.status = status
    job.error = ""
    for counter in (
        "items_seen",
        "items_valid",
        "items_failed",
        "created",
        "updated",
        "unchanged",
        "archived",
    ):
        setattr(job, counter, 0)
    job.save()


@transaction.atomic
def import_validate_request(*, job: ImportJob) -> ImportJob:
    if job.status in (ImportJob.Status.VALIDATING, ImportJob.Status.RUNNING):
        raise ValidationError(_("This import is already being processed."), code="import_busy")
    job.status = ImportJob.Status.VALIDATING
    job.save(update_fields=["status", "updated_at"])
    transaction.on_commit(lambda: catalog_import_validate.send(job.pk))
    return job


def _stream(
    job: ImportJob,
    on_item: Callable[[Record], None],
    on_end: Callable[[], None] = lambda: None,
) -> bool:
    """Read the job's file item by item: errors go to the report, valid items to `on_item`,
    then `on_end` runs. Returns False (the job marked failed, with the reason) when the file as
    a whole cannot be read or processing stops unexpectedly; items already written stay whole,
    and running the import again completes it."""
    try:
        with job_file(job) as path:
            for item in _KINDS[job.kind].read(job, path):
                job.items_seen += 1
                if isinstance(item, ProductError):
                    job.items_failed += 1
                    _record_errors(job, item.errors, item.external_id)
                elif isinstance(item, OrderError):
                    job.items_failed += 1
                    _record_errors(job, item.errors, item.number)
                else:
                    on_item(item)
                if job.items_seen % PROGRESS_EVERY == 0:
                    job.save()
            on_end()
    except ImportFileError as error:
        _fail(job, error.message)
        return False
    except Exception:
        logger.exception("import stopped", extra={"job": job.pk})
        _fail(
            job,
            _(
                "The import stopped unexpectedly. What was imported so far is kept; "
                "run it again to finish."
            ),
        )
        return False
    return True


def import_validate(*, job_id: int) -> None:
    """Worker: read every item and build the report; nothing but the report is written."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None:
        return
    _restart(job, ImportJob.Status.VALIDATING)

    def count_valid(_record: Record) -> None:
        job.items_valid += 1

    if _stream(job, count_valid):
        job.status = ImportJob.Status.VALIDATED
        job.save()


def import_run_request(
    *, job: ImportJob, archive_missing: bool, confirm_archive: bool
) -> ImportJob:
    if job.status != ImportJob.Status.VALIDATED:
        raise ValidationError(
            _("Validate the file before running the import."), code="not_validated"
        )
    if archive_missing and not _KINDS[job.kind].archives:
        raise _refuse(
            "archive_not_supported",
            _("Orders are never archived by an import: run it without archive_missing."),
            field="archive_missing",
        )
    job.archive_missing, job.confirm_archive = archive_missing, confirm_archive
    job.status = ImportJob.Status.RUNNING
    job.save(update_fields=["archive_missing", "confirm_archive", "status", "updated_at"])
    transaction.on_commit(lambda: catalog_import_run.send(job.pk))
    return job


def import_run(*, job_id: int) -> None:
    """Worker: upsert every valid item, then archive the products the file no longer lists."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None:
        return
    archive_missing = job.archive_missing and _KINDS[job.kind].archives
    confirm = job.confirm_archive
    _restart(job, ImportJob.Status.RUNNING)
    seen: set[str] = set()
    batch: list[Record] = []

    def count(outcomes: list[Outcome]) -> None:
        for key, outcome, errors in outcomes:
            if outcome == "failed":
                job.items_failed += 1
                _record_errors(job, list(errors), key)
            else:
                job.items_valid += 1
                setattr(job, outcome, getattr(job, outcome) + 1)
        job.save()

    with _KINDS[job.kind].writer(job, count) as writer:

        def collect(record: Record) -> None:
            if isinstance(record, ProductRecord):
                seen.add(record.external_id)
            batch.append(record)
            if len(batch) >= UPSERT_BATCH:
                writer.submit(batch.copy())
                batch.clear()

        def finish() -> None:
            if batch:
                writer.submit(batch.copy())
            writer.flush()

        if not _stream(job, collect, on_end=finish):
            return
    if archive_missing:
        _archive(job, seen, confirmed=confirm)
    if job.created + job.updated >= ANALYZE_AFTER:
        _analyze(_KINDS[job.kind].tables)
    job.status = ImportJob.Status.COMPLETED
    job.finished_at = timezone.now()
    job.save()


def _analyze(tables: tuple[str, ...]) -> None:
    """Refresh the planner's statistics now rather than when autovacuum gets to it: right
    after a bulk load they describe the empty tables, and searches get slow plans."""
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(tables)}")


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


def _fail(job: ImportJob, message: str) -> None:
    job.status = ImportJob.Status.FAILED
    job.error = message
    job.finished_at = timezone.now()
    job.save()


def import_summary(job: ImportJob) -> dict[str, Any]:
    return {
        name: getattr(job, name)
        for name in (
            "items_seen",
            "items_valid",
            "items_failed",
            "created",
            "updated",
            "unchanged",
            "archived",
        )
    }


def import_files_purge(*, older_than: timedelta) -> int:
    """Delete the uploaded file and the preview rows of imports finished longer ago than
    `older_than` (order files hold customers' emails and names). The job, its counts and its
    row errors stay, so the history still reads. Returns how many jobs were purged."""
    finished = ImportJob.objects.filter(
        finished_at__lt=timezone.now() - older_than,
        status__in=[ImportJob.Status.COMPLETED, ImportJob.Status.FAILED],
    ).exclude(preview={})
    job_ids = list(finished.values_list("pk", flat=True))
    ImportFileChunk.objects.filter(job_id__in=job_ids).delete()
    return ImportJob.objects.filter(pk__in=job_ids).update(preview={})


def import_files_purge_for_all_stores() -> int:
    """Cross-tenant (scheduler): `import_files_purge` in every store, with the configured
    retention."""
    purged = 0
    for tenant in store_list():
        with tenant_context(tenant):
            purged += import_files_purge(
                older_than=timedelta(days=settings.IMPORT_FILE_RETENTION_DAYS)
            )
    return purged
