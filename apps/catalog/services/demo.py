"""The demo store's catalog and orders, imported through the same import pipeline merchants
use."""

from __future__ import annotations

import io
import json
from typing import Any

from apps.catalog.demo import spec_sheets
from apps.catalog.models import ImportJob, Order, Product
from apps.catalog.services.imports import import_create, import_run, import_validate
from apps.tenants.selectors import host_url

DEMO_IMPORT_NAME = "demo-catalog.json"
DEMO_ORDERS_NAME = "demo-orders.json"
DEMO_SOURCE_NAME = "Demo catalog"


def demo_catalog_ensure() -> ImportJob | None:
    """Import the generated demo products once (call on the demo store's connection)."""
    from apps.catalog.demo.generate import demo_products

    if Product.objects.exists() or ImportJob.objects.filter(filename=DEMO_IMPORT_NAME).exists():
        return None
    products = demo_products()
    specs_url = host_url(path=spec_sheets.SPECS_PATH)
    for item in products:  # placeholder images and spec sheets ship with Aisle's static files
        item["images"] = [
            host_url(path=image) if image.startswith("/") else image for image in item["images"]
        ]
        item["description_html"] = item["description_html"].replace(
            spec_sheets.LINK_PREFIX, specs_url
        )
    return demo_import(products, filename=DEMO_IMPORT_NAME, kind=ImportJob.Kind.PRODUCTS)


def demo_orders_ensure() -> ImportJob | None:
    """Import the generated demo orders once, after the catalog: their lines name its SKUs."""
    from apps.catalog.demo.generate import demo_orders, demo_products

    if Order.objects.exists() or ImportJob.objects.filter(filename=DEMO_ORDERS_NAME).exists():
        return None
    orders = demo_orders(demo_products())
    return demo_import(orders, filename=DEMO_ORDERS_NAME, kind=ImportJob.Kind.ORDERS)


def demo_import(items: list[dict[str, Any]], *, filename: str, kind: str) -> ImportJob:
    """Upload, validate and run one import job at once, as the worker would."""
    data = json.dumps(items).encode()
    job = import_create(
        upload=io.BytesIO(data),
        filename=filename,
        size=len(data),
        kind=kind,
        source_name=DEMO_SOURCE_NAME,
    )
    import_validate(job_id=job.pk)
    import_run(job_id=job.pk)
    job.refresh_from_db()
    return job
