"""The int8 ONNX encoder stays faithful to the float model and is built from local files."""

from __future__ import annotations

import numpy as np
from django.conf import settings

from apps.core.search import embeddings
from apps.core.search.embeddings import TorchEncoder, model_path
from apps.core.search.onnx_encoder import OnnxEncoder

TEXTS = [
    "Orders over $75 ship free within the contiguous US.",
    "Boots that were worn outdoors can be returned for store credit within 30 days.",
    "Wash the Cascade 3L shell cold and tumble dry low to restore the DWR finish.",
    "Hi",
    "Duties and VAT for UK orders under £135 are collected at checkout. " * 12,  # > 256 tokens
]


def test_onnx_vectors_match_the_float_model_and_keep_the_input_order() -> None:
    encoder = embeddings.load_model(settings.KNOWLEDGE_DEFAULT_MODEL)
    assert isinstance(encoder, OnnxEncoder)  # the default backend
    from sentence_transformers import SentenceTransformer

    reference = TorchEncoder(
        SentenceTransformer(str(model_path(settings.KNOWLEDGE_DEFAULT_MODEL)), device="cpu")
    ).encode(TEXTS)
    vectors = encoder.encode(TEXTS)
    assert vectors.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    similarity = np.sum(vectors * reference, axis=1)
    assert similarity.min() > 0.97, similarity
    # the nearest reference vector of each text is its own twin: order and meaning preserved
    assert list(np.argmax(vectors @ reference.T, axis=1)) == list(range(len(TEXTS)))


def test_the_export_is_cached_on_disk_and_reused(tmp_path) -> None:
    from sentence_transformers import SentenceTransformer

    path = model_path(settings.KNOWLEDGE_DEFAULT_MODEL)
    model = SentenceTransformer(str(path), device="cpu")
    OnnxEncoder(model, path, tmp_path)
    files = sorted(p.name for p in tmp_path.glob("*.onnx"))
    assert len(files) == 1
    mtime = next(tmp_path.glob("*.onnx")).stat().st_mtime
    OnnxEncoder(model, path, tmp_path)  # second process: loads, does not export again
    assert next(tmp_path.glob("*.onnx")).stat().st_mtime == mtime
