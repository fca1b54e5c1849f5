import io

from django.core.management import call_command
from django.db import connection

from apps.tenants.migration_executor import schemas_with_pending_migrations
from apps.tenants.models import Tenant


def test_up_to_date_schemas_are_skipped(tenant_a: Tenant, tenant_b: Tenant) -> None:
    assert schemas_with_pending_migrations([tenant_a.schema_name, tenant_b.schema_name]) == []


def test_a_schema_missing_a_migration_is_pending(tenant_a: Tenant, tenant_b: Tenant) -> None:
    table = f'"{tenant_b.schema_name}".django_migrations'
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE app = 'audit' AND name = '0001_initial'")  # noqa: S608
    assert schemas_with_pending_migrations([tenant_a.schema_name, tenant_b.schema_name]) == [
        tenant_b.schema_name
    ]


def test_schema_without_history_is_pending(db: None) -> None:
    with connection.cursor() as cursor:
        cursor.execute('CREATE SCHEMA "t_empty_one"')
    assert schemas_with_pending_migrations(["t_empty_one"]) == ["t_empty_one"]


def test_noop_migrate_reports_skipped_schemas(tenant_a: Tenant, capsys) -> None:
    call_command("migrate_schemas", tenant=True, interactive=False, stdout=io.StringIO())
    assert "up to date, skipped" in capsys.readouterr().out
