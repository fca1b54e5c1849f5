"""`in_store`: a reply's blocking work on the reply thread pool, always in its own store.

Tests otherwise run with ASSISTANT_THREADS=0 (the test's own thread); production uses the pool,
whose threads serve every store in turn, so this exercises the pool itself (committed data)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from django.db import connection

from apps.conversations.models import AssistantSettings
from apps.conversations.services import threads
from apps.conversations.services.assistant_settings import assistant_settings_get
from apps.core.tenancy import tenant_context
from apps.tenants.models import Tenant


@pytest.fixture
def pooled(settings: Any) -> Iterator[None]:
    settings.ASSISTANT_THREADS = 2
    threads._pool.cache_clear()
    yield
    threads._pool().shutdown(wait=True)
    threads._pool.cache_clear()


@pytest.fixture
def named_stores(transactional_db: None, tenant_a: Tenant, tenant_b: Tenant) -> Iterator[None]:
    for tenant, name in ((tenant_a, "Ada"), (tenant_b, "Bea")):
        with tenant_context(tenant):
            AssistantSettings.objects.update_or_create(pk=1, defaults={"name": name})
    yield
    for tenant in (tenant_a, tenant_b):
        with tenant_context(tenant):
            AssistantSettings.objects.all().delete()


def _seen() -> tuple[str, str]:
    return connection.schema_name, assistant_settings_get().name


def test_pool_threads_see_only_the_store_each_call_names(
    pooled: None, named_stores: None, tenant_a: Tenant, tenant_b: Tenant
) -> None:
    # Given two stores whose calls interleave on the same two pool threads
    async def interleaved() -> list[tuple[str, str]]:
        calls = [threads.in_store(t, _seen) for _ in range(10) for t in (tenant_a, tenant_b)]
        return await asyncio.gather(*calls)

    # When they all run
    seen = async_to_sync(interleaved)()

    # Then every call ran in its own store's schema and read that store's settings only
    expected = [(tenant_a.schema_name, "Ada"), (tenant_b.schema_name, "Bea")] * 10
    assert seen == expected
