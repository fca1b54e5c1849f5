from __future__ import annotations

from django.db.models import QuerySet

from apps.knowledge.models import Document, FaqEntry, Source


def source_list(*, kind: str | None = None, status: str | None = None) -> QuerySet[Source]:
    sources = Source.objects.all()
    if kind:
        sources = sources.filter(kind=kind)
    if status:
        sources = sources.filter(status=status)
    return sources


def source_get(*, source_id: int) -> Source | None:
    return Source.objects.filter(pk=source_id).first()


def document_list(*, source: Source, status: str | None = None) -> QuerySet[Document]:
    documents = Document.objects.filter(source=source).select_related("found_on")
    return documents.filter(status=status) if status else documents


def faq_entry_list(*, source: Source) -> QuerySet[FaqEntry]:
    return FaqEntry.objects.filter(source=source)


def faq_entry_get(*, entry_id: int) -> FaqEntry | None:
    return FaqEntry.objects.select_related("source").filter(pk=entry_id).first()
