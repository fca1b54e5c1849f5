"""The Dramatiq edge: the schema travels in message options and a real worker process, fed by
real Redis, runs each message in the schema it was enqueued from."""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator

import dramatiq
import pytest

from apps.audit.models import AuditEvent
from apps.core import processes
from apps.core.tenancy import tenant_context
from apps.core.tenancy.dramatiq import SCHEMA_OPTION
from apps.tenants.models import Tenant
from tests.conftest import child_env
from tests.core.worker.actors import record_schema

pytestmark = pytest.mark.worker


def test_enqueue_records_the_active_schema(tenant_a: Tenant) -> None:
    broker = dramatiq.get_broker()
    with tenant_context(tenant_a):
        message = record_schema.message("m")
        for middleware in broker.middleware:
            middleware.before_enqueue(broker, message, 0)
    assert message.options[SCHEMA_OPTION] == tenant_a.schema_name


def test_public_enqueue_carries_no_schema(db: None) -> None:
    broker = dramatiq.get_broker()
    message = record_schema.message("m")
    for middleware in broker.middleware:
        middleware.before_enqueue(broker, message, 0)
    assert SCHEMA_OPTION not in message.options


@pytest.fixture
def worker() -> Iterator[subprocess.Popen[bytes]]:
    process = processes.dramatiq_worker(
        modules=["tests.core.worker.actors"],
        threads=2,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    yield process
    processes.processes_stop([process], timeout=15)


def _wait_for(tenant: Tenant, marker: str, timeout: float = 30.0) -> AuditEvent | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with tenant_context(tenant):
            event = AuditEvent.objects.filter(action=marker).first()
        if event:
            return event
        time.sleep(0.1)
    return None


@pytest.mark.django_db(transaction=True)
def test_real_worker_runs_each_message_in_its_tenants_schema(
    worker, tenant_a: Tenant, tenant_b: Tenant
) -> None:
    # given messages enqueued from A, then B, then A again, interleaved on two worker threads
    markers = {name: f"worker.{name}.{uuid.uuid4().hex[:8]}" for name in ("a1", "b1", "a2")}
    with tenant_context(tenant_a):
        record_schema.send(markers["a1"])
    with tenant_context(tenant_b):
        record_schema.send(markers["b1"])
    with tenant_context(tenant_a):
        record_schema.send(markers["a2"])
    try:
        # then each ran in its own store's schema, and nothing crossed over
        for name, tenant, other in (
            ("a1", tenant_a, tenant_b),
            ("b1", tenant_b, tenant_a),
            ("a2", tenant_a, tenant_b),
        ):
            event = _wait_for(tenant, markers[name])
            if event is None:
                worker.terminate()
                output = worker.communicate(timeout=15)[0].decode(errors="replace")
                pytest.fail(f"worker did not run {name}; its output:\n{output[-3000:]}")
            assert event.data == {"schema": tenant.schema_name}
            with tenant_context(other):
                assert not AuditEvent.objects.filter(action=markers[name]).exists()
    finally:
        for tenant in (tenant_a, tenant_b):
            with tenant_context(tenant):
                AuditEvent.objects.filter(action__startswith="worker.").delete()


@pytest.mark.django_db(transaction=True)
def test_real_worker_syncs_knowledge_only_in_the_enqueuing_store(
    worker, tenant_a, tenant_b
) -> None:
    from apps.knowledge.models import Chunk, Source
    from apps.knowledge.tasks import knowledge_source_sync

    # given both stores have a source with the same id (each schema has its own sequence)
    sources = {}
    for tenant in (tenant_a, tenant_b):
        with tenant_context(tenant):
            sources[tenant.slug] = Source.objects.create(
                kind=Source.Kind.TEXT,
                name="Note",
                config={"text": f"# Note\nOnly in {tenant.slug}.", "format": "markdown"},
            )
    assert sources["store-a"].pk == sources["store-b"].pk
    try:
        # when A enqueues a sync of "its" source id
        with tenant_context(tenant_a):
            knowledge_source_sync.send(sources["store-a"].pk)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with tenant_context(tenant_a):
                if Source.objects.get(pk=sources["store-a"].pk).status == "ready":
                    break
            time.sleep(0.2)
        # then A's source was synced and B's untouched
        with tenant_context(tenant_a):
            assert Chunk.objects.filter(text__contains="Only in store-a").exists()
        with tenant_context(tenant_b):
            assert Source.objects.get(pk=sources["store-b"].pk).status == "idle"
            assert not Chunk.objects.exists()
    finally:
        for tenant in (tenant_a, tenant_b):
            with tenant_context(tenant):
                Source.objects.all().delete()
