"""Everything `make dev` seeds for the demo stores, in one call (idempotent)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from apps.accounts.demo import (
    DEMO_SLUG,
    SECOND_DEMO_SLUG,
    DemoCredentials,
    demo_credentials_get,
    demo_store_ensure,
    second_demo_store_ensure,
)
from apps.accounts.roles import Role
from apps.accounts.selectors import member_list
from apps.catalog.services.demo import demo_catalog_ensure, demo_orders_ensure
from apps.catalog.services.second_store_demo import (
    second_store_catalog_ensure,
    second_store_orders_ensure,
)
from apps.conversations.selectors import conversations_exist
from apps.conversations.services.demo import demo_conversations_seed
from apps.core.tenancy import tenant_context
from apps.knowledge.demo import demo_knowledge_ensure, demo_knowledge_sync_now
from apps.knowledge.demo.second_store import second_store_knowledge_ensure
from apps.tenants.selectors import (
    host_url,
    tenant_get_by_slug,
    tenant_url,
    widget_key_active_first,
)
from apps.tenants.services import widget_key_ensure
from apps.widget.services import widget_settings_get, widget_settings_update


@dataclass(frozen=True)
class DemoStore:
    credentials: DemoCredentials
    widget_key: str
    second_store_url: str | None  # Brightwell Home's admin, same owner


def demo_seed(*, conversations: bool = True) -> DemoStore:
    """`conversations=False` leaves out the sample conversations (the slowest part: each is
    answered by the real pipeline)."""
    credentials = demo_store_ensure()
    tenant = tenant_get_by_slug(slug=credentials.slug)
    assert tenant is not None
    with tenant_context(tenant):
        demo_knowledge_ensure()
        demo_catalog_ensure()
        demo_orders_ensure()
        widget_key = widget_key_ensure(tenant=tenant)
        origins = widget_settings_get().allowed_origins or [
            # Pages served by Aisle itself in development (root domain and the store's host).
            host_url(path=""),
            tenant_url(tenant=tenant, path=""),
        ]
        if demo_storefront_origin() not in origins:
            widget_settings_update(allowed_origins=[*origins, demo_storefront_origin()])
        if conversations and not conversations_exist():
            # The sample conversations are answered by the real pipeline, from the knowledge:
            # index it now (a few seconds, once) rather than wait for the worker.
            demo_knowledge_sync_now()
            owner = member_list(tenant=tenant).filter(role=Role.OWNER).first()
            assert owner is not None
            demo_conversations_seed(tenant=tenant, author=owner.user)
    second = second_demo_store_ensure()
    with tenant_context(second):
        second_store_knowledge_ensure()
        second_store_catalog_ensure()
        second_store_orders_ensure()
        widget_key_ensure(tenant=second)
    return DemoStore(
        credentials=credentials,
        widget_key=widget_key.key,
        second_store_url=tenant_url(tenant=second),
    )


def demo_store_get() -> DemoStore | None:
    """The seeded demo store's sign-in and widget key (None before `demo_seed`)."""
    credentials = demo_credentials_get()
    tenant = tenant_get_by_slug(slug=DEMO_SLUG)
    key = widget_key_active_first(tenant=tenant) if tenant else None
    if credentials is None or key is None:
        return None
    second = tenant_get_by_slug(slug=SECOND_DEMO_SLUG)
    return DemoStore(
        credentials=credentials,
        widget_key=key.key,
        second_store_url=tenant_url(tenant=second) if second else None,
    )


def demo_storefront_origin() -> str:
    """Where `make dev` serves the demo shop page (`manage.py demo_storefront`)."""
    return f"http://127.0.0.1:{settings.DEMO_STOREFRONT_PORT}"
