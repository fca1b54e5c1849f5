"""Shared fixtures. Two stores (A and B) are provisioned once per session, committed, and
reused; each test runs in a transaction on top of them. Use `tenant_a`/`tenant_b` for any test
that must show one store's data is invisible to the other."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client

from apps.accounts.roles import Role
from apps.core import tenancy
from apps.tenants import provisioning
from apps.tenants.models import Tenant
from apps.tenants.services import tenant_provision
from apps.tenants.validation import schema_name_for
from tests.accounts.factories import MembershipFactory, UserFactory


def _store(slug: str, name: str) -> Tenant:
    """The shared store, provisioned on first use. Transactional tests (which pytest-django runs
    last) flush the public tables; the store's rows are then re-created on its old schema."""
    tenant = Tenant.objects.filter(slug=slug).first()
    if tenant is None:
        provisioning.schema_drop(schema_name=schema_name_for(slug))
        tenant = tenant_provision(name=name, slug=slug)
    return tenant


@pytest.fixture(scope="session")
def _stores(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> None:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        tenancy.activate_public()
        _store("store-a", "Store A")
        _store("store-b", "Store B")


@pytest.fixture
def tenant_a(_stores: None, db: None) -> Tenant:
    return _store("store-a", "Store A")


@pytest.fixture
def tenant_b(_stores: None, db: None) -> Tenant:
    return _store("store-b", "Store B")


@pytest.fixture(autouse=True)
def _clean_slate() -> Iterator[None]:
    """A test never starts in the schema the previous one left active, nor with the cache
    (rate-limit counters, throttles) of an earlier test."""
    tenancy.activate_public()
    cache.clear()
    yield
    tenancy.activate_public()


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child process (daphne, a Dramatiq worker) that works on the test
    database and the test Redis, as the test itself does."""
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgresql://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        **extra,
    }


def host_of(tenant: Tenant | None) -> str:
    return f"{tenant.slug}.localhost" if tenant else "localhost"


def client_for(tenant: Tenant | None, user=None) -> Client:
    client = Client(HTTP_HOST=host_of(tenant))
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def owner_a(tenant_a: Tenant):
    return MembershipFactory(tenant=tenant_a, role=Role.OWNER)


@pytest.fixture
def owner_b(tenant_b: Tenant):
    return MembershipFactory(tenant=tenant_b, role=Role.OWNER)


@pytest.fixture
def user(db: None):
    return UserFactory()
