"""`manage.py bench retrieval`: retrieval quality, latency and ingest throughput.

1. Quality, on the demo knowledge base (apps/knowledge/demo): every labelled question is
   searched in vector-only, keyword-only and hybrid mode, and with the simple baselines of
   bench/baselines.py over the same chunks (Okapi BM25, MiniLM cosine, their RRF fusion); a
   hit is a chunk containing the question's `expected` passage. Reports recall@5 and MRR@10
   per ranking, and hybrid / fusion MRR@10, for the held-out and the dev half of the
   questions (weights are tuned on dev only). The same for the second demo store's policy
   questions over its staff handbook (`brightwell_*`, in a second throwaway store; a hit
   holds one of the expected phrases; split as labelled in its file).
2. Ingest throughput, end to end through a real Dramatiq worker process: copies of the demo
   pages are added as sources, their syncs enqueued, and the clock runs until all are ready.
3. Latency and ANN recall on a synthetic corpus of 100,000 chunks (10,000 with --quick): the
   sentences of the demo pages and FAQ (several hundred) are embedded with the real model;
   every synthetic chunk mixes two or three of them (text and vector alike, plus a little
   noise), which gives the clustered-but-varied neighbourhoods of real text.
   Hybrid search at k=8 is timed per query (query embedding included); HNSW top-10 is compared
   with an exact scan.
Everything runs in throwaway stores that are dropped at the end.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import statistics
import subprocess
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
from django.conf import settings
from django.db import connection

from apps.core import processes
from apps.core.search import embeddings
from apps.core.search.embeddings import EMBEDDING_DIMENSIONS
from apps.core.search.hybrid import HNSW_EF_CONSTRUCTION, HNSW_M
from apps.core.tenancy import tenant_context
from apps.knowledge.chunk_vectors import EMBEDDING_VERSION
from apps.knowledge.demo import demo_faq, demo_knowledge_ensure, demo_pages, demo_questions
from apps.knowledge.demo.second_store import second_store_knowledge_ensure
from apps.knowledge.models import Chunk, Document, Source
from apps.knowledge.retrieval import knowledge_search
from apps.knowledge.services.ingest import chunk_terms_refresh
from apps.knowledge.services.settings import knowledge_settings_get
from apps.knowledge.services.sync import source_sync
from apps.tenants import provisioning
from apps.tenants.services import tenant_provision
from bench.baselines import CosineBaseline, OkapiBM25, reciprocal_rank, rrf, split_of

Log = Callable[[str], None]
# The ingest worker as deployed (compose.yaml `worker-ingest`): CPU-bound embedding runs best
# as one single-threaded process per core.
INGEST_PROCESSES = os.cpu_count() or 1
SECOND_STORE_QUESTIONS = (
    settings.BASE_DIR / "apps" / "conversations" / "demo" / "brightwell_questions.json"
)


def run(*, size: int | None, quick: bool, log: Log) -> dict[str, Any]:
    corpus_size = size or (10_000 if quick else 100_000)
    tenant = tenant_provision(name="Retrieval bench", slug=f"bench-r-{secrets.token_hex(3)}")
    figures: dict[str, Any] = {"corpus_chunks": corpus_size}
    try:
        with tenant_context(tenant):
            figures.update(_demo_quality(log))
        figures.update(_second_store_quality(log))
        figures.update(_ingest_throughput(tenant=tenant, copies=4 if quick else 12, log=log))
        with tenant_context(tenant):
            figures.update(_latency_and_recall(corpus_size, queries=40 if quick else 120, log=log))
    finally:
        provisioning.schema_drop(schema_name=tenant.schema_name)
        tenant.delete()
    return figures


# --- 1. quality ---------------------------------------------------------------------------
def _demo_quality(log: Log) -> dict[str, Any]:
    """The demo knowledge's labelled questions, split by question hash."""
    for source in demo_knowledge_ensure():
        source_sync(source_id=source.pk)
    questions = [
        {"question": q["question"], "expected": [q["expected"]], "split": split_of(q["question"])}
        for q in demo_questions()
    ]
    return _quality(questions, log=log)


def _second_store_quality(log: Log) -> dict[str, Any]:
    """In a throwaway store of its own, the second demo store's policy questions over its staff
    handbook (split as labelled in their file): a hit holds one of the expected phrases."""
    store = tenant_provision(name="Retrieval bench 2", slug=f"bench-r-{secrets.token_hex(3)}")
    try:
        with tenant_context(store):
            for source in second_store_knowledge_ensure():
                source_sync(source_id=source.pk)
            labelled = json.loads(SECOND_STORE_QUESTIONS.read_text(encoding="utf-8"))
            policy = [
                {**q, "split": "held_out" if q["split"] == "holdout" else "dev"}
                for q in labelled
                if q["kind"] == "policy"
            ]
            figures = _quality(policy, log=log)
    finally:
        provisioning.schema_drop(schema_name=store.schema_name)
        store.delete()
    return {f"brightwell_{name}": value for name, value in figures.items()}


