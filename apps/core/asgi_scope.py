"""Reading an ASGI connection scope (HTTP or WebSocket) outside Django's request objects."""

from __future__ import annotations

from typing import Any


def scope_header(scope: dict[str, Any], name: bytes) -> str | None:
    """The first value of header `name` (lower-case bytes, as ASGI gives them), or None."""
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None
