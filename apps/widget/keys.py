"""Where HTTP requests carry a widget key: the `X-Aisle-Widget-Key` header, or `widget_key` in
a JSON body (lets a page post without a CORS preflight for a custom header)."""

from __future__ import annotations

from django.http import HttpRequest
from django.http.request import RawPostDataException

from apps.core.jsonsafe import json_loads_untrusted

WIDGET_KEY_HEADER = "X-Aisle-Widget-Key"
_MAX_BODY_PEEK = 64 * 1024


def request_widget_key(request: HttpRequest) -> str | None:
    header = request.headers.get(WIDGET_KEY_HEADER, "").strip()
    if header:
        return header
    if request.method != "POST" or request.content_type != "application/json":
        return None
    try:
        if int(request.META.get("CONTENT_LENGTH") or 0) > _MAX_BODY_PEEK:
            return None
        body = json_loads_untrusted(request.body or b"null")
    except (ValueError, RawPostDataException):
        return None
    key = body.get("widget_key") if isinstance(body, dict) else None
    return key if isinstance(key, str) else None
