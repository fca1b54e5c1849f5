"""The scheduler process: a periodic tick that enqueues due work onto Dramatiq.

Jobs are (name, interval, actor path). Each tick, under a Redis lock held by one scheduler at
a time (several may run for availability), every job whose last run is older than its interval
is enqueued and its time recorded in Redis. Data-driven schedules (per-source syncs, per-tenant
evaluations) register one job whose actor finds what is due.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

import redis
from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

LOCK_KEY = "aisle:scheduler:lock"
LAST_RUN_KEY = "aisle:scheduler:last-run:{name}"


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    actor: str  # dotted path of a Dramatiq actor taking no arguments


JOBS: list[PeriodicJob] = [
    PeriodicJob(
        "knowledge-due-syncs",
        timedelta(minutes=1),
        "apps.knowledge.tasks.knowledge_enqueue_due_syncs",
    ),
    PeriodicJob(
        "sessions-clear-expired", timedelta(hours=6), "apps.core.tasks.sessions_clear_expired"
    ),
    PeriodicJob(
        "import-files-purge", timedelta(hours=24), "apps.catalog.tasks.catalog_import_files_purge"
    ),
]


def _client() -> redis.Redis:
    return redis.Redis.from_url(settings.REDIS_URL)


def scheduler_tick(
    *,
    now: float | None = None,
    client: redis.Redis | None = None,
    jobs: list[PeriodicJob] | None = None,
    lock_seconds: int = 60,
) -> list[str]:
    """Enqueue every due job once; returns the names enqueued (empty if another scheduler
    holds the lock)."""
    client = client or _client()
    now = time.time() if now is None else now
    if not client.set(LOCK_KEY, "1", nx=True, ex=lock_seconds):
        return []
    enqueued = []
    try:
        for job in JOBS if jobs is None else jobs:
            key = LAST_RUN_KEY.format(name=job.name)
            last = float(client.get(key) or 0)
            if now - last >= job.every.total_seconds():
                import_string(job.actor).send()
                client.set(key, now)
                enqueued.append(job.name)
    finally:
        client.delete(LOCK_KEY)
    if enqueued:
        logger.info("scheduler enqueued jobs", extra={"jobs": enqueued})
    return enqueued


def scheduler_run_forever(*, tick_seconds: float) -> None:
    logger.info("scheduler started", extra={"tick_seconds": tick_seconds})
    while True:
        try:
            scheduler_tick()
        except redis.RedisError:
            logger.exception("scheduler tick failed; retrying next tick")
        time.sleep(tick_seconds)
