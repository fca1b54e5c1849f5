"""Actors loaded only by the test worker process (see test_dramatiq_tenancy.py)."""

import dramatiq
from django.db import connection

from apps.audit.models import AuditEvent


@dramatiq.actor(queue_name="default", max_retries=0)
def record_schema(marker: str) -> None:
    AuditEvent.objects.create(action=marker, data={"schema": connection.schema_name})


@dramatiq.actor(queue_name="default", max_retries=0)
def record_visible(marker: str, prefix: str) -> None:
    """Records the schema and which events starting with `prefix` the message can see."""
    seen = AuditEvent.objects.filter(action__startswith=prefix).values_list("action", flat=True)
    AuditEvent.objects.create(
        action=marker, data={"schema": connection.schema_name, "seen": sorted(seen)}
    )


# The real knowledge actors run in the same worker (imported for discovery).
from apps.knowledge.tasks import knowledge_source_sync  # noqa: E402,F401
