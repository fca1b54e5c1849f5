"""Catalog (tenant schema): products with their variants and collections, the store's orders
with their lines and fulfilments, where they came from, and the imports that wrote them.

A product is searchable like a knowledge chunk: an embedding of its text (same model) and a
weighted full-text vector; variants carry the structured facts shoppers filter on (price,
options, stock), summarised on the product (price range, availability) for fast filtering.
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from pgvector.django import HnswIndex, VectorField

from apps.core.search.embeddings import EMBEDDING_DIMENSIONS
from apps.core.search.hybrid import HNSW_EF_CONSTRUCTION, HNSW_M


class ProductSource(models.Model):
    class Kind(models.TextChoices):
        FILE = "file", "File import"
        SHOPIFY = "shopify", "Shopify"
        WOOCOMMERCE = "woocommerce", "WooCommerce"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "name"], name="one_source_per_name")]

    def __str__(self) -> str:
        return self.name


class Collection(models.Model):
    title = models.CharField(max_length=255, unique=True)
    handle = models.SlugField(max_length=255, unique=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Product(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active"
        DRAFT = "draft"
        ARCHIVED = "archived"

    source = models.ForeignKey(ProductSource, on_delete=models.PROTECT, related_name="products")
    external_id = models.CharField(max_length=255)
    handle = models.CharField(max_length=255, db_index=True)
    title = models.CharField(max_length=500)
    description_html = models.TextField(blank=True)
    description_text = models.TextField(blank=True)
    vendor = models.CharField(max_length=255, blank=True, db_index=True)
    product_type = models.CharField(max_length=255, blank=True)
    tags = ArrayField(models.CharField(max_length=255), default=list, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    url = models.URLField(max_length=2000, blank=True)
    images = models.JSONField(default=list, blank=True)
    attributes = models.JSONField(default=dict, blank=True)
    collections = models.ManyToManyField(Collection, related_name="products", blank=True)
    # Spec sheets, manuals: PDFs the product's data links to, ingested as knowledge sources.
    documents = models.ManyToManyField("knowledge.Source", related_name="products", blank=True)
    # Summaries of the variants, kept in step by the upsert service.
    min_price = models.DecimalField(max_digits=12, decimal_places=2, null=True, db_index=True)
    max_price = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    currency = models.CharField(max_length=3, default="USD")
    available = models.BooleanField(default=True, db_index=True)
    # The variants' options as tokens for search filters (apps/catalog/options.py).
    option_tokens = ArrayField(models.CharField(max_length=255), default=list, blank=True)
    checksum = models.CharField(max_length=64, blank=True)
    embedding = VectorField(dimensions=EMBEDDING_DIMENSIONS, null=True)
    embedding_model = models.CharField(max_length=200, blank=True)
    search_vector = SearchVectorField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["title", "id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "external_id"], name="one_product_per_id")
        ]
        indexes = [
            HnswIndex(
                name="product_embedding_hnsw",
                fields=["embedding"],
                m=HNSW_M,
                ef_construction=HNSW_EF_CONSTRUCTION,
                opclasses=["vector_cosine_ops"],
            ),
            GinIndex(fields=["search_vector"], name="product_search_gin"),
            GinIndex(fields=["option_tokens"], name="product_option_tokens_gin"),
            # Typo-tolerant title matching ("hedlamp") with pg_trgm.
            GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name="product_title_trgm"),
        ]

    def __str__(self) -> str:
        return self.title


class Variant(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants")
    position = models.PositiveIntegerField(default=0)
    external_id = models.CharField(max_length=255, blank=True)
    sku = models.CharField(max_length=255, blank=True, db_index=True)
    title = models.CharField(max_length=500, blank=True)
    options = models.JSONField(default=dict, blank=True)
    # "size:m", "color:red": lower-cased name:value pairs, GIN-indexed for option filters.
    option_values = ArrayField(models.CharField(max_length=255), default=list, blank=True)
    price = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    compare_at_price = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    inventory_quantity = models.IntegerField(null=True, blank=True)
    available = models.BooleanField(default=True)
    barcode = models.CharField(max_length=64, blank=True)
    image_url = models.URLField(max_length=2000, blank=True)

    class Meta:
        ordering = ["product_id", "position", "id"]
        indexes = [
            GinIndex(fields=["option_values"], name="variant_options_gin"),
            # SKU lookups with ILIKE ("%do-jkt-001%" finds DO-JKT-001-M-RED).
            GinIndex(fields=["sku"], opclasses=["gin_trgm_ops"], name="variant_sku_trgm"),
        ]

    def __str__(self) -> str:
        return self.sku or self.title


class Order(models.Model):
    """A customer's order. The number is unique in the store: it is what a shopper quotes to
    the assistant, so it must name one order whichever connection reported it."""

    class Status(models.TextChoices):
        OPEN = "open"
        CLOSED = "closed"
        CANCELLED = "cancelled"

    class FinancialStatus(models.TextChoices):
        PENDING = "pending"
        AUTHORIZED = "authorized"
        PARTIALLY_PAID = "partially_paid"
        PAID = "paid"
        PARTIALLY_REFUNDED = "partially_refunded"
        REFUNDED = "refunded"
        VOIDED = "voided"

    class FulfilmentStatus(models.TextChoices):
        UNFULFILLED = "unfulfilled"
        PARTIAL = "partial"
        FULFILLED = "fulfilled"
        RESTOCKED = "restocked"

    source = models.ForeignKey(ProductSource, on_delete=models.PROTECT, related_name="orders")
    number = models.CharField(max_length=64, unique=True)
    # Personal data (README: personal data inventory). Stored trimmed and lower-cased.
    customer_email = models.CharField(max_length=254, blank=True, db_index=True)
    customer_name = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    financial_status = models.CharField(
        max_length=24, choices=FinancialStatus.choices, default=FinancialStatus.PENDING
    )
    fulfilment_status = models.CharField(
        max_length=16, choices=FulfilmentStatus.choices, default=FulfilmentStatus.UNFULFILLED
    )
    subtotal = models.DecimalField(max_digits=12, decimal_places=2)
    shipping = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    tax = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    total = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3)
    # Unknown for a store whose export has no dates: then none is shown or invented.
    placed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    checksum = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [models.F("placed_at").desc(nulls_last=True), "-id"]

    def __str__(self) -> str:
        return self.number


class OrderLine(models.Model):
    """What was bought. SKU and titles are copied from the file so the line outlives the
    product; the product and variant links are resolved by SKU when the order is written."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField(default=0)
    product = models.ForeignKey(
        Product, on_delete=models.SET_NULL, null=True, blank=True, related_name="order_lines"
    )
    variant = models.ForeignKey(
        Variant, on_delete=models.SET_NULL, null=True, blank=True, related_name="order_lines"
    )
    sku = models.CharField(max_length=255, blank=True)
    title = models.CharField(max_length=500, blank=True)
    variant_title = models.CharField(max_length=500, blank=True)
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(max_digits=12, decimal_places=2)
    total = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["order_id", "position", "id"]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.title or self.sku}"


