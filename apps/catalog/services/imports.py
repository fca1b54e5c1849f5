"""Product and order file imports: upload → preview (detected format and column mapping) →
validation report (per-row errors with line numbers) → run in the worker → summary.

The upload is stored in 1 MB pieces in PostgreSQL (processes are stateless) and streamed back
into a temporary file for parsing, so memory stays flat whatever the file size. Validating and
running re-read the file and feed its records to the run loop (services/runs.py), which owns
the errors, counters, progress, archiving and summary that connector syncs share. What differs
between the two kinds of file — preview, reader, mapping fields — is in `_KINDS`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.catalog.importing.common.mapping import check_mapping
from apps.catalog.importing.common.records import ImportFileError, Preview
from apps.catalog.importing.common.values import BadValue
from apps.catalog.importing.orders import OrderError, OrderRecord, preview_orders, read_orders
from apps.catalog.importing.orders.reader import order_status_words
from apps.catalog.importing.orders.records import ORDER_TARGET_FIELDS
from apps.catalog.importing.orders.records import REQUIRED_TARGETS as ORDER_REQUIRED
from apps.catalog.importing.orders.status_words import status_words_check
from apps.catalog.importing.products import (
    GENERIC_REQUIRED,
    TARGET_FIELDS,
    ProductError,
    ProductRecord,
    preview,
    read_products,
)
from apps.catalog.models import ImportFileChunk, ImportJob, ProductSource
from apps.catalog.services.runs import Item, kind_archives, records_apply, records_validate
from apps.catalog.tasks import catalog_import_run, catalog_import_validate
from apps.core.tenancy import current_tenant, tenant_context
from apps.tenants.selectors import store_list

PIECE_BYTES = 1024 * 1024


def store_currency() -> str:
    tenant = current_tenant()
    return tenant.currency if tenant is not None else "USD"


def _refuse(code: str, message: str, field: str = "file") -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


@dataclass(frozen=True)
class _Kind:
    """What differs between product and order imports."""

    preview: Callable[[Path, str], Preview]
    read: Callable[[ImportJob, Path], Iterator[Item]]
    targets: tuple[str, ...]  # fields a table's columns can be mapped to
    required: tuple[str, ...]  # fields a mapped table must provide


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


def _preview_orders(path: Path, filename: str) -> Preview:
    return preview_orders(path, filename=filename)


def _read_orders(job: ImportJob, path: Path) -> Iterator[OrderRecord | OrderError]:
    return read_orders(
        path,
        filename=job.filename,
        mapping=job.mapping or None,
        status_words=job.status_words,
        currency=job.currency,
    )


_KINDS: dict[str, _Kind] = {
    ImportJob.Kind.PRODUCTS: _Kind(
        preview=_preview_products,
        read=_read_products,
        targets=TARGET_FIELDS,
        required=GENERIC_REQUIRED,
    ),
    ImportJob.Kind.ORDERS: _Kind(
        preview=_preview_orders,
        read=_read_orders,
        targets=ORDER_TARGET_FIELDS,
        required=ORDER_REQUIRED,
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


def import_status_words_update(
    *, job: ImportJob, status_words: dict[str, dict[str, str]]
) -> ImportJob:
    """Map the store's own status words onto Aisle's order statuses, for an order import in
    any format; the preview then shows what each word of the file maps to."""
    if job.kind != ImportJob.Kind.ORDERS:
        raise _refuse(
            "not_an_order_import", _("Only order imports have status words."), "status_words"
        )
    if job.status not in (ImportJob.Status.UPLOADED, ImportJob.Status.VALIDATED):
        raise ValidationError(_("This import is already running."), code="import_running")
    try:
        job.status_words = status_words_check(words=status_words)
    except BadValue as problem:
        raise _refuse(problem.code, problem.reason, "status_words") from problem
    job.status = ImportJob.Status.UPLOADED
    job.save(update_fields=["status_words", "status", "updated_at"])
    _preview_refresh(job, mapping=job.mapping if job.format == "generic" else None)
    return job


def _preview_refresh(job: ImportJob, *, mapping: dict[str, str] | None) -> None:
    with job_file(job) as path:
        try:
            result = _KINDS[job.kind].preview(path, job.filename)
            if mapping is not None:
                check_mapping(mapping, result.columns, _KINDS[job.kind].targets)
            words = (
                order_status_words(
                    path,
                    filename=job.filename,
                    mapping=mapping if mapping is not None else result.mapping,
                    status_words=job.status_words,
                )
                if job.kind == ImportJob.Kind.ORDERS
                else None
            )
        except ImportFileError as error:
            raise _refuse(error.code, error.message) from error
    job.format = result.format
    job.mapping = mapping if mapping is not None else result.mapping
    required_missing = result.required_missing
    if mapping is not None and result.format == "generic":
        required_missing = [field for field in _KINDS[job.kind].required if field not in mapping]
    job.preview = {**asdict(result), "mapping": job.mapping, "required_missing": required_missing}
    if words is not None:
        job.preview["status_words"] = words
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


def _locked(job: ImportJob) -> ImportJob:
    return ImportJob.objects.select_for_update().get(pk=job.pk)


@transaction.atomic
def import_validate_request(*, job: ImportJob) -> ImportJob:
    job = _locked(job)  # two clicks must not start two workers on one job
    if job.status in (ImportJob.Status.VALIDATING, ImportJob.Status.RUNNING):
        raise ValidationError(_("This import is already being processed."), code="import_busy")
    job.status = ImportJob.Status.VALIDATING
    job.save(update_fields=["status", "updated_at"])
    transaction.on_commit(lambda: catalog_import_validate.send(job.pk))
    return job


def _file_records(job: ImportJob) -> Iterator[Item]:
    with job_file(job) as path:
        yield from _KINDS[job.kind].read(job, path)


def import_validate(*, job_id: int) -> None:
    """Worker: read every item of the file and build the report; nothing else is written."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is not None:
        records_validate(job=job, records=_file_records(job))


@transaction.atomic
def import_run_request(
    *, job: ImportJob, archive_missing: bool, confirm_archive: bool
) -> ImportJob:
    job = _locked(job)  # two clicks must not start two workers on one job
    if job.status != ImportJob.Status.VALIDATED:
        raise ValidationError(
            _("Validate the file before running the import."), code="not_validated"
        )
    if archive_missing and not kind_archives(job.kind):
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
    """Worker: upsert every valid item of the file, then archive the products it no longer
    lists (see services/runs.py)."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is not None:
        records_apply(job=job, records=_file_records(job))


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
