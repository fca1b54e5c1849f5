"""Knowledge: sources → documents → chunks (tenant schema).

A Source is what the merchant adds (a file, a URL, a website, an FAQ list, a note). Syncing it
produces Documents (one per file, page, FAQ entry...), each parsed into Chunks that carry the
text, where it came from (section, page, anchor), an embedding and a full-text vector.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Value
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Coalesce
from pgvector.django import HnswIndex, VectorField

from apps.core.search.embeddings import EMBEDDING_DIMENSIONS
from apps.core.search.hybrid import HNSW_EF_CONSTRUCTION, HNSW_M


class KnowledgeSettings(models.Model):
    """One row per store (pk=1)."""

    search_language = models.CharField(max_length=32, default="english")
    embedding_model = models.CharField(max_length=200, default=settings.KNOWLEDGE_DEFAULT_MODEL)
    # The cosine similarity a passage (or its best sentence) needs to be quoted, calibrated on
    # this store's own chunks after each sync (services/gates.py); None until calibrated.
    passage_gate = models.FloatField(null=True, blank=True)
    sentence_gate = models.FloatField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.search_language} / {self.embedding_model}"


class Source(models.Model):
    class Kind(models.TextChoices):
        UPLOAD = "upload", "File"
        URL = "url", "Web page"
        WEBSITE = "website", "Website"
        FAQ = "faq", "FAQ"
        TEXT = "text", "Text note"
        SPREADSHEET = "spreadsheet", "Spreadsheet"

    class Status(models.TextChoices):
        IDLE = "idle"
        QUEUED = "queued"
        SYNCING = "syncing"
        READY = "ready"
        ERROR = "error"

    class Schedule(models.TextChoices):
        OFF = "off"
        HOURLY = "hourly"
        DAILY = "daily"
        WEEKLY = "weekly"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    name = models.CharField(max_length=200)
    config = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.IDLE)
    schedule = models.CharField(max_length=16, choices=Schedule.choices, default=Schedule.OFF)
    next_sync_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_synced_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    # Progress of the current or last sync, recomputed from the documents after each one.
    documents_total = models.PositiveIntegerField(default=0)
    documents_done = models.PositiveIntegerField(default=0)
    documents_failed = models.PositiveIntegerField(default=0)
    chunk_count = models.PositiveIntegerField(default=0)
    sync_generation = models.PositiveIntegerField(default=0)
    # Every content edit (text, address, FAQ entry) bumps content_version; a sync records the
    # version it read in indexed_version. While they differ the index lags an edit, and the
    # sync that sees the difference when it finishes queues another one (last edit wins).
    content_version = models.PositiveIntegerField(default=0)
    indexed_version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def update_pending(self) -> bool:
        return self.content_version != self.indexed_version


class SourceFile(models.Model):
    """The uploaded bytes of a file source. Processes are stateless, so files live in
    PostgreSQL rather than on one machine's disk."""

    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="file")
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    data = models.BinaryField()
    uploaded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.filename


class FaqEntry(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="faq_entries")
    question = models.CharField(max_length=500)
    answer = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.question


class Document(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending"
        PROCESSING = "processing"
        READY = "ready"
        ERROR = "error"
        SKIPPED = "skipped"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="documents")
    # What identifies the item inside its source: a URL, "file", "faq:<id>", "text".
    key = models.TextField()
    key_hash = models.CharField(max_length=64)
    title = models.CharField(max_length=500, blank=True)
    url = models.TextField(blank=True)
    filename = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    checksum = models.CharField(max_length=64, blank=True)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    error_code = models.CharField(max_length=40, blank=True)
    error_message = models.TextField(blank=True)
    notes = models.JSONField(default=list, blank=True)
    found_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="linked_documents"
    )
    chunk_count = models.PositiveIntegerField(default=0)
    embedding_model = models.CharField(max_length=200, blank=True)
    seen_generation = models.PositiveIntegerField(default=0)
    synced_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "key_hash"], name="one_document_per_key")
        ]

    def __str__(self) -> str:
        return self.title or self.key


def search_vector_expression(language: str) -> CombinedExpression:
    return SearchVector(Coalesce("section", Value("")), weight="A", config=language) + SearchVector(
        "text", weight="B", config=language
    )


class Chunk(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="chunks")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="chunks")
    position = models.PositiveIntegerField()
    text = models.TextField()
    section = models.CharField(max_length=1000, blank=True)  # heading path, " > "-joined
    page = models.PositiveIntegerField(null=True, blank=True)
    anchor = models.CharField(max_length=255, blank=True)
    token_count = models.PositiveIntegerField(default=0)
    embedding = VectorField(dimensions=EMBEDDING_DIMENSIONS)
    embedding_model = models.CharField(max_length=200)
    # How the vector was made from the text (apps/knowledge/chunk_vectors.py); older ones are
    # re-embedded by chunks_reembed, and serve vector search until then. A database default,
    # so rows written without it (by code from before the field, during a rolling deploy, or
    # by raw SQL) count as old.
    embedding_version = models.PositiveSmallIntegerField(db_default=0)
    # Filled from `section` (weight A) and `text` (weight B) in the store's search language
    # by the ingest service (see search_vector_expression); a language change rewrites it.
    search_vector = SearchVectorField(null=True)
    # Text that reads like instructions to an AI ("ignore previous instructions..."). Kept as
    # data; the answer layer quotes such passages but never follows them.
    looks_like_instructions = models.BooleanField(default=False)
    # The chunk's quotable sentences (apps.knowledge.sentences) and their embeddings, encoded
    # with `embedding_model` at ingestion: the answer layer ranks sentences by similarity to
    # the question without encoding them per turn. Null until the chunk is (re-)embedded.
    sentences = models.JSONField(default=list, blank=True)
    sentence_vectors = models.BinaryField(null=True, blank=True)

    class Meta:
        ordering = ["document_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "position"], name="one_chunk_per_position")
        ]
        indexes = [
            HnswIndex(
                name="chunk_embedding_hnsw",
                fields=["embedding"],
                m=HNSW_M,
                ef_construction=HNSW_EF_CONSTRUCTION,
                opclasses=["vector_cosine_ops"],
            ),
            GinIndex(fields=["search_vector"], name="chunk_search_gin"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id}#{self.position}"


class ChunkTerm(models.Model):
    """BM25 term statistics of the chunks' search vectors (apps/core/search/term_statistics.py):
    one row per lexeme, and the totals under the empty lexeme."""

    lexeme = models.TextField(primary_key=True)
    documents = models.BigIntegerField()
    occurrences = models.BigIntegerField()

    class Meta:
        db_table = "knowledge_chunk_terms"

    def __str__(self) -> str:
        return self.lexeme
