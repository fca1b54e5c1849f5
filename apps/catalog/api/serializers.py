from __future__ import annotations

from babel.numbers import list_currencies
from rest_framework import serializers

from apps.catalog.models import (
    Collection,
    Fulfilment,
    ImportJob,
    ImportRowError,
    Order,
    OrderLine,
    Product,
    Variant,
)


class VariantOutput(serializers.ModelSerializer[Variant]):
    class Meta:
        model = Variant
        fields = [
            "id",
            "sku",
            "title",
            "options",
            "price",
            "compare_at_price",
            "inventory_quantity",
            "available",
            "barcode",
            "image_url",
        ]


class ProductListOutput(serializers.ModelSerializer[Product]):
    image = serializers.SerializerMethodField()

    class Meta:
        model = Product
        fields = [
            "id",
            "title",
            "handle",
            "vendor",
            "product_type",
            "status",
            "url",
            "image",
            "min_price",
            "max_price",
            "currency",
            "available",
            "updated_at",
        ]

    def get_image(self, product: Product) -> str | None:
        return (product.images or [None])[0]


class ProductDocumentOutput(serializers.Serializer):
    """A knowledge source the product links to (spec sheet, manual) and its ingestion state."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    url = serializers.CharField(source="config.url")
    status = serializers.CharField()
    last_error = serializers.CharField()


class ProductDetailOutput(ProductListOutput):
    variants = VariantOutput(many=True)
    collections = serializers.SerializerMethodField()
    documents = ProductDocumentOutput(many=True)

    class Meta(ProductListOutput.Meta):
        fields = [
            *ProductListOutput.Meta.fields,
            "external_id",
            "description_html",
            "description_text",
            "tags",
            "images",
            "attributes",
            "collections",
            "variants",
            "documents",
            "archived_at",
        ]

    def get_collections(self, product: Product) -> list[str]:
        return [collection.title for collection in product.collections.all()]


class CollectionOutput(serializers.ModelSerializer[Collection]):
    product_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Collection
        fields = ["id", "title", "handle", "product_count"]


class FiltersInput(serializers.Serializer):
    min_price = serializers.DecimalField(max_digits=12, decimal_places=2, required=False)
    max_price = serializers.DecimalField(max_digits=12, decimal_places=2, required=False)
    in_stock = serializers.BooleanField(required=False, default=False)
    options = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), required=False, default=dict
    )
    collection = serializers.CharField(required=False)
    vendor = serializers.CharField(required=False)


class ProductSearchInput(serializers.Serializer):
    query = serializers.CharField(max_length=500, allow_blank=True)
    k = serializers.IntegerField(min_value=1, max_value=50, default=8)
    mode = serializers.ChoiceField(choices=["hybrid", "vector", "keyword"], default="hybrid")
    filters = FiltersInput(required=False)


class VariantCardOutput(serializers.Serializer):
    id = serializers.IntegerField()
    sku = serializers.CharField()
    options = serializers.DictField()
    price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    compare_at_price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    available = serializers.BooleanField()


class ProductCardOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    handle = serializers.CharField()
    url = serializers.CharField()
    image = serializers.CharField(allow_null=True)
    min_price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    max_price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    currency = serializers.CharField()
    available = serializers.BooleanField()
    score = serializers.FloatField()
    variant = VariantCardOutput(allow_null=True)


class UnderstoodOutput(serializers.Serializer):
    text = serializers.CharField()
    min_price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    max_price = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    colours = serializers.ListField(child=serializers.CharField())
    sizes = serializers.ListField(child=serializers.CharField())
    in_stock = serializers.BooleanField()


class ProductSearchOutput(serializers.Serializer):
    results = ProductCardOutput(many=True, source="cards")
    understood = UnderstoodOutput()
    took_ms = serializers.FloatField()


class ImportJobOutput(serializers.ModelSerializer[ImportJob]):
    summary = serializers.SerializerMethodField()

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "kind",
            "filename",
            "size",
            "format",
            "mapping",
            "preview",
            "status",
            "error",
            "currency",
            "archive_missing",
            "confirm_archive",
            "summary",
            "created_at",
            "updated_at",
            "finished_at",
        ]

    def get_summary(self, job: ImportJob) -> dict[str, int]:
        from apps.catalog.services.imports import import_summary

        return import_summary(job)


class ImportCreateInput(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=True)
    kind = serializers.ChoiceField(choices=ImportJob.Kind.choices, default=ImportJob.Kind.PRODUCTS)
    # Prices in the file are in this currency; the store's currency when not given.
    currency = serializers.ChoiceField(
        choices=sorted(list_currencies()), required=False, help_text="ISO 4217 code"
    )


class ImportMappingInput(serializers.Serializer):
    mapping = serializers.DictField(child=serializers.CharField())


class ImportRunInput(serializers.Serializer):
    archive_missing = serializers.BooleanField(default=False)
    confirm_archive = serializers.BooleanField(default=False)


class ImportRowErrorOutput(serializers.ModelSerializer[ImportRowError]):
    class Meta:
        model = ImportRowError
        fields = ["line", "column", "code", "message", "external_id"]


class OrderListOutput(serializers.ModelSerializer[Order]):
    class Meta:
        model = Order
        fields = [
            "id",
            "number",
            "customer_email",
            "customer_name",
            "status",
            "financial_status",
            "fulfilment_status",
            "total",
            "currency",
            "placed_at",
            "updated_at",
        ]


class OrderLineOutput(serializers.ModelSerializer[OrderLine]):
    class Meta:
        model = OrderLine
        fields = [
            "id",
            "product",
            "variant",
            "sku",
            "title",
            "variant_title",
            "quantity",
            "unit_price",
            "total",
        ]


class FulfilmentOutput(serializers.ModelSerializer[Fulfilment]):
    class Meta:
        model = Fulfilment
        fields = [
            "id",
            "carrier",
            "tracking_number",
            "tracking_url",
            "status",
            "shipped_at",
            "delivered_at",
        ]


class OrderDetailOutput(OrderListOutput):
    lines = OrderLineOutput(many=True)
    fulfilments = FulfilmentOutput(many=True)

    class Meta(OrderListOutput.Meta):
        fields = [
            *OrderListOutput.Meta.fields,
            "subtotal",
            "shipping",
            "tax",
            "cancelled_at",
            "created_at",
            "lines",
            "fulfilments",
        ]
