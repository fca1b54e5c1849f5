from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from apps.core.search import embeddings
from apps.knowledge.chunk_vectors import EMBEDDING_VERSION
from apps.knowledge.models import Chunk, KnowledgeSettings, search_vector_expression
from apps.knowledge.sentences import chunks_encode, sentence_vectors_pack
from apps.knowledge.services.ingest import chunk_terms_refresh
from apps.knowledge.tasks import knowledge_reembed


def knowledge_settings_get() -> KnowledgeSettings:
    settings_row, _created = KnowledgeSettings.objects.get_or_create(pk=1)
    return settings_row


def search_languages() -> list[str]:
    """PostgreSQL's installed text search configurations (english, german, simple...)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_catalog.pg_ts_config ORDER BY cfgname")
        return [row[0] for row in cursor.fetchall()]


@transaction.atomic
def knowledge_settings_update(
    *, search_language: str | None = None, embedding_model: str | None = None
) -> KnowledgeSettings:
    """Changing the language rewrites every chunk's full-text vector (one UPDATE); changing the
    model schedules a background re-embedding, during which vector search uses the chunks
    already embedded with the new model."""
    row = KnowledgeSettings.objects.select_for_update().get(pk=knowledge_settings_get().pk)
    changed = []
    if search_language is not None and search_language != row.search_language:
        if search_language not in search_languages():
            raise ValidationError(
                _("Unknown search language %(language)s.") % {"language": search_language},
                code="invalid_language",
            )
        row.search_language = search_language
        Chunk.objects.update(search_vector=search_vector_expression(search_language))
        chunk_terms_refresh()
        changed.append("search_language")
    if embedding_model is not None and embedding_model != row.embedding_model:
        if embedding_model not in embeddings.available_models():
            raise ValidationError(
                _("Embedding model %(model)s is not installed.") % {"model": embedding_model},
                code="invalid_model",
            )
        row.embedding_model = embedding_model
        changed.append("embedding_model")
        transaction.on_commit(knowledge_reembed.send)
    if changed:
        row.save(update_fields=[*changed, "updated_at"])
    return row


def reembedding_in_progress(*, model_name: str) -> bool:
    return _stale(model_name).exists()


def _stale(model_name: str) -> QuerySet[Chunk]:
    return Chunk.objects.filter(
        ~Q(embedding_model=model_name)
        | ~Q(embedding_version=EMBEDDING_VERSION)
        | Q(sentence_vectors__isnull=True)
    )


def chunks_reembed(*, batch_size: int = 256) -> int:
    """Re-embed chunks made with another model or an older embedding version, or stored
    before sentence vectors existed, a batch per transaction (safe to stop and re-run).
    Returns how many chunks were updated."""
    model_name = knowledge_settings_get().embedding_model
    updated = 0
    while True:
        batch = list(_stale(model_name).only("id", "text", "section")[:batch_size])
        if not batch:
            return updated
        vectors, sentences = chunks_encode(
            [(chunk.text, chunk.section) for chunk in batch], model_name=model_name
        )
        with transaction.atomic():
            for chunk, vector, encoded in zip(batch, vectors, sentences, strict=True):
                chunk.embedding = vector
                chunk.embedding_model = model_name
                chunk.embedding_version = EMBEDDING_VERSION
                chunk.sentences = encoded.texts
                chunk.sentence_vectors = sentence_vectors_pack(encoded.vectors)
            Chunk.objects.bulk_update(
                batch,
                [
                    "embedding",
                    "embedding_model",
                    "embedding_version",
                    "sentences",
                    "sentence_vectors",
                ],
            )
        updated += len(batch)
