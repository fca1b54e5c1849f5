from __future__ import annotations

import numpy as np
from django.db.models import QuerySet

from apps.knowledge.models import Chunk, Document, FaqEntry, Source
from apps.knowledge.sentences import sentence_vectors_unpack


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


def chunk_sentence_vectors(
    *, chunk_ids: list[int], model_name: str
) -> dict[int, dict[str, np.ndarray]]:
    """Each chunk's stored sentence embeddings by sentence text, for chunks whose vectors were
    made with `model_name` (the model that encoded the question)."""
    rows = Chunk.objects.filter(
        pk__in=chunk_ids, embedding_model=model_name, sentence_vectors__isnull=False
    ).values_list("pk", "sentences", "sentence_vectors")
    found = {}
    for pk, texts, data in rows:
        vectors = sentence_vectors_unpack(bytes(data or b""))
        if len(vectors) == len(texts):
            found[pk] = dict(zip(texts, vectors, strict=True))
    return found
