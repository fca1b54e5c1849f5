from apps.tenants.management.commands.migrate_schemas import Command as MigrateSchemas


class Command(MigrateSchemas):
    """`migrate` is `migrate_schemas` (pytest-django and deploy scripts call `migrate`)."""