def _quality(questions: list[dict[str, Any]], *, log: Log) -> dict[str, Any]:
    """Every ranking of the store's chunks, per split: recall@5, MRR@10, hybrid / fusion."""
    log(f"quality: {len(questions)} labelled questions")
    texts = list(Chunk.objects.order_by("id").values_list("text", flat=True))
    keyword = OkapiBM25(texts)
    vector = CosineBaseline(texts, model_name=knowledge_settings_get().embedding_model)
    rankings: dict[str, Callable[[str], list[str]]] = {
        mode: partial(_searched, mode=mode) for mode in ("vector", "keyword", "hybrid")
    }
    rankings["baseline_bm25"] = lambda q: [texts[i] for i in keyword.rank(q)[:10]]
    rankings["baseline_vector"] = lambda q: [texts[i] for i in vector.rank(q)[:10]]
    rankings["baseline_fusion"] = lambda q: [
        texts[i] for i in rrf(keyword.rank(q), vector.rank(q))[:10]
    ]
    found: dict[str, dict[str, list[list[bool]]]] = {}
    for question in questions:
        expected = [phrase.lower() for phrase in question["expected"]]
        for name, ranking in rankings.items():
            hits = [
                any(phrase in text.lower() for phrase in expected)
                for text in ranking(question["question"])
            ]
            found.setdefault(question["split"], {}).setdefault(name, []).append(hits)
    figures: dict[str, Any] = {"questions": len(questions)}
    for split in ("held_out", "dev"):
        figures[f"{split}_questions"] = len(found[split]["hybrid"])
        for name, per_question in found[split].items():
            figures[f"{split}_{name}_recall_at_5"] = round(
                statistics.mean(float(any(hits[:5])) for hits in per_question), 3
            )
            figures[f"{split}_{name}_mrr10"] = round(
                statistics.mean(reciprocal_rank(hits) for hits in per_question), 3
            )
        figures[f"{split}_hybrid_vs_fusion_mrr10"] = round(
            figures[f"{split}_hybrid_mrr10"] / figures[f"{split}_baseline_fusion_mrr10"], 3
        )
    return figures


def _searched(question: str, *, mode: str) -> list[str]:
    return [hit.text for hit in knowledge_search(query=question, k=10, mode=mode).hits]  # type: ignore[arg-type]


