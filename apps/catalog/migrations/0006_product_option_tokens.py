import django.contrib.postgres.fields
import django.contrib.postgres.indexes
from django.apps.registry import Apps
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from apps.catalog.options import option_tokens

BATCH = 1000


def backfill(apps: Apps, schema_editor: BaseDatabaseSchemaEditor | None) -> None:
    """Existing products get the summary their variants imply, a batch at a time."""
    Product = apps.get_model("catalog", "Product")
    Variant = apps.get_model("catalog", "Variant")
    ids = list(Product.objects.order_by("id").values_list("id", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        values: dict[int, list[list[str]]] = {product_id: [] for product_id in batch}
        for product_id, pairs in Variant.objects.filter(product_id__in=batch).values_list(
            "product_id", "option_values"
        ):
            values[product_id].append(pairs)
        products = [
            Product(id=product_id, option_tokens=option_tokens(pairs))
            for product_id, pairs in values.items()
        ]
        Product.objects.bulk_update(products, fields=["option_tokens"])


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0005_orders"),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="option_tokens",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=255), blank=True, default=list, size=None
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="product",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["option_tokens"], name="product_option_tokens_gin"
            ),
        ),
    ]
