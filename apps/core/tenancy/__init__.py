"""The one place that activates a tenant's schema.

Every edge (HTTP middleware, Channels consumers, Dramatiq middleware) calls `activate()` /
`tenant_context()` from here, so the rules live in one module: the schema is set on the
connection of the current thread, the logging context learns the tenant, and leaving a context
always restores what was active before.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.db import connection as _connection
from django_tenants.utils import get_public_schema_name

from apps.core.logging import bind_tenant

if TYPE_CHECKING:
    from apps.tenants.models import Tenant

# django-tenants' backend adds set_tenant/schema_name to the connection; the stubs don't know.
connection: Any = _connection


def activate(tenant: Tenant) -> None:
    connection.set_tenant(tenant)
    bind_tenant(tenant.slug)


def activate_public() -> None:
    connection.set_schema_to_public()
    bind_tenant(None)


def current_tenant() -> Tenant | None:
    """The active store, or None on the public schema."""
    tenant = getattr(connection, "tenant", None)
    return None if tenant is None or is_public() else tenant


def current_schema() -> str:
    return connection.schema_name


def is_public() -> bool:
    return connection.schema_name == get_public_schema_name()


@contextmanager
def tenant_context(tenant: Tenant) -> Iterator[Tenant]:
    previous = getattr(connection, "tenant", None)
    activate(tenant)
    try:
        yield tenant
    finally:
        if previous is None or previous.schema_name == get_public_schema_name():
            activate_public()
        else:
            activate(previous)