# --- 2. ingest throughput through the worker ---------------------------------------------
def _ingest_throughput(*, tenant: Any, copies: int, log: Log) -> dict[str, Any]:
    from apps.knowledge.tasks import knowledge_source_sync

    worker = processes.dramatiq_worker(
        modules=["apps.knowledge.tasks"],
        queues=["ingest"],
        processes=INGEST_PROCESSES,
        env={**os.environ, "EMBEDDING_THREADS": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        with tenant_context(tenant):
            embeddings.load_model(knowledge_settings_get().embedding_model)
            # Each source is one long help-centre document (all demo pages): ingestion runs in
            # full embedding batches, as for a crawl or a large upload.
            handbook = "\n\n".join(demo_pages().values())
            sources = [
                Source.objects.create(
                    kind=Source.Kind.TEXT,
                    name=f"Handbook #{n}",
                    config={"text": f"{handbook}\n\nEdition {n}.", "format": "markdown"},
                )
                for n in range(copies)
            ]
            _wait_for_worker(worker)
            started = time.perf_counter()
            for source in sources:
                knowledge_source_sync.send(source.pk)
            ids = [s.pk for s in sources]
            while Source.objects.filter(pk__in=ids).exclude(status__in=["ready", "error"]).exists():
                if worker.poll() is not None:
                    raise RuntimeError("the bench worker exited:\n" + _output(worker))
                time.sleep(0.05)
            elapsed = time.perf_counter() - started
            chunks = sum(Source.objects.filter(pk__in=ids).values_list("chunk_count", flat=True))
            failures = list(
                Document.objects.filter(source_id__in=ids, status="error").values_list(
                    "error_code", "error_message"
                )
            )
            failed = len(failures)
            for code, message in failures:
                log(f"ingest: a document failed: {code}: {message}")
    finally:
        processes.processes_stop([worker])
    log(f"ingest: {chunks} chunks from {len(sources)} sources in {elapsed:.1f}s")
    return {
        "ingest_chunks": chunks,
        "ingest_seconds": round(elapsed, 2),
        "ingest_chunks_per_s": round(chunks / elapsed, 1),
        "ingest_failed_documents": failed,
    }


def _wait_for_worker(worker: subprocess.Popen[bytes], timeout: float = 120) -> None:
    """Start the clock only once the worker is up (process start and model load excluded)."""
    assert worker.stdout is not None
    os.set_blocking(worker.stdout.fileno(), False)
    deadline, seen = time.monotonic() + timeout, b""
    while time.monotonic() < deadline:
        seen += worker.stdout.read() or b""
        if b"ready for action" in seen:
            return
        if worker.poll() is not None:
            raise RuntimeError("the bench worker exited:\n" + seen.decode(errors="replace"))
        time.sleep(0.2)
    raise RuntimeError("the bench worker did not start in time")


def _output(worker: subprocess.Popen[bytes]) -> str:
    return (worker.stdout.read() or b"").decode(errors="replace") if worker.stdout else ""


# --- 3. latency and ANN recall ------------------------------------------------------------
def _latency_and_recall(corpus_size: int, *, queries: int, log: Log) -> dict[str, Any]:
    model = knowledge_settings_get().embedding_model
    base_texts = _base_passages()
    log(f"corpus: embedding {len(base_texts)} base passages")
    base_vectors = embeddings.embed_texts(base_texts, model_name=model)
    log(f"corpus: loading {corpus_size} synthetic chunks")
    _load_synthetic_corpus(corpus_size, base_texts, base_vectors, model)
    questions = [q["question"] for q in demo_questions()][:queries]
    for question in questions[:5]:  # warm caches and the query path
        knowledge_search(query=question, k=8)
    embeddings.query_cache_clear()  # every timed search embeds its question
    timings = []
    for question in questions:
        started = time.perf_counter()
        knowledge_search(query=question, k=8)
        timings.append((time.perf_counter() - started) * 1000)
    overlaps = []
    for question in questions:
        ann = {
            h.chunk_id
            for h in knowledge_search(query=question, k=10, mode="vector", exact=False).hits
        }
        exact = {
            h.chunk_id
            for h in knowledge_search(query=question, k=10, mode="vector", exact=True).hits
        }
        overlaps.append(len(ann & exact) / max(len(exact), 1))
    timings.sort()
    return {
        "search_queries": len(timings),
        "search_p50_ms": round(statistics.median(timings), 2),
        "search_p95_ms": round(timings[min(len(timings) - 1, int(0.95 * len(timings)))], 2),
        "ann_recall_at_10": round(statistics.mean(overlaps), 4),
    }


def _base_passages() -> list[str]:
    """Sentences of the demo help pages and FAQ: a few hundred distinct real meanings."""
    units = []
    for text in demo_pages().values():
        for paragraph in text.split("\n\n"):
            units += [s.strip() for s in re.split(r"(?<=[.!?])\s+", paragraph)]
    for entry in demo_faq():
        units += [entry["question"], entry["answer"]]
    return sorted({unit for unit in units if len(unit.split()) >= 6})


def _load_synthetic_corpus(size: int, texts: list[str], vectors: np.ndarray, model: str) -> None:
    from pgvector.psycopg import register_vector

    rng = np.random.default_rng(7)
    source = Source.objects.create(kind=Source.Kind.TEXT, name="Synthetic corpus", config={})
    documents_per_source = 1000
    documents = Document.objects.bulk_create(
        Document(
            source=source,
            key=f"doc-{n}",
            key_hash=f"{n:064d}",
            title=f"Synthetic {n}",
            status=Document.Status.READY,
        )
        for n in range(size // documents_per_source + 1)
    )
    language = knowledge_settings_get().search_language
    connection.ensure_connection()
    raw = connection.connection
    register_vector(raw)
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS chunk_embedding_hnsw")
        with raw.cursor().copy(
            "COPY knowledge_chunk (document_id, source_id, position, text, section, anchor,"
            " token_count, embedding, embedding_model, embedding_version, looks_like_instructions)"
            " FROM STDIN WITH (FORMAT BINARY)"
        ) as copy:
            copy.set_types(
                [
                    "int8",
                    "int8",
                    "int4",
                    "text",
                    "varchar",
                    "varchar",
                    "int4",
                    "vector",
                    "varchar",
                    "int2",
                    "bool",
                ]
            )
            for n in range(size):
                picks = rng.choice(len(texts), size=rng.integers(2, 4), replace=False)
                weights = rng.dirichlet(np.ones(len(picks)))
                vector = (weights[:, None] * vectors[picks]).sum(axis=0)
                vector += rng.normal(0, 0.01, EMBEDDING_DIMENSIONS)
                vector /= np.linalg.norm(vector)
                words = " ".join(texts[i] for i in picks).split()
                start = int(rng.integers(0, max(1, len(words) - 60)))
                text = " ".join(words[start : start + 60])
                copy.write_row(
                    (
                        documents[n // documents_per_source].pk,
                        source.pk,
                        n % documents_per_source,
                        text,
                        "",
                        "",
                        80,
                        vector.astype(np.float32),
                        model,
                        EMBEDDING_VERSION,
                        False,
                    )
                )
        cursor.execute(
            "UPDATE knowledge_chunk"
            " SET search_vector = setweight(to_tsvector(%s::regconfig, text), 'B')"
            " WHERE source_id = %s",
            [language, source.pk],
        )
        cursor.execute("SET maintenance_work_mem = '512MB'")
        cursor.execute(
            "CREATE INDEX chunk_embedding_hnsw ON knowledge_chunk USING hnsw"
            f" (embedding vector_cosine_ops) WITH (m = {HNSW_M},"
            f" ef_construction = {HNSW_EF_CONSTRUCTION})"
        )
        cursor.execute("ANALYZE knowledge_chunk")
    chunk_terms_refresh()
