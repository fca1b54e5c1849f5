"""Running a reply's blocking work (database, embeddings) off the event loop, in its store.

Channels' shared sync thread would serialise every conversation of a web process behind one
database connection, so replies use a small pool of their own (`ASSISTANT_THREADS`), each
thread with its own connection. Every call activates the store for its duration: pool threads
are shared by all stores. With `ASSISTANT_THREADS=0` calls go to the shared sync thread
(thread-sensitive), which in tests is the test's own thread and transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import Any, TypeVar

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections

from apps.core.tenancy import tenant_context
from apps.tenants.models import Tenant

T = TypeVar("T")


@cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=settings.ASSISTANT_THREADS, thread_name_prefix="reply")


def _call(tenant: Tenant, fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
    with tenant_context(tenant):
        return fn(*args, **kwargs)


def _call_pooled(
    tenant: Tenant, fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> T:
    close_old_connections()
    try:
        return _call(tenant, fn, args, kwargs)
    finally:
        close_old_connections()


async def in_store(store: Tenant, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    if settings.ASSISTANT_THREADS <= 0:
        return await sync_to_async(_call, thread_sensitive=True)(store, fn, args, kwargs)
    return await sync_to_async(_call_pooled, thread_sensitive=False, executor=_pool())(
        store, fn, args, kwargs
    )
