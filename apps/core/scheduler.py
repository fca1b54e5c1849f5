"""The scheduler process: a periodic tick that enqueues due work onto Dramatiq.

Jobs are (name, interval, actor path). Each tick, under a Redis lock held by one scheduler at
a time (several may run for availability; the lock expires if its holder dies, and a holder
only ever releases its own), every job whose last run is older than its interval is enqueued
and its time recorded in Redis. Data-driven schedules (per-source syncs, per-tenant
evaluations) register one job whose actor finds what is due.
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass
from datetime import timedelta

import redis
from django.conf import settings
from django.utils.module_loading import import_string
from redis.exceptions import LockNotOwnedError

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
    holds the lock).

    The lock is redis-py's: a random token per holder, released (and extended after each job)
    only while that token is still stored, atomically. A tick that outlived `lock_seconds` has
    lost the lock to another scheduler, so it stops there and never deletes that scheduler's
    lock; the jobs it left are due again on the next tick."""
    client = client or _client()
    now = time.time() if now is None else now
    lock = client.lock(LOCK_KEY, timeout=lock_seconds, blocking=False)
    if not lock.acquire():
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
            lock.extend(lock_seconds, replace_ttl=True)
    except LockNotOwnedError:
        logger.warning("scheduler lock expired mid-tick; the rest waits for the next tick")
    else:
        with contextlib.suppress(LockNotOwnedError):  # expired after the last extend
            lock.release()
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
