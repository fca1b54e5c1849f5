"""Catalog actors: ids in, the store set by the tenant middleware, one service call."""

from __future__ import annotations

import dramatiq

IMPORT_TIME_LIMIT_MS = 60 * 60 * 1000


@dramatiq.actor(queue_name="ingest", max_retries=1, time_limit=IMPORT_TIME_LIMIT_MS)
def catalog_import_validate(job_id: int) -> None:
    from apps.catalog.services.imports import import_validate

    import_validate(job_id=job_id)


@dramatiq.actor(queue_name="ingest", max_retries=1, time_limit=IMPORT_TIME_LIMIT_MS)
def catalog_import_run(job_id: int) -> None:
    from apps.catalog.services.imports import import_run

    import_run(job_id=job_id)


@dramatiq.actor(queue_name="default", max_retries=0)
def catalog_import_files_purge() -> None:
    from apps.catalog.services.imports import import_files_purge_for_all_stores

    import_files_purge_for_all_stores()
