"""Writing products: each product with its variants and collections in one transaction, so a
product is stored whole or not at all. A batch is planned (one query: which products are new or
changed), embedded (the changed ones, together), then written; ProductBatchWriter overlaps the
embedding of one batch with the writing of the previous one."""

from __future__ import annotations

import hashlib
import html
import json
import logging
import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from decimal import Decimal
from urllib.parse import unquote, urlsplit

from django.contrib.postgres.search import SearchVector
from django.db import transaction
from django.db.models import Value
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify

from apps.catalog.importing.common.records import RowError, UpsertResult
from apps.catalog.importing.products import ProductRecord
from apps.catalog.models import Collection, Product, ProductSource, Variant
from apps.catalog.options import option_tokens, option_values
from apps.catalog.vocabulary import catalog_changed
from apps.core.search import embeddings
from apps.core.search.term_statistics import term_statistics_refresh
from apps.knowledge.services.settings import knowledge_settings_get
from apps.knowledge.services.sources import url_source_ensure

# Enough of the description to say what the product is; the rest is detail that dilutes the
# embedding and costs encoder time (the keyword index still gets all of it).
DESCRIPTION_EMBED_CHARS = 300
MAX_DOCUMENTS_PER_PRODUCT = 10
MAX_URL_LENGTH = 2000
VARIANT_UPDATE_FIELDS = [
    "position",
    "external_id",
    "sku",
    "title",
    "options",
    "option_values",
    "price",
    "compare_at_price",
    "inventory_quantity",
    "available",
    "barcode",
    "image_url",
]
logger = logging.getLogger(__name__)


def description_text(description_html: str) -> str:
    text = strip_tags(
        re.sub(r"<\s*(br|/p|/li|/h\d)\s*/?>", "\n", description_html or "", flags=re.I)
    )
    return re.sub(r"[ \t]+", " ", html.unescape(text)).strip()


def product_text(
    record: ProductRecord, *, description_chars: int | None = DESCRIPTION_EMBED_CHARS
) -> str:
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
        description_text(record.description_html)[:description_chars],
    ]
    return "\n".join(part for part in parts if part)


def record_checksum(record: ProductRecord) -> str:
    payload = asdict(record)
    payload.pop("lines", None)
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _prices(record: ProductRecord) -> tuple[Decimal | None, Decimal | None]:
    prices = [v.price for v in record.variants if v.price is not None]
    return (min(prices), max(prices)) if prices else (None, None)


def _sku_owners(records: list[ProductRecord]) -> dict[str, tuple[int, str, str]]:
    """SKU → (source id, external id, title) of the products that hold it today (one query)."""
    skus = [v.sku for r in records for v in r.variants if v.sku]
    return {
        sku: (source_id, external_id, title)
        for sku, source_id, external_id, title in Variant.objects.filter(sku__in=skus).values_list(
            "sku", "product__source_id", "product__external_id", "product__title"
        )
    }


def _sku_conflicts(
    source: ProductSource, record: ProductRecord, owners: dict[str, tuple[int, str, str]]
) -> list[RowError]:
    conflicts = []
    for variant in record.variants:
        owner = owners.get(variant.sku or "")
        if owner and (owner[0], owner[1]) != (source.pk, record.external_id):
            conflicts.append(
                RowError(
                    line=record.lines[0],
                    column="sku",
                    code="duplicate_sku",
                    message=f'SKU "{variant.sku}" already belongs to "{owner[2]}"',
                )
            )
    return conflicts


def _collections(records: list[ProductRecord]) -> dict[str, Collection]:
    """Every collection the batch names, created when missing (a few queries per batch)."""
    titles = {t.strip()[:255] for r in records for t in r.collections if t.strip()}
    found = {c.title: c for c in Collection.objects.filter(title__in=titles)}
    missing = sorted(titles - found.keys())
    taken = set(
        Collection.objects.filter(handle__in=[_handle(t) for t in missing]).values_list(
            "handle", flat=True
        )
    )
    for title in missing:
        # "Men's" and "Mens" slugify alike: the later one gets a suffix from its own title.
        handle = _handle(title)
        if handle in taken:
            handle = f"{handle[:230]}-{hashlib.sha256(title.encode()).hexdigest()[:8]}"
        taken.add(handle)
        found[title], _created = Collection.objects.get_or_create(
            title=title, defaults={"handle": handle}
        )
    return found


