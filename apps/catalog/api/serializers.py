from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.catalog.cards import ProductCardFields
from apps.catalog.importing.products.records import FORMATS
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
from apps.core.api.schema import stored_json
from apps.knowledge.models import Source
from apps.tenants.validation import currency_validate

# Outputs below list `read_only_fields = fields`: every field is always present, so the schema
# marks them required (the admin site's types are generated from it).


def _string_map(**kwargs: Any) -> serializers.JSONField:
    return stored_json(serializers.DictField(child=serializers.CharField()), **kwargs)


def _string_list(**kwargs: Any) -> serializers.JSONField:
    return stored_json(serializers.ListField(child=serializers.CharField()), **kwargs)


class VariantOutput(serializers.ModelSerializer[Variant]):
    options = _string_map(help_text='Option name → value, in file order: {"Size": "M"}.')
    image_url = serializers.CharField(read_only=True)

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
        read_only_fields = fields


class ProductListOutput(serializers.ModelSerializer[Product]):
    url = serializers.CharField(read_only=True)
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
        read_only_fields = fields

    def get_image(self, product: Product) -> str | None:
        return (product.images or [None])[0]


class ProductDocumentOutput(serializers.Serializer):
    """A knowledge source the product links to (spec sheet, manual) and its ingestion state."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    url = serializers.CharField(source="config.url")
    status = serializers.ChoiceField(choices=Source.Status.choices)
    last_error = serializers.CharField()


class ProductDetailOutput(ProductListOutput):
    images = _string_list()
    attributes = _string_map()
    variants = VariantOutput(many=True, read_only=True)
    collections = serializers.SerializerMethodField()
    documents = ProductDocumentOutput(many=True, read_only=True)

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
        read_only_fields = fields

    def get_collections(self, product: Product) -> list[str]:
        return [collection.title for collection in product.collections.all()]


class CollectionOutput(serializers.ModelSerializer[Collection]):
    product_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Collection
        fields = ["id", "title", "handle", "product_count"]
        read_only_fields = fields


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


class ProductCardOutput(ProductCardFields):
    score = serializers.FloatField()
    similarity = serializers.FloatField(
        allow_null=True,
        help_text="Cosine similarity of the product to the query (-1..1); null in keyword mode.",
    )


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


class StatusWordTargetsInput(serializers.Serializer):
    """What one of the store's status words means in Aisle: any of the three statuses."""

    status = serializers.ChoiceField(choices=Order.Status.choices, required=False)
    financial_status = serializers.ChoiceField(
        choices=Order.FinancialStatus.choices, required=False
    )
    fulfilment_status = serializers.ChoiceField(
        choices=Order.FulfilmentStatus.choices, required=False
    )


class StatusWordFoundOutput(serializers.Serializer):
    word = serializers.CharField()
    column = serializers.CharField(help_text="The status field the word was found in.")
    count = serializers.IntegerField()
    maps_to = StatusWordTargetsInput(
        allow_null=True, help_text="null: neither mapped nor a built-in word; it must be mapped."
    )


class ImportStatusWordsInput(serializers.Serializer):
    status_words = serializers.DictField(
        child=StatusWordTargetsInput(),
        help_text='The store\'s word → Aisle statuses: {"processed": {"fulfilment_status": '
        '"fulfilled"}}. Replaces the import\'s previous status words.',
    )


class ImportPreviewOutput(serializers.Serializer):
    format = serializers.ChoiceField(choices=FORMATS)
    columns = serializers.ListField(child=serializers.CharField())
    mapping = serializers.DictField(child=serializers.CharField())
    required_missing = serializers.ListField(
        child=serializers.CharField(), help_text="Required target fields without a column."
    )
    sample = serializers.ListField(
        child=serializers.DictField(),
        help_text="The first rows, column → cell, verbatim: strings from CSV/XLSX, any JSON "
        "value from a JSON file.",
    )
    row_estimate = serializers.IntegerField(allow_null=True)
    notes = serializers.ListField(child=serializers.CharField())
    status_words = StatusWordFoundOutput(
        many=True,
        required=False,
        help_text="Order imports: the status words of the file, most frequent first.",
    )


class ImportSummaryOutput(serializers.Serializer):
    items_seen = serializers.IntegerField()
    items_valid = serializers.IntegerField()
    items_failed = serializers.IntegerField()
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    archived = serializers.IntegerField()


class ImportJobOutput(serializers.ModelSerializer[ImportJob]):
    format = serializers.ChoiceField(
        choices=FORMATS, read_only=True, help_text="Read on upload, with the preview."
    )
    mapping = _string_map(help_text='Target field → column; "option:<Name>" is a variant option.')
    status_words = stored_json(
        serializers.DictField(child=StatusWordTargetsInput()),
        help_text="Order imports: the store's own status words → Aisle's statuses.",
    )
    preview = stored_json(
        ImportPreviewOutput(),
        help_text="Empty once a finished job's file is purged (see IMPORT_FILE_RETENTION_DAYS).",
    )
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
            "status_words",
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
        read_only_fields = fields

    @extend_schema_field(ImportSummaryOutput)
    def get_summary(self, job: ImportJob) -> dict[str, int]:
        from apps.catalog.services.runs import run_summary

        return run_summary(job)


class ImportCreateInput(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=True)
    kind = serializers.ChoiceField(choices=ImportJob.Kind.choices, default=ImportJob.Kind.PRODUCTS)
    # Prices in the file are in this currency; the store's currency when not given.
    # A pattern, not an enum of Babel's codes: the API schema must not change with Babel's data.
    currency = serializers.RegexField(
        r"^[A-Z]{3}$", required=False, help_text="ISO 4217 code, e.g. USD"
    )

    def validate_currency(self, value: str) -> str:
        try:
            return currency_validate(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages[0], code="invalid_currency") from exc


class ImportMappingInput(serializers.Serializer):
    mapping = serializers.DictField(child=serializers.CharField())


class ImportRunInput(serializers.Serializer):
    archive_missing = serializers.BooleanField(default=False)
    confirm_archive = serializers.BooleanField(default=False)


class ImportRowErrorOutput(serializers.ModelSerializer[ImportRowError]):
    class Meta:
        model = ImportRowError
        fields = ["line", "column", "code", "message", "external_id"]
        read_only_fields = fields


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
        read_only_fields = fields


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
        read_only_fields = fields


class FulfilmentOutput(serializers.ModelSerializer[Fulfilment]):
    tracking_url = serializers.CharField(read_only=True)

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
        read_only_fields = fields


class OrderDetailOutput(OrderListOutput):
    lines = OrderLineOutput(many=True, read_only=True)
    fulfilments = FulfilmentOutput(many=True, read_only=True)

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
        read_only_fields = fields
