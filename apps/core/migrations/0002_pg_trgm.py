from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm (trigram similarity) for typo-tolerant product search, next to pgvector."""

    dependencies = [("core", "0001_extensions")]

    operations = [
        migrations.RunSQL(
            sql="CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA extensions",
            reverse_sql=migrations.RunSQL.noop,
        )
    ]
