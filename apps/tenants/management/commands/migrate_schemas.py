"""django-tenants' migrate_schemas, plus: after a full run, the tenant template schema exists
(new stores are cloned from it). Up-to-date schemas are skipped by the executor."""

from typing import Any

from django_tenants.management.commands.migrate_schemas import MigrateSchemasCommand

from apps.tenants.provisioning import template_schema_ensure


class Command(MigrateSchemasCommand):
    def handle(self, *args: Any, **options: Any) -> None:
        super().handle(*args, **options)
        full_tenant_run = self.sync_tenant and not options.get("schema_name")
        if (
            full_tenant_run
            and not options.get("migration_name")
            and template_schema_ensure(verbosity=int(options.get("verbosity", 1)))
        ):
            self.stdout.write("Created the tenant template schema.")
