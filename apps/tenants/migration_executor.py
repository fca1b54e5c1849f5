"""A migration executor for `migrate_schemas` that skips schemas with nothing to apply.

django-tenants runs the full `migrate` command once per schema, post_migrate handlers included,
even when nothing is pending; with many tenants a no-op deploy would take minutes. Here the
migration graph is loaded once, each schema's `django_migrations` is read with one query, and
only schemas missing a migration are handed to the real executor (standard or multiprocessing).
The tenant template schema is migrated along with the tenants so new stores clone the latest
state.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django_tenants.migration_executors import MigrationExecutor
from django_tenants.migration_executors import get_executor as tenants_get_executor
from django_tenants.utils import get_public_schema_name, schema_exists

from apps.core import tenancy

logger = logging.getLogger(__name__)

# Options that change what migrate does; with any of them every schema must run.
_EXPLICIT_OPTIONS = (
    "app_label",
    "migration_name",
    "fake",
    "fake_initial",
    "plan",
    "prune",
    "check_unapplied",
    "run_syncdb",
)


def schemas_with_pending_migrations(schemas: list[str]) -> list[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    required = set(loader.graph.nodes)
    pending = []
    try:
        with connection.cursor() as cursor:
            for schema in schemas:
                cursor.execute(
                    "SELECT to_regclass(%s) IS NOT NULL", [f'"{schema}".django_migrations']
                )
                if not cursor.fetchone()[0]:
                    pending.append(schema)
                    continue
                # schema names come from the tenants table, validated at creation
                cursor.execute(f'SELECT app, name FROM "{schema}".django_migrations')  # noqa: S608
                if not required.issubset({tuple(row) for row in cursor.fetchall()}):
                    pending.append(schema)
    finally:
        tenancy.activate_public()
    return pending


class SkipUpToDateExecutor(MigrationExecutor):
    codename = "skip-up-to-date"

    def __init__(self, inner: type[MigrationExecutor], args: Any, options: dict[str, Any]) -> None:
        super().__init__(args, options)
        self.inner = inner(args, options)

    def run_migrations(self, tenants: Any = None) -> None:
        schemas = list(tenants or [])
        if self._is_tenant_pass(schemas):
            template = settings.TENANT_TEMPLATE_SCHEMA
            if template not in schemas and schema_exists(template):
                schemas.append(template)
        if not any(self.options.get(option) for option in _EXPLICIT_OPTIONS):
            total = len(schemas)
            schemas = schemas_with_pending_migrations(schemas)
            if int(self.options.get("verbosity", 1)) >= 1 and total != len(schemas):
                self.inner_stdout(
                    f"{total - len(schemas)} of {total} schema(s) up to date, skipped"
                )
        if schemas:
            self.inner.run_migrations(tenants=schemas)

    def run_multi_type_migrations(self, tenants: Any) -> None:
        self.inner.run_multi_type_migrations(tenants)

    def _is_tenant_pass(self, schemas: list[str]) -> bool:
        return not self.options.get("schema_name") and get_public_schema_name() not in schemas

    @staticmethod
    def inner_stdout(message: str) -> None:
        print(message)


def get_executor(codename: str | None = None) -> Any:
    return partial(SkipUpToDateExecutor, tenants_get_executor(codename=codename))
