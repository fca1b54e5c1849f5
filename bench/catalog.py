"""`manage.py bench catalog`: product import throughput and memory, search latency, ranking.

1. Import: a generated Shopify-format CSV of 10,000 products (~30,000 variant rows, up to four
   variants per product; 1,000 products with --quick) goes through the real pipeline (upload
   stored in pieces → validation → run) in a real Dramatiq worker process, embeddings included.
   Reports `import_s` (upload, validation, then enqueue of the run to completion) and
   `import_peak_rss_mb`, the worker's peak resident memory, sampled every 100 ms.
2. Search latency: product_search over that catalog with the labelled queries (k=8).
3. Ranking: the demo catalog and its labelled queries (apps/catalog/demo/product_queries.json,
   graded relevance) → nDCG@10 for keyword-only, vector-only and hybrid search, and on the
   held-out and dev halves (bench/baselines.py) nDCG@10 and MRR@10 (a hit: a product of the
   query's top grade) for those and for the baselines over the same product texts (Okapi BM25,
   MiniLM cosine, their RRF fusion), with hybrid / fusion MRR@10; the same for the second
   demo store's product questions (`brightwell_*`, in a second throwaway store).
Runs in throwaway stores that are dropped afterwards.
"""

from __future__ import annotations

import csv
import json
import math
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import psutil
from django.conf import settings

from apps.catalog.models import ImportJob, Product
from apps.catalog.search import product_search
from apps.catalog.services.demo import demo_catalog_ensure
from apps.catalog.services.imports import import_create, import_validate
from apps.catalog.services.products import DESCRIPTION_EMBED_CHARS
from apps.catalog.services.second_store_demo import second_store_catalog_ensure
from apps.core import processes
from apps.core.search import embeddings
from apps.core.tenancy import tenant_context
from apps.knowledge.services.settings import knowledge_settings_get
from apps.tenants import provisioning
from apps.tenants.services import tenant_provision
from bench.baselines import CosineBaseline, OkapiBM25, reciprocal_rank, rrf, split_of

Log = Callable[[str], None]
SHOPIFY_COLUMNS = [
    "Handle",
    "Title",
    "Body (HTML)",
    "Vendor",
    "Type",
    "Tags",
    "Published",
    "Option1 Name",
    "Option1 Value",
    "Option2 Name",
    "Option2 Value",
    "Option3 Name",
    "Option3 Value",
    "Variant SKU",
    "Variant Inventory Qty",
    "Variant Inventory Policy",
    "Variant Price",
    "Variant Compare At Price",
    "Image Src",
    "Image Position",
    "Status",
]


def run(*, size: int | None, quick: bool, log: Log) -> dict[str, Any]:
    products = size or (1_000 if quick else 10_000)
    tenant = tenant_provision(name="Catalog bench", slug=f"bench-c-{secrets.token_hex(3)}")
    figures: dict[str, Any] = {"products": products}
    try:
        with tenant_context(tenant):
            figures.update(_demo_ranking(log))
            Product.objects.all().delete()
        figures.update(_second_store_ranking(log))
        figures.update(_import(tenant, products, log))
        with tenant_context(tenant):
            figures.update(_latency(log))
    finally:
        provisioning.schema_drop(schema_name=tenant.schema_name)
        tenant.delete()
    return figures


SECOND_STORE_QUESTIONS = (
    settings.BASE_DIR / "apps" / "conversations" / "demo" / "brightwell_questions.json"
)


def _queries() -> list[dict[str, Any]]:
    path = settings.BASE_DIR / "apps" / "catalog" / "demo" / "product_queries.json"
    return json.loads(path.read_text(encoding="utf-8"))


# --- ranking ------------------------------------------------------------------------------
def _ndcg(ranked: list[str], relevant: dict[str, int], k: int = 10) -> float:
    gains = [relevant.get(handle, 0) for handle in ranked[:k]]
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def _demo_ranking(log: Log) -> dict[str, Any]:
    """The demo catalog's labelled queries, split by query hash."""
    demo_catalog_ensure()
    return _ranking([{**q, "split": split_of(q["query"])} for q in _queries()], log=log)


