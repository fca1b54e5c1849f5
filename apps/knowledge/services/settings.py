from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from apps.core.search import embeddings
from apps.knowledge.models import Chunk, KnowledgeSettings, search_vector_expression
from apps.knowledge.sentences import chunks_encode, sentence_vectors_pack
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
    return Chunk.objects.exclude(embedding_model=model_name).exists()


def chunks_reembed(*, batch_size: int = 256) -> int:
    """Re-embed chunks made with another model, or stored before sentence vectors existed,
    a batch per transaction (safe to stop and re-run). Returns how many chunks were updated."""
    model_name = knowledge_settings_get().embedding_model
    updated = 0
    while True:
        stale = Chunk.objects.filter(
            ~Q(embedding_model=model_name) | Q(sentence_vectors__isnull=True)
        ).only("id", "text")
        batch = list(stale[:batch_size])
        if not batch:
            return updated
        # A chunk's text already starts with its heading path (see chunking.py).
        vectors, sentences = chunks_encode([c.text for c in batch], model_name=model_name)
        with transaction.atomic():
            for chunk, vector, encoded in zip(batch, vectors, sentences, strict=True):
                chunk.embedding = vector
                chunk.embedding_model = model_name
                chunk.sentences = encoded.texts
                chunk.sentence_vectors = sentence_vectors_pack(encoded.vectors)
            Chunk.objects.bulk_update(
                batch, ["embedding", "embedding_model", "sentences", "sentence_vectors"]
            )
        updated += len(batch)
