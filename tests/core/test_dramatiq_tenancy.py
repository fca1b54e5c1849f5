"""The Dramatiq edge: the schema travels in message options and a real worker process, fed by
real Redis, runs each message in the schema it was enqueued from."""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator

import dramatiq
import pytest
from django.db import transaction

from apps.audit.models import AuditEvent
from apps.core import processes, tenancy
from apps.core.tenancy import tenant_context
from apps.core.tenancy.dramatiq import SCHEMA_OPTION, actor_send_to_store
from apps.tenants.models import Tenant
from tests.conftest import child_env
from tests.core.worker.actors import record_schema, record_visible

pytestmark = pytest.mark.worker

# A worker first loads the embedding model, which takes a while on a busy machine.
WORKER_WAIT_S = 120


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
def enqueued(monkeypatch: pytest.MonkeyPatch) -> list[dramatiq.Message]:
    """Messages the broker was asked to enqueue, after the enqueue middleware ran (nothing
    reaches Redis, where a later worker test would run it)."""
    broker = dramatiq.get_broker()
    messages: list[dramatiq.Message] = []

    def enqueue(message: dramatiq.Message, *, delay: int | None = None) -> dramatiq.Message:
        for middleware in broker.middleware:
            middleware.before_enqueue(broker, message, delay or 0)
        messages.append(message)
        return message

    monkeypatch.setattr(broker, "enqueue", enqueue)
    return messages


def test_sending_into_a_store_names_that_store_and_leaves_the_callers_schema(
    tenant_a: Tenant, tenant_b: Tenant, enqueued: list[dramatiq.Message]
) -> None:
    # given code running in store A (the root domain is the same case: see the worker test)
    with tenant_context(tenant_a):
        # when it sends a message into store B
        message = actor_send_to_store(record_schema, tenant=tenant_b, args=("m",))

        # then the message carries B's schema, and the caller is still on A
        assert tenancy.current_schema() == tenant_a.schema_name
    assert enqueued == [message]
    assert message.options[SCHEMA_OPTION] == tenant_b.schema_name
    assert message.args == ("m",)


def test_sending_into_a_store_on_commit_waits_for_the_commit(
    tenant_b: Tenant, enqueued: list[dramatiq.Message], django_capture_on_commit_callbacks
) -> None:
    # given a transaction on the public schema
    with django_capture_on_commit_callbacks(execute=True):
        # when a message into B is sent on commit
        message = actor_send_to_store(
            record_schema, tenant=tenant_b, kwargs={"marker": "m"}, on_commit=True
        )

        # then nothing is enqueued before the commit, and it is afterwards
        assert enqueued == []
    assert enqueued == [message] and message.kwargs == {"marker": "m"}


def test_sending_into_a_store_on_commit_is_dropped_on_rollback(
    tenant_b: Tenant, enqueued: list[dramatiq.Message], django_capture_on_commit_callbacks
) -> None:
    # given a transaction that sends a message into B on commit, then fails
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        actor_send_to_store(record_schema, tenant=tenant_b, args=("m",), on_commit=True)
        raise RuntimeError("the webhook's delivery could not be recorded")

    # then the message was never enqueued
    assert enqueued == []


def test_the_public_tenant_is_not_a_store_to_send_into(enqueued: list[dramatiq.Message]) -> None:
    with pytest.raises(ValueError, match="needs a store"):
        actor_send_to_store(record_schema, tenant=Tenant(schema_name="public"), args=("m",))
    assert enqueued == []


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


def _ran(worker: subprocess.Popen[bytes], tenant: Tenant, marker: str) -> AuditEvent:
    """The event the message `marker` wrote in `tenant`'s schema (the test fails with the
    worker's output if none appears)."""
    deadline = time.monotonic() + WORKER_WAIT_S
    while time.monotonic() < deadline:
        with tenant_context(tenant):
            event = AuditEvent.objects.filter(action=marker).first()
        if event:
            return event
        time.sleep(0.1)
    worker.terminate()
    output = worker.communicate(timeout=15)[0].decode(errors="replace")
    pytest.fail(f"worker did not run {marker} in {tenant.slug}; its output:\n{output[-3000:]}")


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
            event = _ran(worker, tenant, markers[name])
            assert event.data == {"schema": tenant.schema_name}
            with tenant_context(other):
                assert not AuditEvent.objects.filter(action=markers[name]).exists()
    finally:
        for tenant in (tenant_a, tenant_b):
            with tenant_context(tenant):
                AuditEvent.objects.filter(action__startswith="worker.").delete()


@pytest.mark.django_db(transaction=True)
def test_real_worker_runs_a_message_sent_from_the_public_schema_in_the_named_store(
    worker, tenant_a: Tenant, tenant_b: Tenant
) -> None:
    # given each store has an event of its own, and the caller is on the public schema
    prefix = f"worker.seed.{uuid.uuid4().hex[:8]}"
    for tenant in (tenant_a, tenant_b):
        with tenant_context(tenant):
            AuditEvent.objects.create(action=f"{prefix}.{tenant.slug}")
    marker = f"worker.into-b.{uuid.uuid4().hex[:8]}"
    try:
        # when a root-domain endpoint sends a message into store B after its transaction
        with transaction.atomic():
            actor_send_to_store(
                record_visible, tenant=tenant_b, args=(marker, prefix), on_commit=True
            )
        # then the caller never left the public schema
        assert tenancy.is_public()

        # and the message ran in B, saw only B's data, and wrote nothing to A
        event = _ran(worker, tenant_b, marker)
        assert event.data == {"schema": tenant_b.schema_name, "seen": [f"{prefix}.store-b"]}
        with tenant_context(tenant_a):
            assert not AuditEvent.objects.filter(action=marker).exists()
        assert tenancy.is_public()
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
        deadline = time.monotonic() + WORKER_WAIT_S
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