def _second_store_ranking(log: Log) -> dict[str, Any]:
    """In a throwaway store of its own, the second demo store's product questions: the product
    each is about is its one relevant answer (split as labelled in their file)."""
    store = tenant_provision(name="Catalog bench 2", slug=f"bench-c-{secrets.token_hex(3)}")
    try:
        with tenant_context(store):
            second_store_catalog_ensure()
            labelled = json.loads(SECOND_STORE_QUESTIONS.read_text(encoding="utf-8"))
            queries = [
                {
                    "query": q["question"],
                    "relevant": dict.fromkeys(
                        [q["source"]] if isinstance(q["source"], str) else q["source"], 1
                    ),
                    "split": "held_out" if q["split"] == "holdout" else "dev",
                }
                for q in labelled
                if q["kind"] == "product"
            ]
            figures = _ranking(queries, log=log)
    finally:
        provisioning.schema_drop(schema_name=store.schema_name)
        store.delete()
    return {f"brightwell_{name}": value for name, value in figures.items()}


def _ranking(queries: list[dict[str, Any]], *, log: Log) -> dict[str, Any]:
    log(f"ranking: {len(queries)} labelled queries over {Product.objects.count()} products")
    handles, texts = _product_texts()
    keyword = OkapiBM25(texts)
    vector = CosineBaseline(texts, model_name=knowledge_settings_get().embedding_model)
    rankings: dict[str, Callable[[str], list[str]]] = {
        mode: partial(_searched, mode=mode) for mode in ("keyword", "vector", "hybrid")
    }
    rankings["baseline_bm25"] = lambda q: [handles[i] for i in keyword.rank(q)[:10]]
    rankings["baseline_vector"] = lambda q: [handles[i] for i in vector.rank(q)[:10]]
    rankings["baseline_fusion"] = lambda q: [
        handles[i] for i in rrf(keyword.rank(q), vector.rank(q))[:10]
    ]
    figures: dict[str, Any] = {"ranking_queries": len(queries)}
    scores: dict[str, dict[str, list[tuple[float, float]]]] = {}
    for query in queries:
        split = query["split"]
        best = max(query["relevant"].values())
        for name, ranking in rankings.items():
            ranked = ranking(query["query"])
            found = [query["relevant"].get(handle) == best for handle in ranked]
            scores.setdefault(split, {}).setdefault(name, []).append(
                (_ndcg(ranked, query["relevant"]), reciprocal_rank(found))
            )
    for mode in ("keyword", "vector", "hybrid"):
        figures[f"{mode}_ndcg_at_10"] = round(
            statistics.mean(n for per_split in scores.values() for n, _rr in per_split[mode]), 3
        )
    for split in ("held_out", "dev"):
        figures[f"{split}_ranking_queries"] = len(scores[split]["hybrid"])
        for name, per_query in scores[split].items():
            figures[f"{split}_{name}_ndcg_at_10"] = round(
                statistics.mean(n for n, _rr in per_query), 3
            )
            figures[f"{split}_{name}_mrr10"] = round(statistics.mean(rr for _n, rr in per_query), 3)
        figures[f"{split}_hybrid_vs_fusion_mrr10"] = round(
            figures[f"{split}_hybrid_mrr10"] / figures[f"{split}_baseline_fusion_mrr10"], 3
        )
    return figures


def _searched(query: str, *, mode: str) -> list[str]:
    return [card.handle for card in product_search(query=query, k=10, mode=mode).cards]


def _product_texts() -> tuple[list[str], list[str]]:
    """Each active product's handle and the text the search embeds and indexes (title, type,
    vendor, tags, collections, options, the start of the description)."""
    handles, texts = [], []
    products = Product.objects.filter(status=Product.Status.ACTIVE).prefetch_related(
        "collections", "variants"
    )
    for product in products.order_by("id"):
        options = sorted(
            {f"{name} {value}" for v in product.variants.all() for name, value in v.options.items()}
        )
        parts = [
            product.title,
            product.product_type,
            product.vendor,
            ", ".join(product.tags),
            ", ".join(c.title for c in product.collections.all()),
            ", ".join(options),
            product.description_text[:DESCRIPTION_EMBED_CHARS],
        ]
        handles.append(product.handle)
        texts.append("\n".join(part for part in parts if part))
    return handles, texts


