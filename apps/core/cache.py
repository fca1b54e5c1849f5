"""Forgetting cached copies of rows that a transaction changes."""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction


def cache_forget(*, keys: list[str]) -> None:
    """Delete the entries now and again after commit: a request that read the old rows while
    the transaction was open could otherwise re-cache them."""
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))