def _handle(title: str) -> str:
    return slugify(title)[:240] or hashlib.sha256(title.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class _Plan:
    """What a batch needs before it can be written: existing rows, checksums, and the records
    whose text must be (re-)embedded. Reading it takes one query."""

    records: list[ProductRecord]
    existing: dict[str, Product]
    checksums: dict[str, str]
    stale: list[ProductRecord]
    model: str
    language: str


def _plan(source: ProductSource, records: list[ProductRecord]) -> _Plan:
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
    return _Plan(
        records, existing, checksums, stale, knowledge.embedding_model, knowledge.search_language
    )


def _embed(plan: _Plan) -> dict[str, object]:
    """External id → vector for the plan's stale records. No database access: safe to run in
    another thread while the previous batch is written."""
    vectors = embeddings.embed_texts([product_text(r) for r in plan.stale], model_name=plan.model)
    return dict(zip([r.external_id for r in plan.stale], vectors, strict=True))


def products_upsert(
    *, source: ProductSource, records: list[ProductRecord], currency: str = "USD"
) -> list[UpsertResult]:
    """Create or update products (keyed by source + external id). Unchanged products are
    recognised by checksum and not re-embedded; archived ones come back when re-imported."""
    plan = _plan(source, records)
    return _write(source, currency, plan, _embed(plan))


class ProductBatchWriter:
    """`products_upsert` for a stream of batches, with the encoder kept busy: while batch N is
    written to the database, batch N+1 is embedded in a background thread (the encoder releases
    the GIL). Results reach `on_results` in batch order. The batches must not share external
    ids (importers reject duplicate products within a file)."""

    def __init__(
        self,
        *,
        source: ProductSource,
        currency: str,
        on_results: Callable[[list[UpsertResult]], None],
    ) -> None:
        self._source, self._currency, self._on_results = source, currency, on_results
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="product-embed")
        self._pending: tuple[_Plan, Future[dict[str, object]]] | None = None

    def __enter__(self) -> ProductBatchWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def submit(self, records: list[ProductRecord]) -> None:
        plan = _plan(self._source, list(records))
        upcoming = (plan, self._executor.submit(_embed, plan))
        self.flush()
        self._pending = upcoming

    def flush(self) -> None:
        if self._pending is None:
            return
        plan, vectors = self._pending
        self._pending = None
        self._on_results(_write(self._source, self._currency, plan, vectors.result()))


def _write(
    source: ProductSource, currency: str, plan: _Plan, vectors: dict[str, object]
) -> list[UpsertResult]:
    records, existing, checksums = plan.records, plan.existing, plan.checksums
    owners = _sku_owners(records)
    collections = _collections(records)
    context = _Context(source=source, currency=currency, model=plan.model, language=plan.language)
    results: dict[str, UpsertResult] = {}
    creates: list[_Write] = []
    lines = {r.external_id: r.lines[0] for r in records}
    for record in records:
        product = existing.get(record.external_id)
        if product is not None and record.external_id not in vectors:
            if product.status == Product.Status.ARCHIVED or product.archived_at:
                Product.objects.filter(pk=product.pk).update(status=record.status, archived_at=None)
            results[record.external_id] = UpsertResult(record.external_id, "unchanged", product.pk)
            continue
        conflicts = _sku_conflicts(source, record, owners)
        if conflicts:
            results[record.external_id] = UpsertResult(
                record.external_id, "failed", errors=tuple(conflicts)
            )
            continue
        write = _Write(
            record=record,
            checksum=checksums[record.external_id],
            vector=vectors[record.external_id],
            collections=[collections[t.strip()[:255]] for t in record.collections if t.strip()],
        )
        if product is None:
            creates.append(write)
        else:
            _update(context, write, product)
            results[record.external_id] = UpsertResult(record.external_id, "updated", product.pk)
    for external_id, product_id in _create_all(context, creates).items():
        results[external_id] = (
            UpsertResult(external_id, "created", product_id)
            if product_id is not None
            else UpsertResult(
                external_id,
                "failed",
                errors=(
                    RowError(
                        line=lines[external_id],
                        column=None,
                        code="internal_error",
                        message="Aisle could not save this product; it was not imported.",
                    ),
                ),
            )
        )
    _link_documents(records, results)
    catalog_changed()  # also when only an archived product came back
    return [results[r.external_id] for r in records]


def _link_documents(records: list[ProductRecord], results: dict[str, UpsertResult]) -> None:
    """PDFs that new or changed products link to (spec sheets, manuals) become knowledge
    sources, synced by the ingest worker, and are linked to the product. A PDF that several
    products share is one source; a link dropped from a product is unlinked, its source kept."""
    for record in records:
        result = results[record.external_id]
        urls = [url for url in record.pdf_links if len(url) <= MAX_URL_LENGTH]
        if result.row_id is None or result.outcome == "unchanged":
            continue
        if result.outcome == "created" and not urls:
            continue
        source_ids = [
            url_source_ensure(url=url, name=_document_name(record.title, url)).pk
            for url in urls[:MAX_DOCUMENTS_PER_PRODUCT]
        ]
        links = Product.documents.through.objects
        links.filter(product_id=result.row_id).exclude(source_id__in=source_ids).delete()
        links.bulk_create(
            [
                Product.documents.through(product_id=result.row_id, source_id=source_id)
                for source_id in source_ids
            ],
            ignore_conflicts=True,
        )


def _document_name(title: str, url: str) -> str:
    filename = unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or url
    return f"{title} — {filename}"[:200]


