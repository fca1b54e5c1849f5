"""Dramatiq middleware: load the embedding model when a worker process boots, so the first
ingest message does not pay for it and a broken model installation fails loudly at start."""

from __future__ import annotations

import logging

import dramatiq
from django.conf import settings

logger = logging.getLogger(__name__)


class EmbeddingModelWarmup(dramatiq.Middleware):
    def after_process_boot(self, broker: dramatiq.Broker) -> None:
        from apps.core.search import embeddings

        embeddings.load_model(settings.KNOWLEDGE_DEFAULT_MODEL)
        logger.info("embedding model loaded", extra={"model": settings.KNOWLEDGE_DEFAULT_MODEL})
