"""The scheduler tick: every store's due sources are queued, each in its own schema."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from apps.core.tenancy import tenant_context
from apps.knowledge.models import Source
from apps.knowledge.services.scheduling import due_source_syncs_enqueue_for_all_tenants


def _source(*, name: str, due_in: timedelta) -> Source:
    return Source.objects.create(
        kind=Source.Kind.TEXT,
        name=name,
        config={"text": "x", "format": "plain"},
        schedule=Source.Schedule.DAILY,
        next_sync_at=timezone.now() + due_in,
    )


def test_due_sources_are_queued_in_their_own_store_only(
    tenant_a, tenant_b, django_capture_on_commit_callbacks
) -> None:
    # given a due source in each store, and one in B that is not due yet
    with tenant_context(tenant_a):
        due_a = _source(name="A due", due_in=-timedelta(minutes=1))
    with tenant_context(tenant_b):
        due_b = _source(name="B due", due_in=-timedelta(minutes=1))
        later_b = _source(name="B later", due_in=timedelta(hours=1))
    # when the scheduler tick runs
    with django_capture_on_commit_callbacks() as callbacks:
        queued = due_source_syncs_enqueue_for_all_tenants()
    # then each store's due source is queued in that store, and nothing else
    assert queued == 2 and len(callbacks) == 2
    with tenant_context(tenant_a):
        assert list(Source.objects.values_list("name", "status")) == [("A due", "queued")]
        assert Source.objects.get(pk=due_a.pk).status == Source.Status.QUEUED
    with tenant_context(tenant_b):
        assert Source.objects.get(pk=due_b.pk).status == Source.Status.QUEUED
        assert Source.objects.get(pk=later_b.pk).status == Source.Status.IDLE
