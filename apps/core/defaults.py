"""Whether a store's one-row settings (assistant, widget) were changed from their defaults."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models


def row_differs_from_defaults(row: models.Model | None, *, ignore: Iterable[str] = ()) -> bool:
    """True when any concrete field of `row` other than its key, auto-set timestamps and
    `ignore` holds something else than the field's default. A missing row has its defaults.

    Compared field by field against the model (not a list kept here) so that settings added
    later count without touching this check."""
    if row is None:
        return False
    skipped = set(ignore)
    for field in row._meta.concrete_fields:
        if field.primary_key or field.name in skipped:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            continue
        if getattr(row, field.attname) != field.get_default():
            return True
    return False
