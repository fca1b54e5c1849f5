import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django_tenants.utils import schema_exists

from apps.accounts.models import Membership
from apps.accounts.services.memberships import store_create
from apps.tenants import provisioning
from apps.tenants.models import Domain, Tenant
from apps.tenants.services import ProvisioningFailed, tenant_provision


def _tables(schema: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", [schema])
        return {row[0] for row in cursor.fetchall()}


def test_provision_clones_a_migrated_schema_with_domain(db: None) -> None:
    # when
    tenant = tenant_provision(name="Lamp Shop", slug="lamp-shop")
    # then
    assert tenant.schema_name == "t_lamp_shop"
    assert Domain.objects.get(tenant=tenant).domain == "lamp-shop.localhost"
    assert "audit_auditevent" in _tables("t_lamp_shop")
    with connection.cursor() as cursor:
        cursor.execute('SELECT count(*) FROM "t_lamp_shop".django_migrations')
        assert cursor.fetchone()[0] > 0  # marked migrated: the clone carries the history


def test_taken_slug_is_refused_and_nothing_is_written(tenant_a: Tenant) -> None:
    before = Tenant.objects.count(), Domain.objects.count()
    with pytest.raises(ValidationError) as error:
        tenant_provision(name="Other", slug=tenant_a.slug)
    assert error.value.code == "slug_taken"
    assert (Tenant.objects.count(), Domain.objects.count()) == before


def test_failure_mid_provisioning_leaves_no_row_domain_or_schema(db: None, monkeypatch) -> None:
    # given cloning creates the schema, then fails
    real_clone = provisioning.schema_clone_from_template

    def clone_then_fail(*, schema_name: str) -> None:
        real_clone(schema_name=schema_name)
        raise RuntimeError("disk full")

    monkeypatch.setattr(provisioning, "schema_clone_from_template", clone_then_fail)
    # when
    with pytest.raises(ProvisioningFailed):
        tenant_provision(name="Doomed", slug="doomed-store")
    # then
    assert not Tenant.objects.filter(slug="doomed-store").exists()
    assert not Domain.objects.filter(domain="doomed-store.localhost").exists()
    assert not schema_exists("t_doomed_store")


def test_store_create_rolls_back_provisioning_when_membership_fails(user, monkeypatch) -> None:
    from apps.accounts.services import memberships

    def broken(**kwargs: object) -> None:
        raise RuntimeError("membership write failed")

    monkeypatch.setattr(memberships, "membership_create", broken)
    with pytest.raises(RuntimeError):
        store_create(user=user, name="Half Store", slug="half-store")
    assert not Tenant.objects.filter(slug="half-store").exists()
    assert not schema_exists("t_half_store")


def test_store_create_makes_the_user_owner(user) -> None:
    tenant = store_create(user=user, name="Mine", slug="mine-store")
    assert Membership.objects.get(user=user, tenant=tenant).role == "owner"


def test_missing_template_is_a_clear_error(db: None, settings) -> None:
    settings.TENANT_TEMPLATE_SCHEMA = "no_such_template"
    with pytest.raises(ProvisioningFailed, match="migrate_schemas"):
        tenant_provision(name="No Template", slug="no-template")
    assert not Tenant.objects.filter(slug="no-template").exists()


def _structure(schema: str) -> dict[str, list[tuple[str, ...]]]:
    """Columns, constraints and indexes of a schema, with the schema name blanked out."""
    queries = {
        "columns": "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), "
        "a.attnotnull::text, a.attidentity FROM pg_attribute a "
        "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind = 'r' "
        "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 2",
        "constraints": "SELECT c.relname, con.conname, "
        "replace(pg_get_constraintdef(con.oid), n.nspname || '.', '') "
        "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s ORDER BY 1, 2",
        "indexes": "SELECT indexname, replace(indexdef, schemaname || '.', '') FROM pg_indexes "
        "WHERE schemaname = %s ORDER BY 1",
    }
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL search_path = pg_catalog")
        result = {}
        for name, sql in queries.items():
            cursor.execute(sql, [schema])
            result[name] = [tuple(row) for row in cursor.fetchall()]
    return result


def test_a_clone_has_exactly_the_templates_structure(tenant_a: Tenant, settings) -> None:
    template = _structure(settings.TENANT_TEMPLATE_SCHEMA)
    clone = _structure(tenant_a.schema_name)
    assert clone == template
    embedding = ("knowledge_chunk", "embedding", "extensions.vector(384)", "true", "")
    assert embedding in clone["columns"]
    assert any(name == "chunk_embedding_hnsw" for name, _ in clone["indexes"])
