from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from apps.catalog.models import Collection, ImportJob, ImportRowError, Product


@dataclass(frozen=True)
class ProductListFilters:
    status: str | None = None
    vendor: str | None = None
    collection: str | None = None  # handle or title
    in_stock: bool = False
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    text: str | None = None  # title contains, or exact SKU


def product_list(*, filters: ProductListFilters) -> QuerySet[Product]:
    products = Product.objects.all()
    if filters.status:
        products = products.filter(status=filters.status)
    if filters.vendor:
        products = products.filter(vendor__iexact=filters.vendor)
    if filters.collection:
        products = products.filter(
            Q(collections__handle=filters.collection)
            | Q(collections__title__iexact=filters.collection)
        )
    if filters.in_stock:
        products = products.filter(available=True)
    if filters.min_price is not None:
        products = products.filter(max_price__gte=filters.min_price)
    if filters.max_price is not None:
        products = products.filter(min_price__lte=filters.max_price)
    if filters.text:
        products = products.filter(
            Q(title__icontains=filters.text) | Q(variants__sku__iexact=filters.text)
        )
    return products.distinct()


def product_get(*, product_id: int) -> Product | None:
    return (
        Product.objects.prefetch_related("variants", "collections", "documents")
        .filter(pk=product_id)
        .first()
    )


def collection_list() -> QuerySet[Collection]:
    return Collection.objects.annotate(product_count=Count("products"))


def import_job_list() -> QuerySet[ImportJob]:
    return ImportJob.objects.all()


def import_job_get(*, job_id: int) -> ImportJob | None:
    return ImportJob.objects.filter(pk=job_id).first()


def import_row_error_list(*, job: ImportJob) -> QuerySet[ImportRowError]:
    return job.row_errors.all()
