from __future__ import annotations

from rest_framework import serializers

from apps.core.api.schema import stored_json
from apps.knowledge.models import Document, FaqEntry, Source

# Outputs list `read_only_fields = fields`: every field is always present, so the schema marks
# them required (the admin site's types are generated from it).


class ProgressOutput(serializers.Serializer):
    documents_total = serializers.IntegerField()
    documents_done = serializers.IntegerField()
    documents_failed = serializers.IntegerField()
    chunks = serializers.IntegerField(source="chunk_count")


class SourceConfigOutput(serializers.Serializer):
    """Per kind: url `{url}`, website `{url, max_pages, use_sitemap}`, text `{text, format}`,
    faq `{}`; uploads keep what the file needs."""

    url = serializers.CharField(required=False)
    max_pages = serializers.IntegerField(required=False)
    use_sitemap = serializers.BooleanField(required=False)
    text = serializers.CharField(required=False)
    format = serializers.ChoiceField(choices=["markdown", "text"], required=False)


class SourceOutput(serializers.ModelSerializer[Source]):
    config = stored_json(SourceConfigOutput())
    progress = ProgressOutput(source="*", read_only=True)
    update_pending = serializers.BooleanField(
        read_only=True,
        help_text="The content was edited since the last sync read it; another sync follows.",
    )

    class Meta:
        model = Source
        fields = [
            "id",
            "kind",
            "name",
            "status",
            "update_pending",
            "schedule",
            "config",
            "progress",
            "last_synced_at",
            "next_sync_at",
            "last_error",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class SourceCreateInput(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=[Source.Kind.URL, Source.Kind.WEBSITE, Source.Kind.TEXT, Source.Kind.FAQ]
    )
    name = serializers.CharField(max_length=200)
    schedule = serializers.ChoiceField(choices=Source.Schedule.choices, default=Source.Schedule.OFF)
    config = serializers.DictField(default=dict)


class SourceUploadInput(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=True)
    name = serializers.CharField(max_length=200, required=False, default="")


class SourceUpdateInput(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False)
    schedule = serializers.ChoiceField(choices=Source.Schedule.choices, required=False)
    config = serializers.DictField(required=False)


class FoundOnOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class DocumentOutput(serializers.ModelSerializer[Document]):
    found_on = FoundOnOutput(allow_null=True, read_only=True)
    notes = stored_json(serializers.ListField(child=serializers.CharField()))
    url = serializers.SerializerMethodField()
    filename = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "title",
            "url",
            "filename",
            "content_type",
            "status",
            "error_code",
            "error_message",
            "notes",
            "chunk_count",
            "found_on",
            "synced_at",
        ]
        read_only_fields = fields

    def get_url(self, document: Document) -> str | None:
        return document.url or None

    def get_filename(self, document: Document) -> str | None:
        return document.filename or None


class FaqEntryOutput(serializers.ModelSerializer[FaqEntry]):
    class Meta:
        model = FaqEntry
        fields = ["id", "question", "answer", "updated_at"]
        read_only_fields = fields


class FaqEntryInput(serializers.Serializer):
    question = serializers.CharField(max_length=500)
    answer = serializers.CharField(max_length=20000)


class FaqEntryUpdateInput(serializers.Serializer):
    question = serializers.CharField(max_length=500, required=False)
    answer = serializers.CharField(max_length=20000, required=False)


class SearchInput(serializers.Serializer):
    query = serializers.CharField(max_length=1000)
    k = serializers.IntegerField(min_value=1, max_value=50, default=8)
    source_ids = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list
    )
    kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=Source.Kind.choices), required=False, default=list
    )
    mode = serializers.ChoiceField(choices=["hybrid", "vector", "keyword"], default="hybrid")


class CitationOutput(serializers.Serializer):
    document_id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField(allow_null=True)
    filename = serializers.CharField(allow_null=True)
    page = serializers.IntegerField(allow_null=True)
    section = serializers.CharField(allow_null=True)


class HitSourceOutput(serializers.Serializer):
    id = serializers.IntegerField(source="source_id")
    name = serializers.CharField(source="source_name")
    kind = serializers.ChoiceField(choices=Source.Kind.choices, source="source_kind")


class HitOutput(serializers.Serializer):
    chunk_id = serializers.IntegerField()
    text = serializers.CharField()
    score = serializers.FloatField()
    similarity = serializers.FloatField(
        allow_null=True,
        help_text="Cosine similarity of the passage to the query (-1..1); null in keyword mode.",
    )
    vector_rank = serializers.IntegerField(allow_null=True)
    keyword_rank = serializers.IntegerField(allow_null=True)
    citation = CitationOutput()
    source = HitSourceOutput(source="*")  # type: ignore[assignment]  # the API's field name
    looks_like_instructions = serializers.BooleanField()


class SearchOutput(serializers.Serializer):
    results = HitOutput(many=True, source="hits")
    took_ms = serializers.FloatField()


class LimitsOutput(serializers.Serializer):
    max_upload_bytes = serializers.IntegerField()
    allowed_extensions = serializers.ListField(child=serializers.CharField())


class SettingsOutput(serializers.Serializer):
    search_language = serializers.CharField()
    embedding_model = serializers.CharField()
    available_languages = serializers.ListField(child=serializers.CharField())
    available_models = serializers.ListField(child=serializers.CharField())
    reembedding = serializers.BooleanField()


class SettingsUpdateInput(serializers.Serializer):
    search_language = serializers.CharField(max_length=32, required=False)
    embedding_model = serializers.CharField(max_length=200, required=False)
