from __future__ import annotations

from collections.abc import Iterator

import pytest

from apps.core.tenancy import tenant_context
from apps.knowledge.models import Source
from apps.knowledge.services.sync import source_sync
from apps.tenants.models import Tenant


@pytest.fixture
def in_store_a(tenant_a: Tenant) -> Iterator[Tenant]:
    """Run the test body on store A's schema (as a worker or a request on its host would)."""
    with tenant_context(tenant_a):
        yield tenant_a


def synced(source: Source) -> Source:
    """Run the source's sync right here (the worker would run the same service)."""
    source_sync(source_id=source.pk)
    source.refresh_from_db()
    return source


def text_source(text: str, *, name: str = "Note", fmt: str = "markdown") -> Source:
    return Source.objects.create(
        kind=Source.Kind.TEXT, name=name, config={"text": text, "format": fmt}
    )


def pdf_bytes(text: str) -> bytes:
    """A real one-page PDF with `text` (fpdf2)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())
