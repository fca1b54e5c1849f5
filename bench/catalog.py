"""`manage.py bench catalog`: product import throughput and memory, search latency, ranking.

1. Import: a generated Shopify-format CSV of 10,000 products (~30,000 variant rows, up to four
   variants per product; 1,000 products with --quick) goes through the real pipeline (upload
   stored in pieces → validation → run) in a real Dramatiq worker process, embeddings included.
   Reports `import_s` (upload, validation, then enqueue of the run to completion) and
   `import_peak_rss_mb`, the worker's peak resident memory, sampled every 100 ms.
2. Search latency: product_search over that catalog with the labelled queries (k=8).
3. Ranking: the demo catalog and its labelled queries (apps/catalog/demo/product_queries.json,
   graded relevance) → nDCG@10 for keyword-only, vector-only and hybrid search.
Runs in a throwaway store that is dropped afterwards.
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
from pathlib import Path
from typing import Any

import psutil
from django.conf import settings

from apps.catalog.models import ImportJob, Product
from apps.catalog.search import product_search
from apps.catalog.services.demo import demo_catalog_ensure
from apps.catalog.services.imports import import_create, import_validate
from apps.core import processes
from apps.core.search import embeddings
from apps.core.tenancy import tenant_context
from apps.tenants import provisioning
from apps.tenants.services import tenant_provision

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
            figures.update(_ranking(log))
            Product.objects.all().delete()
        figures.update(_import(tenant, products, log))
        with tenant_context(tenant):
            figures.update(_latency(log))
    finally:
        provisioning.schema_drop(schema_name=tenant.schema_name)
        tenant.delete()
    return figures


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


def _ranking(log: Log) -> dict[str, Any]:
    demo_catalog_ensure()
    queries = _queries()
    log(f"ranking: {len(queries)} labelled queries over {Product.objects.count()} demo products")
    figures: dict[str, Any] = {"ranking_queries": len(queries)}
    for mode in ("keyword", "vector", "hybrid"):
        scores = [
            _ndcg(
                [c.handle for c in product_search(query=q["query"], k=10, mode=mode).cards],
                q["relevant"],
            )
            for q in queries
        ]
        figures[f"{mode}_ndcg_at_10"] = round(statistics.mean(scores), 3)
    return figures


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
