from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet

from apps.catalog.models import Collection, ImportJob, ImportRowError, Order, Product
from apps.catalog.order_numbers import (
    OrderNumberFormat,
    order_number_format_learn,
    order_number_key,
    order_number_key_expression,
)
from apps.core.tenancy import current_schema

# The format is learnt from the store's most recent orders: enough to see every shape in use,
# cheap to read once per cache period.
ORDER_NUMBER_SAMPLE = 5000
ORDER_NUMBER_FORMAT_CACHE_S = 300


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
    # Meta.ordering does not apply to an aggregating query: order it, or pages overlap.
    return Collection.objects.annotate(product_count=Count("products")).order_by("title", "pk")


def import_job_list() -> QuerySet[ImportJob]:
    return ImportJob.objects.all()


def import_job_get(*, job_id: int) -> ImportJob | None:
    return ImportJob.objects.filter(pk=job_id).first()


def import_row_error_list(*, job: ImportJob) -> QuerySet[ImportRowError]:
    return job.row_errors.all()


@dataclass(frozen=True)
class OrderListFilters:
    status: str | None = None
    financial_status: str | None = None
    fulfilment_status: str | None = None
    email: str | None = None  # the customer's email, any case
    text: str | None = None  # part of the order number


def order_list(*, filters: OrderListFilters) -> QuerySet[Order]:
    orders = Order.objects.all()
    if filters.status:
        orders = orders.filter(status=filters.status)
    if filters.financial_status:
        orders = orders.filter(financial_status=filters.financial_status)
    if filters.fulfilment_status:
        orders = orders.filter(fulfilment_status=filters.fulfilment_status)
    if filters.email:
        orders = orders.filter(customer_email=filters.email.strip().lower())
    if filters.text:
        orders = orders.filter(number__icontains=filters.text.strip())
    return orders


def order_get(*, order_id: int) -> Order | None:
    return Order.objects.prefetch_related("lines", "fulfilments").filter(pk=order_id).first()


def order_get_for_shopper(*, number: str, email: str) -> Order | None:
    """A shopper's own order, for the assistant: the order number compared by its key (any
    case, with or without "#", spaces or dashes) placed with this email (any case). None for
    any mismatch, and when the key names two orders — one query, and the same answer whether
    or not the number exists."""
    key, email = order_number_key(number), email.strip().lower()
    if not key or not email:
        return None
    matches = list(
        Order.objects.filter(customer_email=email)
        .alias(number_key=order_number_key_expression())
        .filter(number_key=key)
        .prefetch_related("lines", "fulfilments")[:2]
    )
    return matches[0] if len(matches) == 1 else None


def order_number_format_cache_key() -> str:
    return f"order-number-format:{current_schema()}"


def order_number_format() -> OrderNumberFormat | None:
    """What the store's order numbers look like (see apps.catalog.order_numbers), cached per
    store; writing orders forgets it."""
    cache_key = order_number_format_cache_key()
    cached = cache.get(cache_key)
    if cached is not None:
        return cached or None  # False: the store has no usable format
    numbers = Order.objects.order_by("-id").values_list("number", flat=True)
    learnt = order_number_format_learn(numbers=numbers[:ORDER_NUMBER_SAMPLE])
    cache.set(cache_key, learnt or False, ORDER_NUMBER_FORMAT_CACHE_S)
    return learnt


def order_exists() -> bool:
    """Whether the store has any order (shoppers are then offered the order-status form)."""
    return Order.objects.exists()
