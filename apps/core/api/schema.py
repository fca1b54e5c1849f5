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


_ERROR_SCHEMA = {
    "type": "object",
    "description": "Every error: a stable `code`, a human `detail`, the `field` when one input "
    "is at fault, and per-field `errors` for validation failures.",
    "properties": {
        "code": {"type": "string"},
        "detail": {"type": "string"},
        "field": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True},
    },
    "required": ["code", "detail"],
}
_ERROR_DESCRIPTIONS = {
    "400": "The input is invalid (see `code`, `field`).",
    "401": "No valid credentials (session or API key).",
    "403": "Signed in, but this role or key may not do this.",
    "404": "No such object in this store.",
    "409": "The request conflicts with the object's current state.",
    "413": "The body is larger than this endpoint accepts.",
    "429": "Too many requests; retry after the `Retry-After` header's seconds.",
}
_WRITES = {"post", "put", "patch", "delete"}


def _error_statuses(method: str, operation: dict[str, Any]) -> list[str]:
    parameters = operation.get("parameters", [])
    has_body = "requestBody" in operation
    statuses = ["401", "403", "429"]
    if has_body or any(p.get("in") == "query" for p in parameters):
        statuses.append("400")
    if any(p.get("in") == "path" for p in parameters):
        statuses.append("404")
    if method in _WRITES:
        statuses.append("409")
    if has_body:
        statuses.append("413")
    return sorted(statuses)


def error_responses_document(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: every operation documents the error responses it
    can give, in the one error shape, so clients and the SDK can rely on them. Responses an
    operation declares itself are kept."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = _ERROR_SCHEMA
    error_ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if method not in {"get", *_WRITES}:
                continue
            responses = operation.setdefault("responses", {})
            for status in _error_statuses(method, operation):
                responses.setdefault(
                    status, {"description": _ERROR_DESCRIPTIONS[status], "content": error_ref}
                )
    return result