@dataclass(frozen=True)
class _Context:
    source: ProductSource
    currency: str
    model: str
    language: str


@dataclass(frozen=True)
class _Write:
    record: ProductRecord
    checksum: str
    vector: object
    collections: list[Collection]


def _fields(context: _Context, write: _Write) -> dict[str, object]:
    record = write.record
    min_price, max_price = _prices(record)
    language = context.language
    return {
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
        "currency": context.currency,
        "available": any(v.available for v in record.variants),
        "option_tokens": option_tokens(option_values(v.options) for v in record.variants),
        "checksum": write.checksum,
        "embedding": write.vector,
        "embedding_model": context.model,
        "archived_at": None,
        # Computed in the same INSERT/UPDATE from the values (no extra query).
        "search_vector": (
            SearchVector(Value(record.title), weight="A", config=language)
            + SearchVector(
                Value(f"{record.product_type} {record.vendor}"), weight="B", config=language
            )
            + SearchVector(
                Value(product_text(record, description_chars=None)), weight="C", config=language
            )
        ),
    }


def _variants(product: Product, record: ProductRecord) -> list[Variant]:
    return [
        Variant(
            product=product,
            position=index,
            external_id=v.external_id or "",
            sku=v.sku or "",
            title=" / ".join(v.options.values())[:500],
            options=v.options,
            option_values=option_values(v.options),
            price=v.price,
            compare_at_price=v.compare_at_price,
            inventory_quantity=v.inventory_quantity,
            available=v.available,
            barcode=v.barcode or "",
            image_url=v.image_url or "",
        )
        for index, v in enumerate(record.variants)
    ]


def _create_all(context: _Context, writes: list[_Write]) -> dict[str, int | None]:
    """New products of a batch in one transaction (a few queries for the whole batch). If
    anything in it fails, each product is written on its own instead, so one bad product
    cannot fail the others and none is ever half-written. Returns external id → product id,
    or None for a product that could not be written."""
    if not writes:
        return {}
    try:
        with transaction.atomic():
            return dict(_create(context, writes))
    except Exception:
        logger.exception("batch create failed; writing products one by one")
    created: dict[str, int | None] = {}
    for write in writes:
        try:
            with transaction.atomic():
                created.update(_create(context, [write]))
        except Exception:
            logger.exception("product create failed", extra={"product": write.record.external_id})
            created[write.record.external_id] = None
    return created


def _create(context: _Context, writes: list[_Write]) -> dict[str, int]:
    products = Product.objects.bulk_create(
        Product(source=context.source, external_id=w.record.external_id, **_fields(context, w))
        for w in writes
    )
    Variant.objects.bulk_create(
        variant
        for product, w in zip(products, writes, strict=True)
        for variant in _variants(product, w.record)
    )
    through = Product.collections.through
    through.objects.bulk_create(
        through(product_id=product.pk, collection_id=collection.pk)
        for product, w in zip(products, writes, strict=True)
        for collection in w.collections
    )
    return {product.external_id: product.pk for product in products}


@transaction.atomic
def _update(context: _Context, write: _Write, product: Product) -> None:
    fields = _fields(context, write)
    for name, value in fields.items():
        setattr(product, name, value)
    product.save(update_fields=[*fields, "updated_at"])
    _variants_replace(product, write.record)
    product.collections.set(write.collections)


def _variant_key(variant: Variant) -> tuple[str, str]:
    if variant.external_id:
        return ("id", variant.external_id)
    if variant.sku:
        return ("sku", variant.sku)
    return ("options", json.dumps(variant.options, sort_keys=True))


def _variants_replace(product: Product, record: ProductRecord) -> None:
    """The record's variants become the product's: a variant that is still there (same id,
    SKU or options) keeps its row, so order lines and conversations that point at it stay
    linked; the others are created or deleted."""
    current = {_variant_key(v): v for v in product.variants.all()}
    kept, created = [], []
    for variant in _variants(product, record):
        existing = current.pop(_variant_key(variant), None)
        if existing is None:
            created.append(variant)
        else:
            variant.pk = existing.pk
            kept.append(variant)
    Variant.objects.filter(pk__in=[v.pk for v in current.values()]).delete()
    Variant.objects.bulk_update(kept, fields=VARIANT_UPDATE_FIELDS)
    Variant.objects.bulk_create(created)


def products_archive_missing(*, source: ProductSource, seen: set[str]) -> int:
    """Archive (never delete) the source's active products that a full import did not list."""
    missing = (
        Product.objects.filter(source=source)
        .exclude(status=Product.Status.ARCHIVED)
        .exclude(external_id__in=seen)
    )
    archived = missing.update(status=Product.Status.ARCHIVED, archived_at=timezone.now())
    if archived:
        catalog_changed()
    return archived


def product_terms_refresh() -> None:
    """Rebuild the keyword arm's term statistics from the active products (after a run)."""
    term_statistics_refresh(
        table="catalog_product", statistics="catalog_product_terms", condition="status = 'active'"
    )
