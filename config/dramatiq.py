"""Dramatiq broker configuration (read by django_dramatiq from settings.DRAMATIQ_BROKER).

Queues: `default`, `ingest`, `sync`, `eval`. The tenant middleware stores the current schema in
every message's options on enqueue and activates it around each message in the worker.
"""

from __future__ import annotations

QUEUES = ("default", "ingest", "sync", "eval")


def broker_settings(redis_url: str, *, namespace: str = "aisle") -> dict[str, object]:
    return {
        "BROKER": "dramatiq.brokers.redis.RedisBroker",
        "OPTIONS": {"url": redis_url, "namespace": namespace},
        "MIDDLEWARE": [
            "dramatiq.middleware.AgeLimit",
            "dramatiq.middleware.TimeLimit",
            "dramatiq.middleware.Callbacks",
            "dramatiq.middleware.Retries",
            "dramatiq.middleware.ShutdownNotifications",
            "django_dramatiq.middleware.DbConnectionsMiddleware",
            "apps.core.tenancy.dramatiq.TenantMiddleware",
            "apps.knowledge.worker.EmbeddingModelWarmup",
        ],
    }
