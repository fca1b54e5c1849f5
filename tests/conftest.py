"""Shared fixtures. Two stores (A and B) are provisioned once per session, committed, and
reused; each test runs in a transaction on top of them. Use `tenant_a`/`tenant_b` for any
test that must show one store's data is invisible to the other."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client

from apps.accounts.roles import Role
from apps.core import tenancy
from apps.tenants.models import Tenant
from apps.tenants.services import tenant_provision
from tests.accounts.factories import MembershipFactory, UserFactory


@pytest.fixture(scope="session")
def _session_tenants(django_db_setup, django_db_blocker) -> dict[str, Tenant]:  # noqa: ANN001
    with django_db_blocker.unblock():
        tenancy.activate_public()
        return {
            "a": Tenant.objects.filter(slug="store-a").first()
            or tenant_provision(name="Store A", slug="store-a"),
            "b": Tenant.objects.filter(slug="store-b").first()
            or tenant_provision(name="Store B", slug="store-b"),
        }


@pytest.fixture
def tenant_a(_session_tenants: dict[str, Tenant], db: None) -> Tenant:
    return Tenant.objects.get(pk=_session_tenants["a"].pk)


@pytest.fixture
def tenant_b(_session_tenants: dict[str, Tenant], db: None) -> Tenant:
    return Tenant.objects.get(pk=_session_tenants["b"].pk)


@pytest.fixture(autouse=True)
def _clean_slate() -> Iterator[None]:
    """A test never starts in the schema the previous one left active, nor with the cache
    (rate-limit counters, throttles) of an earlier test."""
    tenancy.activate_public()
    cache.clear()
    yield
    tenancy.activate_public()


def host_of(tenant: Tenant | None) -> str:
    return f"{tenant.slug}.localhost" if tenant else "localhost"


def client_for(tenant: Tenant | None, user=None) -> Client:  # noqa: ANN001
    client = Client(HTTP_HOST=host_of(tenant))
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def owner_a(tenant_a: Tenant):  # noqa: ANN201
    return MembershipFactory(tenant=tenant_a, role=Role.OWNER)


@pytest.fixture
def owner_b(tenant_b: Tenant):  # noqa: ANN201
    return MembershipFactory(tenant=tenant_b, role=Role.OWNER)


@pytest.fixture
def user(db: None):  # noqa: ANN201
    return UserFactory()
