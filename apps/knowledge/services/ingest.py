"""From one document's content to stored, searchable chunks.

Parsing and chunking happen per document; embedding happens per batch of documents (the model
is much faster on full batches); storing happens per document in its own transaction, which
swaps the old chunks for the new ones atomically. A worker killed anywhere in between leaves
each document either fully old or fully new, never half of each.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from apps.core.search import embeddings
from apps.core.search.term_statistics import term_statistics_refresh
from apps.knowledge.chunk_vectors import EMBEDDING_VERSION
from apps.knowledge.chunking import ChunkDraft, chunk_blocks
from apps.knowledge.instructions import looks_like_instructions
from apps.knowledge.models import Chunk, Document, Source, search_vector_expression
from apps.knowledge.parsing import ParsedDocument
from apps.knowledge.sentences import ChunkSentences, chunks_encode, sentence_vectors_pack

logger = logging.getLogger(__name__)

# all-MiniLM-L6-v2 was trained on 128-word-piece inputs: chunks that size embed best, cite
# precisely and encode fastest (attention grows with length).
MAX_TOKENS = 128
OVERLAP_TOKENS = 24


class SourceGone(Exception):
    """The source was deleted while it synced: nothing more may be written for it."""


def source_hold(*, source_id: int) -> None:
    """Inside a transaction: keep the source from being deleted until commit, or raise
    SourceGone if it already was. source_delete locks the row before it collects what to
    cascade, so a sync's write either lands before the delete (and goes with it) or finds the
    source gone; it never leaves an orphan row nor makes the delete fail."""
    if not Source.objects.select_for_update(no_key=True).filter(pk=source_id).exists():
        raise SourceGone


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Content:
    """What a source item holds right now. `parse` is only called when it changed."""

    checksum: str
    parse: Callable[[], ParsedDocument]
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""


@dataclass
class _Pending:
    document: Document
    content: Content
    parsed: ParsedDocument
    drafts: list[ChunkDraft]


@dataclass
class IngestBatch:
    """Collects parsed documents and stores them a batch of embeddings at a time."""

    model_name: str
    language: str
    # Documents are embedded together once this many chunks are pending: fewer, longer encoder
    # calls, and sorting by length inside a call keeps padding low.
    batch_chunks: int = 256
    on_stored: Callable[[], None] = lambda: None
    stored: int = 0  # documents whose chunks this batch replaced
    _pending: list[_Pending] = field(default_factory=list)

    def add(self, *, document: Document, content: Content, parsed: ParsedDocument) -> int:
        drafts = chunk_blocks(
            parsed.blocks,
            max_tokens=MAX_TOKENS,
            overlap_tokens=OVERLAP_TOKENS,
            count_tokens=embeddings.token_counter(self.model_name),
        )
        self._pending.append(_Pending(document, content, parsed, drafts))
        if sum(len(p.drafts) for p in self._pending) >= self.batch_chunks:
            self.flush()
        return len(drafts)

    def flush(self) -> None:
        """Embed the pending documents together, then store each in its own transaction.
        An ordinary error fails only the documents it concerns; an interruption (worker
        shutdown, time limit: BaseException) propagates and leaves unstored documents as they
        were, to be redone by the next run."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        chunks = [(draft.text, _section(draft)) for item in pending for draft in item.drafts]
        try:
            chunk_rows, sentence_rows = chunks_encode(chunks, model_name=self.model_name)
        except Exception:
            logger.exception("embedding failed", extra={"documents": len(pending)})
            for item in pending:
                document_fail(document=item.document, code="internal_error", message=RETRY_LATER)
            return
        vectors, encodings = iter(chunk_rows), iter(sentence_rows)
        for item in pending:
            own_vectors = [next(vectors) for _ in item.drafts]
            try:
                document_chunks_replace(
                    pending=item,
                    vectors=own_vectors,
                    sentences=[next(encodings) for _ in item.drafts],
                    model_name=self.model_name,
                    language=self.language,
                )
                self.stored += 1
            except SourceGone:
                raise
            except Exception:
                logger.exception("storing chunks failed", extra={"document": item.document.pk})
                document_fail(document=item.document, code="internal_error", message=RETRY_LATER)
        self.on_stored()


def _section(draft: ChunkDraft) -> str:
    return " > ".join(draft.heading_path)[:1000]


RETRY_LATER = "Aisle could not process this document. It will be retried on the next sync."


def document_chunks_replace(
    *,
    pending: _Pending,
    vectors: list,
    sentences: list[ChunkSentences],
    model_name: str,
    language: str,
) -> None:
    document, content, parsed = pending.document, pending.content, pending.parsed
    with transaction.atomic():
        source_hold(source_id=document.source_id)
        # Lock the row: two syncs of one source must not interleave their replacements.
        if not Document.objects.select_for_update().filter(pk=document.pk).exists():
            return  # a concurrent sync of this source found the item gone and deleted it
        Chunk.objects.filter(document=document).delete()
        Chunk.objects.bulk_create(
            Chunk(
                document=document,
                source_id=document.source_id,
                position=draft.position,
                text=draft.text,
                section=_section(draft),
                page=draft.page,
                anchor=(draft.anchor or "")[:255],
                token_count=draft.token_count,
                embedding=vector,
                embedding_model=model_name,
                embedding_version=EMBEDDING_VERSION,
                looks_like_instructions=looks_like_instructions(draft.text),
                sentences=encoded.texts,
                sentence_vectors=sentence_vectors_pack(encoded.vectors),
            )
            for draft, vector, encoded in zip(pending.drafts, vectors, sentences, strict=True)
        )
        Chunk.objects.filter(document=document).update(
            search_vector=search_vector_expression(language)
        )
        document.title = (parsed.title or document.title or document.key)[:500]
        document.content_type = content.content_type or parsed.content_type
        document.checksum = content.checksum
        document.etag = content.etag[:500]
        document.last_modified = content.last_modified[:100]
        document.notes = parsed.notes
        document.status = Document.Status.READY
        document.error_code = document.error_message = ""
        document.chunk_count = len(pending.drafts)
        document.embedding_model = model_name
        document.synced_at = timezone.now()
        document.save(
            update_fields=[
                "title",
                "content_type",
                "checksum",
                "etag",
                "last_modified",
                "notes",
                "status",
                "error_code",
                "error_message",
                "chunk_count",
                "embedding_model",
                "synced_at",
                "updated_at",
            ]
        )


def document_fail(*, document: Document, code: str, message: str) -> None:
    """Record a per-document error. Chunks from an earlier good version stay searchable."""
    document.status = Document.Status.ERROR
    document.error_code = code[:40]
    document.error_message = message[:2000]
    document.synced_at = timezone.now()
    _document_status_save(document, ["status", "error_code", "error_message", "synced_at"])


def document_unchanged(*, document: Document) -> None:
    document.status = Document.Status.READY
    document.synced_at = timezone.now()
    _document_status_save(document, ["status", "synced_at"])


def _document_status_save(document: Document, fields: list[str]) -> None:
    # An UPDATE by id rather than save(): a document deleted with its source meanwhile is no
    # error here; the sync's next write finds the source gone and stops.
    Document.objects.filter(pk=document.pk).update(
        **{field: getattr(document, field) for field in fields}, updated_at=timezone.now()
    )


def chunk_terms_refresh() -> None:
    """Rebuild the keyword arm's term statistics from every chunk (after a sync)."""
    term_statistics_refresh(table="knowledge_chunk", statistics="knowledge_chunk_terms")
