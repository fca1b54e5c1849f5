"""OpenAPI descriptions for output fields whose values the schema can't infer."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


def stored_json(
    described_as: serializers.Field | serializers.BaseSerializer[Any], **kwargs: Any
) -> serializers.JSONField:
    """A read-only JSON value sent exactly as stored (a model's JSONField, a dict built by a
    service), described in the schema as `described_as`. Serialising it through
    `described_as` instead would reshape or coerce values the API has always sent verbatim."""
    described = extend_schema_field(described_as)(
        type("StoredJSONField", (serializers.JSONField,), {})
    )
    return described(read_only=True, **kwargs)
