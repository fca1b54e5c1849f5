"""Everything `make dev` seeds for the demo store, in one call (idempotent)."""

from __future__ import annotations

from apps.accounts.demo import DemoCredentials, demo_store_ensure
from apps.catalog.services.demo import demo_catalog_ensure, demo_orders_ensure
from apps.core.tenancy import tenant_context
from apps.knowledge.demo import demo_knowledge_ensure
from apps.tenants.selectors import tenant_get_by_slug


def demo_seed() -> DemoCredentials:
    credentials = demo_store_ensure()
    tenant = tenant_get_by_slug(slug=credentials.slug)
    assert tenant is not None
    with tenant_context(tenant):
        demo_knowledge_ensure()
        demo_catalog_ensure()
        demo_orders_ensure()
    return credentials
