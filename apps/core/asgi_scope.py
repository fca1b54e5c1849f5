"""Reading an ASGI connection scope (HTTP or WebSocket) outside Django's request objects."""

from __future__ import annotations

from typing import Any


def scope_header(scope: dict[str, Any], name: bytes) -> str | None:
    """The first value of header `name` (lower-case bytes, as ASGI gives them), or None."""
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def scope_server_origin(scope: dict[str, Any]) -> str | None:
    """The http(s) origin the connection was addressed to (`ws://demo.localhost:8000/...` →
    `http://demo.localhost:8000`), from its scheme and Host header; None without a Host."""
    host = scope_header(scope, b"host")
    if not host:
        return None
    scheme = "https" if scope.get("scheme") in ("https", "wss") else "http"
    return f"{scheme}://{host}"
