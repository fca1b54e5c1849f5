from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from apps.catalog.importing.products import ProductRecord, VariantRecord
from apps.catalog.models import ProductSource
from apps.core.tenancy import tenant_context
from apps.tenants.models import Tenant


@pytest.fixture
def in_store_a(tenant_a: Tenant) -> Iterator[Tenant]:
    with tenant_context(tenant_a):
        yield tenant_a


@pytest.fixture
def source(in_store_a) -> ProductSource:
    return ProductSource.objects.create(kind=ProductSource.Kind.FILE, name="Test import")


def variant(sku: str, price: str, *, available: bool = True, **options: str) -> VariantRecord:
    return VariantRecord(
        sku=sku,
        options=options,
        price=Decimal(price),
        compare_at_price=None,
        inventory_quantity=5 if available else 0,
        available=available,
    )


def product(
    external_id: str,
    title: str,
    variants: list[VariantRecord],
    *,
    product_type: str = "",
    description: str = "",
    collections: tuple[str, ...] = (),
    vendor: str = "Demo Outfitters",
    tags: tuple[str, ...] = (),
    pdf_links: tuple[str, ...] = (),
) -> ProductRecord:
    return ProductRecord(
        external_id=external_id,
        handle=external_id,
        title=title,
        description_html=f"<p>{description}</p>",
        vendor=vendor,
        product_type=product_type,
        tags=list(tags),
        status="active",
        url=f"https://shop.example/products/{external_id}",
        images=[f"https://shop.example/{external_id}.jpg"],
        attributes={},
        collections=list(collections),
        variants=variants,
        pdf_links=list(pdf_links),
        lines=(2, 2),
    )
