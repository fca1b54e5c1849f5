"""Writing products: each product with its variants and collections in one transaction, so a
product is stored whole or not at all; embeddings for a batch are computed together first."""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import asdict, dataclass
from decimal import Decimal

from django.contrib.postgres.search import SearchVector
from django.db import transaction
from django.db.models import Value
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify

from apps.catalog.importing import ProductRecord, RowError
from apps.catalog.models import Collection, Product, ProductSource, Variant
from apps.knowledge import embeddings
from apps.knowledge.services.settings import knowledge_settings_get

DESCRIPTION_EMBED_CHARS = 600


@dataclass(frozen=True)
class UpsertResult:
    external_id: str
    outcome: str  # "created" | "updated" | "unchanged" | "failed"
    product_id: int | None = None
    errors: tuple[RowError, ...] = ()


def description_text(description_html: str) -> str:
    text = strip_tags(
        re.sub(r"<\s*(br|/p|/li|/h\d)\s*/?>", "\n", description_html or "", flags=re.I)
    )
    return re.sub(r"[ \t]+", " ", html.unescape(text)).strip()


def product_text(record: ProductRecord) -> str:
    """What the embedding and the keyword index see: name first, then what it is, then details."""
    options = sorted(
        {f"{name} {value}" for v in record.variants for name, value in v.options.items()}
    )
    parts = [
        record.title,
        record.product_type,
        record.vendor,
        ", ".join(record.tags),
        ", ".join(record.collections),
        ", ".join(options),
        description_text(record.description_html)[:DESCRIPTION_EMBED_CHARS],
    ]
    return "\n".join(part for part in parts if part)


def record_checksum(record: ProductRecord) -> str:
    payload = asdict(record)
    payload.pop("lines", None)
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _option_values(options: dict[str, str]) -> list[str]:
    return sorted(
        {f"{name.strip().lower()}:{value.strip().lower()}" for name, value in options.items()}
    )


def _prices(record: ProductRecord) -> tuple[Decimal | None, Decimal | None]:
    prices = [v.price for v in record.variants if v.price is not None]
    return (min(prices), max(prices)) if prices else (None, None)


def _sku_conflicts(source: ProductSource, record: ProductRecord) -> list[RowError]:
    skus = [v.sku for v in record.variants if v.sku]
    taken = (
        Variant.objects.filter(sku__in=skus)
        .exclude(product__source=source, product__external_id=record.external_id)
        .values_list("sku", "product__title")
    )
    return [
        RowError(
            line=record.lines[0],
            column="sku",
            code="duplicate_sku",
            message=f'SKU "{sku}" already belongs to "{title}"',
        )
        for sku, title in taken
    ]


def products_upsert(
    *, source: ProductSource, records: list[ProductRecord], currency: str = "USD"
) -> list[UpsertResult]:
    """Create or update products (keyed by source + external id). Unchanged products are
    recognised by checksum and not re-embedded; archived ones come back when re-imported."""
    knowledge = knowledge_settings_get()
    existing = {
        p.external_id: p
        for p in Product.objects.filter(
            source=source, external_id__in=[r.external_id for r in records]
        )
    }
    checksums = {r.external_id: record_checksum(r) for r in records}
    stale = [
        r
        for r in records
        if (product := existing.get(r.external_id)) is None
        or product.checksum != checksums[r.external_id]
        or product.embedding_model != knowledge.embedding_model
    ]
    vectors = dict(
        zip(
            [r.external_id for r in stale],
            embeddings.embed_texts(
                [product_text(r) for r in stale], model_name=knowledge.embedding_model
            ),
            strict=True,
        )
    )
    results = []
    for record in records:
        product = existing.get(record.external_id)
        if product is not None and record.external_id not in vectors:
            if product.status == Product.Status.ARCHIVED or product.archived_at:
                Product.objects.filter(pk=product.pk).update(status=record.status, archived_at=None)
            results.append(UpsertResult(record.external_id, "unchanged", product.pk))
            continue
        conflicts = _sku_conflicts(source, record)
        if conflicts:
            results.append(UpsertResult(record.external_id, "failed", errors=tuple(conflicts)))
            continue
        product = _write(
            source=source,
            record=record,
            product=product,
            currency=currency,
            checksum=checksums[record.external_id],
            vector=vectors[record.external_id],
            model=knowledge.embedding_model,
            language=knowledge.search_language,
        )
        results.append(
            UpsertResult(
                record.external_id,
                "updated" if record.external_id in existing else "created",
                product.pk,
            )
        )
    return results


@transaction.atomic
def _write(
    *,
    source: ProductSource,
    record: ProductRecord,
    product: Product | None,
    currency: str,
    checksum: str,
    vector: object,
    model: str,
    language: str,
) -> Product:

    min_price, max_price = _prices(record)
    fields = {
        "handle": record.handle[:255],
        "title": record.title[:500],
        "description_html": record.description_html,
        "description_text": description_text(record.description_html),
        "vendor": record.vendor[:255],
        "product_type": record.product_type[:255],
        "tags": [t[:255] for t in record.tags],
        "status": record.status,
        "url": record.url or "",
        "images": record.images,
        "attributes": record.attributes,
        "min_price": min_price,
        "max_price": max_price,
        "currency": currency,
        "available": any(v.available for v in record.variants),
        "checksum": checksum,
        "embedding": vector,
        "embedding_model": model,
        "archived_at": None,
    }
    if product is None:
        product = Product.objects.create(source=source, external_id=record.external_id, **fields)
    else:
        for name, value in fields.items():
            setattr(product, name, value)
        product.save()
        product.variants.all().delete()
    Variant.objects.bulk_create(
        Variant(
            product=product,
            position=index,
            external_id=v.external_id or "",
            sku=v.sku or "",
            title=" / ".join(v.options.values())[:500],
            options=v.options,
            option_values=_option_values(v.options),
            price=v.price,
            compare_at_price=v.compare_at_price,
            inventory_quantity=v.inventory_quantity,
            available=v.available,
            barcode=v.barcode or "",
            image_url=v.image_url or "",
        )
        for index, v in enumerate(record.variants)
    )
    product.collections.set([_collection(title) for title in record.collections])
    Product.objects.filter(pk=product.pk).update(
        search_vector=(
            SearchVector("title", weight="A", config=language)
            + SearchVector("product_type", "vendor", weight="B", config=language)
            + SearchVector(Value(product_text(record)), weight="C", config=language)
        )
    )
    return product


def _collection(title: str) -> Collection:
    title = title.strip()[:255]
    collection, _created = Collection.objects.get_or_create(
        title=title, defaults={"handle": slugify(title)[:255] or f"c-{abs(hash(title))}"}
    )
    return collection


def products_archive_missing(*, source: ProductSource, seen: set[str]) -> int:
    """Archive (never delete) the source's active products that a full import did not list."""
    missing = (
        Product.objects.filter(source=source)
        .exclude(status=Product.Status.ARCHIVED)
        .exclude(external_id__in=seen)
    )
    return missing.update(status=Product.Status.ARCHIVED, archived_at=timezone.now())
