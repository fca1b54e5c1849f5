"""Simple baselines that the search is measured against, and the split that keeps tuning
honest (`bench retrieval`, `bench catalog`).

- Okapi BM25 in plain Python over the same texts the search indexes: lower-cased word tokens,
  no stemming, no stop words, k1 = 1.2, b = 0.75, Lucene's non-negative IDF.
- The same texts embedded with the store's model (MiniLM) and ranked by cosine.
- Both fused by plain reciprocal rank fusion with k = 60.
- Labelled questions split into a dev half (the only one weights may be tuned on) and a
  held-out half by a fixed rule: the parity of the first byte of the question's SHA-256.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import TypeVar

import numpy as np

from apps.core.search import embeddings

K = TypeVar("K")
BM25_K1 = 1.2
BM25_B = 0.75
RRF_K = 60
_TOKEN = re.compile(r"\w+")


def split_of(question: str) -> str:
    """'dev' or 'held_out', fixed for a question whatever else is labelled."""
    return "dev" if hashlib.sha256(question.encode()).digest()[0] % 2 == 0 else "held_out"


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


class OkapiBM25:
    def __init__(self, texts: Sequence[str]) -> None:
        self.documents = [Counter(tokens(text)) for text in texts]
        self.lengths = [sum(document.values()) for document in self.documents]
        self.average_length = sum(self.lengths) / max(len(self.lengths), 1)
        frequency: Counter[str] = Counter()
        for document in self.documents:
            frequency.update(document.keys())
        n = len(self.documents)
        self.idf = {
            term: math.log(1 + (n - df + 0.5) / (df + 0.5)) for term, df in frequency.items()
        }

    def rank(self, query: str) -> list[int]:
        """Indexes of the texts holding a query term, best first."""
        terms = set(tokens(query)) & self.idf.keys()
        scores = []
        for index, (document, length) in enumerate(zip(self.documents, self.lengths, strict=True)):
            norm = BM25_K1 * (1 - BM25_B + BM25_B * length / self.average_length)
            score = sum(
                self.idf[t] * document[t] * (BM25_K1 + 1) / (document[t] + norm)
                for t in terms
                if t in document
            )
            if score > 0:
                scores.append((-score, index))
        return [index for _score, index in sorted(scores)]


class CosineBaseline:
    def __init__(self, texts: Sequence[str], *, model_name: str) -> None:
        self.model_name = model_name
        self.vectors = embeddings.embed_texts(list(texts), model_name=model_name)

    def rank(self, query: str) -> list[int]:
        query_vector = embeddings.embed_query(query, model_name=self.model_name)
        return [int(i) for i in np.argsort(-(self.vectors @ query_vector), kind="stable")]


def rrf(*rankings: Sequence[K], k: int = RRF_K) -> list[K]:
    scores: dict[K, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, 1):
            scores[key] = scores.get(key, 0.0) + 1 / (k + rank)
    return sorted(scores, key=lambda key: -scores[key])


def reciprocal_rank(found: Sequence[bool], *, depth: int = 10) -> float:
    """1 / the rank of the first hit in the top `depth`, else 0 (one question's MRR@10)."""
    return next((1 / rank for rank, hit in enumerate(found[:depth], 1) if hit), 0.0)