# --- import through the worker ------------------------------------------------------------
def _write_csv(path: Path, products: int) -> int:
    from apps.catalog.demo.generate import demo_products

    base = demo_products()
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(SHOPIFY_COLUMNS)
        for n in range(products):
            item = base[n % len(base)]
            handle_id = f"{item['handle']}-{n}"
            variants = item["variants"][:4] or [{"options": {}, "sku": "", "price": "10.00"}]
            for index, variant in enumerate(variants):
                options = list(variant.get("options", {}).items()) + [("", "")] * 3
                first = index == 0
                writer.writerow(
                    [
                        handle_id,
                        f"{item['title']} #{n}" if first else "",
                        item["description_html"] if first else "",
                        item["vendor"] if first else "",
                        item["product_type"] if first else "",
                        ", ".join(item["tags"]) if first else "",
                        "true" if first else "",
                        options[0][0] or "Title",
                        options[0][1] or "Default",
                        options[1][0],
                        options[1][1],
                        options[2][0],
                        options[2][1],
                        f"{variant['sku'] or 'SKU'}-{n}-{index}",
                        variant.get("inventory_quantity", 5),
                        "deny",
                        variant["price"],
                        variant.get("compare_at_price") or "",
                        f"https://shop.example/img/{handle_id}.jpg" if first else "",
                        "1" if first else "",
                        "active" if first else "",
                    ]
                )
                rows += 1
    return rows


def _import(tenant: Any, products: int, log: Log) -> dict[str, Any]:
    from apps.catalog.tasks import catalog_import_run

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "products.csv"
        rows = _write_csv(path, products)
        log(f"import: {products} products, {rows} rows, {path.stat().st_size // 1024} KB")
        worker = processes.dramatiq_worker(modules=["apps.catalog.tasks"], queues=["ingest"])
        try:
            with tenant_context(tenant):
                started = time.perf_counter()
                with path.open("rb") as upload:
                    job = import_create(
                        upload=upload, filename="products.csv", size=path.stat().st_size
                    )
                import_validate(job_id=job.pk)
                job.refresh_from_db()
                job.status = ImportJob.Status.RUNNING
                job.save(update_fields=["status"])
                catalog_import_run.send(job.pk)
                peak = 0
                while ImportJob.objects.get(pk=job.pk).status == ImportJob.Status.RUNNING:
                    peak = max(peak, _rss(worker.pid))
                    if worker.poll() is not None:
                        raise RuntimeError("the bench worker exited")
                    time.sleep(0.1)
                elapsed = time.perf_counter() - started
                job.refresh_from_db()
        finally:
            processes.processes_stop([worker])
    log(f"import: {job.status} in {elapsed:.1f}s, created {job.created}, failed {job.items_failed}")
    return {
        "import_rows": rows,
        "import_s": round(elapsed, 1),
        "import_peak_rss_mb": round(peak / (1024 * 1024)),
        "import_created": job.created,
        "import_failed": job.items_failed,
    }


def _rss(pid: int) -> int:
    """Largest resident memory among the worker's processes (Dramatiq forks its workers)."""
    try:
        parent = psutil.Process(pid)
        return max(p.memory_info().rss for p in [parent, *parent.children(recursive=True)])
    except psutil.Error:
        return 0


# --- latency -----------------------------------------------------------------------------
def _latency(log: Log) -> dict[str, Any]:
    queries = [q["query"] for q in _queries()]
    for query in queries[:5]:
        product_search(query=query)
    embeddings.query_cache_clear()  # every timed search embeds its query
    timings = []
    for query in queries:
        started = time.perf_counter()
        product_search(query=query, k=8)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    log(f"search: {len(timings)} queries over {Product.objects.count()} products")
    return {
        "search_p50_ms": round(statistics.median(timings), 2),
        "search_p95_ms": round(timings[min(len(timings) - 1, int(0.95 * len(timings)))], 2),
    }
