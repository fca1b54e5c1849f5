"""The scheduler's tick lock: one scheduler at a time, and never another's lock deleted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import redis
from django.conf import settings

from apps.core.scheduler import LAST_RUN_KEY, LOCK_KEY, PeriodicJob, scheduler_tick

JOB = PeriodicJob("test-job", timedelta(minutes=1), f"{__name__}.job_actor")
LATER_JOB = PeriodicJob("test-later-job", timedelta(minutes=1), f"{__name__}.later_actor")


class _Actor:
    """Stands in for a Dramatiq actor; `on_send` plays what happens while it is sent."""

    def __init__(self) -> None:
        self.sent = 0
        self.on_send = lambda: None

    def send(self) -> None:
        self.sent += 1
        self.on_send()


job_actor = _Actor()
later_actor = _Actor()


@pytest.fixture
def client() -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(settings.REDIS_URL)
    keys = [LOCK_KEY, *(LAST_RUN_KEY.format(name=job.name) for job in (JOB, LATER_JOB))]
    client.delete(*keys)
    for actor in (job_actor, later_actor):
        actor.sent, actor.on_send = 0, lambda: None
    yield client
    client.delete(*keys)


def test_a_tick_enqueues_due_jobs_and_releases_its_lock(client: redis.Redis) -> None:
    # given a due job and no other scheduler
    # when a tick runs
    enqueued = scheduler_tick(client=client, jobs=[JOB], now=1000.0)
    # then the job is enqueued once, and the lock is free for the next tick
    assert enqueued == ["test-job"] and job_actor.sent == 1
    assert client.get(LOCK_KEY) is None


def test_a_tick_does_nothing_while_another_scheduler_holds_the_lock(client: redis.Redis) -> None:
    # given another scheduler holding the lock
    client.set(LOCK_KEY, "other-scheduler", ex=60)
    # when a tick runs
    enqueued = scheduler_tick(client=client, jobs=[JOB], now=1000.0)
    # then nothing is enqueued and the other scheduler's lock stays
    assert enqueued == [] and job_actor.sent == 0
    assert client.get(LOCK_KEY) == b"other-scheduler"


def test_a_lock_that_expired_and_was_taken_over_is_not_deleted(client: redis.Redis) -> None:
    # given a tick whose first job outlasts the lock, which another scheduler then takes
    def lock_expires_and_is_taken() -> None:
        client.delete(LOCK_KEY)  # what the expiry does
        client.set(LOCK_KEY, "other-scheduler", ex=60)

    job_actor.on_send = lock_expires_and_is_taken
    # when the tick goes on
    enqueued = scheduler_tick(client=client, jobs=[JOB, LATER_JOB], now=1000.0)
    # then it stops at the lost lock, leaves the other scheduler's lock in place, and leaves the
    # next job to the scheduler that holds the lock now
    assert enqueued == ["test-job"] and later_actor.sent == 0
    assert client.get(LOCK_KEY) == b"other-scheduler"
