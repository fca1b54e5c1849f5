"""Writing orders: each order with its lines and fulfilments in its own savepoint, so an order
is stored whole or not at all. Lines are linked to the catalog by SKU when they are written."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict

from django.db import DatabaseError, transaction

from apps.catalog.importing.common.records import RowError, UpsertResult
from apps.catalog.importing.orders import OrderRecord
from apps.catalog.models import Fulfilment, Order, OrderLine, ProductSource, Variant
from apps.catalog.selectors import order_number_format_cache_key
from apps.core.cache import cache_forget

logger = logging.getLogger(__name__)


def _variants_by_sku(records: list[OrderRecord]) -> dict[str, Variant]:
    skus = {line.sku for record in records for line in record.lines if line.sku}
    found: dict[str, Variant] = {}
    for variant in Variant.objects.filter(sku__in=skus).only("id", "product_id", "sku", "title"):
        found.setdefault(variant.sku, variant)
    return found


def _checksum(record: OrderRecord, links: list[Variant | None]) -> str:
    """The order's data and its catalog links: re-linking after a catalog import is a change."""
    payload = asdict(record)
    payload.pop("rows")
    payload["links"] = [(v.pk, v.product_id) if v else None for v in links]
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def orders_upsert(*, source: ProductSource, records: list[OrderRecord]) -> list[UpsertResult]:
    """Create or update orders by number (unique in the store; an order last written from
    another source now belongs to this one). An unchanged order is recognised by checksum and
    not rewritten; a changed one has its lines and fulfilments replaced whole. Each order is
    written in its own savepoint: if writing fails, the order stays as it was and is reported
    as failed, and the rest of the batch goes on."""
    existing = {o.number: o for o in Order.objects.filter(number__in=[r.number for r in records])}
    variants = _variants_by_sku(records)
    results: list[UpsertResult] = []
    for record in records:
        links = [variants.get(line.sku) if line.sku else None for line in record.lines]
        checksum = _checksum(record, links)
        order = existing.get(record.number)
        if order is not None and order.checksum == checksum and order.source_id == source.pk:
            results.append(UpsertResult(record.number, "unchanged", order.pk))
            continue
        try:
            with transaction.atomic():
                written = _write(source, record, links, checksum, order)
        except DatabaseError:
            logger.exception("order write failed", extra={"order": record.number})
            error = RowError(
                line=record.rows[0],
                column=None,
                code="internal_error",
                message="Aisle could not save this order; it was not imported.",
            )
            results.append(UpsertResult(record.number, "failed", errors=(error,)))
            continue
        existing[record.number] = written
        outcome = "created" if order is None else "updated"
        results.append(UpsertResult(record.number, outcome, written.pk))
    if any(result.outcome == "created" for result in results):
        # a new number may have a new shape (a new prefix, one digit more)
        cache_forget(keys=[order_number_format_cache_key()])
    return results


def _write(
    source: ProductSource,
    record: OrderRecord,
    links: list[Variant | None],
    checksum: str,
    order: Order | None,
) -> Order:
    fields = {
        "source": source,
        "customer_email": record.email.strip().lower(),
        "customer_name": record.customer_name[:255],
        "status": record.status,
        "financial_status": record.financial_status,
        "fulfilment_status": record.fulfilment_status,
        "subtotal": record.subtotal,
        "shipping": record.shipping,
        "tax": record.tax,
        "total": record.total,
        "currency": record.currency,
        "placed_at": record.placed_at,
        "cancelled_at": record.cancelled_at,
        "checksum": checksum,
    }
    if order is None:
        order = Order.objects.create(number=record.number, **fields)
    else:
        for name, value in fields.items():
            setattr(order, name, value)
        order.save(update_fields=[*fields, "updated_at"])
        order.lines.all().delete()
        order.fulfilments.all().delete()
    OrderLine.objects.bulk_create(
        OrderLine(
            order=order,
            position=position,
            product_id=variant.product_id if variant else None,
            variant=variant,
            sku=line.sku[:255],
            title=line.title[:500],
            variant_title=(line.variant_title or (variant.title if variant else ""))[:500],
            quantity=line.quantity,
            unit_price=line.unit_price,
            total=line.total,
        )
        for position, (line, variant) in enumerate(zip(record.lines, links, strict=True))
    )
    Fulfilment.objects.bulk_create(
        Fulfilment(
            order=order,
            position=position,
            carrier=parcel.carrier[:255],
            tracking_number=parcel.tracking_number[:255],
            tracking_url=parcel.tracking_url,
            status=parcel.status,
            shipped_at=parcel.shipped_at,
            delivered_at=parcel.delivered_at,
        )
        for position, parcel in enumerate(record.fulfilments)
    )
    return order
