from django.db import migrations


class Migration(migrations.Migration):
    """pgvector lives in its own `extensions` schema, which is on every search path
    (settings.PG_EXTRA_SEARCH_PATHS), so every tenant schema can use the `vector` type."""

    initial = True
    dependencies: list[tuple[str, str]] = []

    operations = [
        migrations.RunSQL(
            sql=[
                "CREATE SCHEMA IF NOT EXISTS extensions",
                "GRANT USAGE ON SCHEMA extensions TO PUBLIC",
                "CREATE EXTENSION IF NOT EXISTS vector SCHEMA extensions",
            ],
            reverse_sql=migrations.RunSQL.noop,
        )
    ]
