"""Schema-level operations for tenant provisioning.

A new store's schema is cloned from a migrated template schema
(`settings.TENANT_TEMPLATE_SCHEMA`) instead of running every tenant migration: cloning takes a
fraction of a second whatever the number of migrations. (django-tenants' own clone function
drops type modifiers such as pgvector's dimensions, so the copy is done here.) The template is
created by `migrate_schemas` and migrated with the tenants (see migration_executor.py).

Everything here runs inside the caller's transaction: PostgreSQL DDL is transactional, so a
failed provisioning rolls the schema back together with the tenant and domain rows.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django_tenants.utils import schema_exists

from apps.core import tenancy


class TemplateSchemaMissing(RuntimeError):
    pass


def template_schema_ensure(*, verbosity: int = 0) -> bool:
    """Create and migrate the template schema if it does not exist. Returns True if created."""
    template = settings.TENANT_TEMPLATE_SCHEMA
    if schema_exists(template):
        return False
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE SCHEMA "{template}"')
    call_command("migrate_schemas", schema_name=template, interactive=False, verbosity=verbosity)
    return True


def schema_clone_from_template(*, schema_name: str) -> None:
    """Create `schema_name` as a copy of the template schema: tables, rows (its
    django_migrations rows make the copy already migrated), constraints and indexes under
    their original names, so later migrations that alter them by name work on every store.

    Tables are created with `LIKE ... INCLUDING DEFAULTS/IDENTITY/...`, which keeps exact
    column types (pgvector dimensions included) and gives identity columns fresh sequences;
    constraints and indexes are then re-created from the catalog's own definitions, read with
    the template as the only schema on the search path so references to it come out
    unqualified and resolve to the new schema.
    """
    template = settings.TENANT_TEMPLATE_SCHEMA
    if not schema_exists(template):
        raise TemplateSchemaMissing(
            f"template schema {template!r} is missing: run `python manage.py migrate_schemas`"
        )
    new, old = _quoted(schema_name), _quoted(template)
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('search_path', %s, true)", [old])
        tables = _fetch(cursor, _TABLES_SQL, template)
        constraints = _fetch(cursor, _CONSTRAINTS_SQL, template)
        indexes = _fetch(cursor, _INDEXES_SQL, template)
        cursor.execute(
            "SELECT set_config('search_path', %s, true)",
            [",".join([new, "public", *map(_quoted, settings.PG_EXTRA_SEARCH_PATHS)])],
        )
        cursor.execute(f"CREATE SCHEMA {new}")
        for (table,) in tables:
            cursor.execute(
                f"CREATE TABLE {new}.{_quoted(table)} (LIKE {old}.{_quoted(table)} {_LIKE})"
            )
            # identifiers are quoted and come from the catalog
            copy_rows = f"INSERT INTO {new}.{_quoted(table)} SELECT * FROM {old}.{_quoted(table)}"  # noqa: S608
            cursor.execute(copy_rows)
        for table, name, definition in constraints:  # primary keys first, foreign keys last
            cursor.execute(
                f"ALTER TABLE {new}.{_quoted(table)} ADD CONSTRAINT {_quoted(name)} {definition}"
            )
        for (definition,) in indexes:
            cursor.execute(definition.replace(f" ON {template}.", f" ON {new}.", 1))
        _advance_identity_sequences(cursor, schema_name)
    tenancy.activate_public()  # the search_path changes above were local to the transaction


_LIKE = (
    "INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED INCLUDING STORAGE "
    "INCLUDING COMPRESSION INCLUDING COMMENTS"
)
_TABLES_SQL = (
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = %s AND c.relkind IN ('r', 'p') ORDER BY c.relname"
)
_CONSTRAINTS_SQL = (
    "SELECT c.relname, con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con "
    "JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = %s AND con.contype IN ('p', 'u', 'c', 'x', 'f') "
    "ORDER BY array_position(ARRAY['p', 'u', 'x', 'c', 'f'], con.contype::text), "
    "c.relname, con.conname"
)
_INDEXES_SQL = (  # indexes that do not back a constraint (those come with their constraint)
    "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
    "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = %s "
    "AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid) "
    "ORDER BY 1"
)


def _fetch(cursor: Any, sql: str, schema: str) -> list[tuple[Any, ...]]:
    cursor.execute(sql, [schema])
    return list(cursor.fetchall())


def _advance_identity_sequences(cursor: Any, schema_name: str) -> None:
    """Copied rows keep their ids: move each identity sequence past them."""
    cursor.execute(
        "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND a.attidentity <> '' AND NOT a.attisdropped",
        [schema_name],
    )
    for table, column in cursor.fetchall():
        qualified = f"{_quoted(schema_name)}.{_quoted(table)}"
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence(%s, %s), "  # noqa: S608
            f"COALESCE((SELECT max({_quoted(column)}) FROM {qualified}), 0) + 1, false)",
            [qualified, column],
        )


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def schema_drop(*, schema_name: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{schema_name}" CASCADE')
