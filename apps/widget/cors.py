"""CORS for what the widget calls from storefront pages: the chat endpoints (`/api/v1/chat/`)
and its public config (`/api/v1/widget/config/<key>/`).

Preflights are answered for any origin: they carry no key, and the real request is checked
(widget key + the store's allowed origins: apps.conversations.transport.auth, the config view). Real
responses get `Access-Control-Allow-Origin` only when that check passed. No cookies are
involved."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from apps.widget.keys import WIDGET_KEY_HEADER

WIDGET_PATH_PREFIXES = ("/api/v1/chat/", "/api/v1/widget/config/")


class WidgetCorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(WIDGET_PATH_PREFIXES):
            return self.get_response(request)
        origin = request.headers.get("Origin")
        if (
            request.method == "OPTIONS"
            and origin
            and "Access-Control-Request-Method" in request.headers
        ):
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Methods"] = "GET, POST"
            response["Access-Control-Allow-Headers"] = f"Content-Type, Accept, {WIDGET_KEY_HEADER}"
            response["Access-Control-Max-Age"] = "600"
            response["Vary"] = "Origin"
            return response
        response = self.get_response(request)
        allowed = getattr(request, "widget_origin", None)
        if allowed:
            response["Access-Control-Allow-Origin"] = allowed
            response["Vary"] = "Origin"
        return response
