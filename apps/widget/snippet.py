"""The install snippet: the one tag a merchant pastes into the storefront."""

from __future__ import annotations

from django.utils.html import format_html


def install_snippet(*, api_origin: str, key: str) -> str:
    """`api_origin` is where the page loads the widget from (`https://aisle.example`); the
    loader talks to the same origin."""
    return str(
        format_html('<script async src="{}/widget.js" data-key="{}"></script>', api_origin, key)
    )
