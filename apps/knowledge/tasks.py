"""Knowledge actors: ids in, the store's schema set by the tenant middleware, one service call.
All are safe to run twice and to kill mid-way (see services/sync.py)."""

from __future__ import annotations

import dramatiq

# A polite website crawl (one request a second) of 2,000 pages takes over half an hour.
SYNC_TIME_LIMIT_MS = 3 * 60 * 60 * 1000


@dramatiq.actor(queue_name="ingest", max_retries=3, time_limit=SYNC_TIME_LIMIT_MS)
def knowledge_source_sync(source_id: int) -> None:
    from apps.knowledge.services.sync import source_sync

    source_sync(source_id=source_id)


@dramatiq.actor(queue_name="ingest", max_retries=3, time_limit=SYNC_TIME_LIMIT_MS)
def knowledge_reembed() -> None:
    from apps.knowledge.services.gates import passage_gates_calibrate
    from apps.knowledge.services.settings import chunks_reembed

    chunks_reembed()
    passage_gates_calibrate()  # the vectors the gates were measured on changed


@dramatiq.actor(queue_name="default", max_retries=0)
def knowledge_enqueue_due_syncs() -> None:
    from apps.knowledge.services.scheduling import due_source_syncs_enqueue_for_all_tenants

    due_source_syncs_enqueue_for_all_tenants()