class Fulfilment(models.Model):
    """A parcel on its way: carrier, tracking and where the carrier last saw it."""

    class Status(models.TextChoices):
        SHIPPED = "shipped"  # handed over; the carrier has reported nothing more
        LABEL_CREATED = "label_created"
        IN_TRANSIT = "in_transit"
        OUT_FOR_DELIVERY = "out_for_delivery"
        READY_FOR_PICKUP = "ready_for_pickup"
        DELIVERED = "delivered"
        EXCEPTION = "exception"
        CANCELLED = "cancelled"

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="fulfilments")
    position = models.PositiveIntegerField(default=0)
    carrier = models.CharField(max_length=255, blank=True)
    tracking_number = models.CharField(max_length=255, blank=True)
    tracking_url = models.URLField(max_length=2000, blank=True)
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.SHIPPED)
    shipped_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["order_id", "position", "id"]

    def __str__(self) -> str:
        return f"{self.carrier} {self.tracking_number}".strip()


class ImportJob(models.Model):
    """One uploaded file going through preview → validate → run → summary."""

    class Kind(models.TextChoices):
        PRODUCTS = "products"
        ORDERS = "orders"

    class Status(models.TextChoices):
        UPLOADED = "uploaded"  # preview available; waiting for validation
        VALIDATING = "validating"
        VALIDATED = "validated"  # report available; waiting for the merchant to run it
        RUNNING = "running"
        COMPLETED = "completed"
        FAILED = "failed"

    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PRODUCTS)
    source = models.ForeignKey(ProductSource, on_delete=models.PROTECT, related_name="imports")
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    currency = models.CharField(max_length=3, default="USD")  # prices in the file
    format = models.CharField(max_length=16, blank=True)
    mapping = models.JSONField(default=dict, blank=True)
    # order imports: the store's own status words → Aisle's statuses (see status_words.py)
    status_words = models.JSONField(default=dict, blank=True)
    preview = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.UPLOADED)
    error = models.TextField(blank=True)
    archive_missing = models.BooleanField(default=False)
    confirm_archive = models.BooleanField(default=False)
    # Progress and summary.
    items_seen = models.PositiveIntegerField(default=0)
    items_valid = models.PositiveIntegerField(default=0)
    items_failed = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    archived = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.filename


class ImportFileChunk(models.Model):
    """The uploaded file, in 1 MB pieces: processes are stateless and the worker streams it."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="chunks")
    index = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        ordering = ["job_id", "index"]
        constraints = [models.UniqueConstraint(fields=["job", "index"], name="one_piece_per_index")]

    def __str__(self) -> str:
        return f"{self.job_id}:{self.index}"


class ImportRowError(models.Model):
    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="row_errors")
    line = models.PositiveIntegerField()
    column = models.CharField(max_length=255, blank=True)
    code = models.CharField(max_length=40)
    message = models.TextField()
    external_id = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["job_id", "line", "id"]

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class ProductTerm(models.Model):
    """BM25 term statistics of the active products' search vectors
    (apps/core/search/term_statistics.py): one row per lexeme, and the totals under the empty
    lexeme."""

    lexeme = models.TextField(primary_key=True)
    documents = models.BigIntegerField()
    occurrences = models.BigIntegerField()

    class Meta:
        db_table = "catalog_product_terms"

    def __str__(self) -> str:
        return self.lexeme
