"""Pure tests: files are built in tmp_path, nothing touches the database, Redis or the network."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from apps.catalog.importing.products import ProductError, ProductRecord, read_products


@pytest.fixture(autouse=True)
def _clean_slate() -> Iterator[None]:
    """Replaces the suite-wide fixture of the same name, which resets the tenant schema and
    clears the Redis cache: these tests use neither."""
    yield


def write_csv(path: Path, rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def read_all(path: Path, **kwargs) -> tuple[list[ProductRecord], list[ProductError]]:
    items = list(read_products(path, filename=kwargs.pop("filename", path.name), **kwargs))
    records = [i for i in items if isinstance(i, ProductRecord)]
    errors = [i for i in items if isinstance(i, ProductError)]
    assert len(records) + len(errors) == len(items)
    return records, errors


def by_id(records: list[ProductRecord]) -> dict[str, ProductRecord]:
    return {r.external_id: r for r in records}
