"""Origins as browsers send them: `scheme://host[:port]`, compared exactly after
normalisation (lower-case, default port dropped)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_normalize(value: str) -> str:
    """`https://Shop.Example.com:443` → `https://shop.example.com`; ValidationError for anything
    that is not a bare http(s) origin (paths, wildcards, credentials)."""
    text = value.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        raise ValidationError(_("%(value)s is not an origin.") % {"value": text}) from error
    if (
        parts.scheme not in _DEFAULT_PORTS
        or not parts.hostname
        or parts.username is not None
        or parts.password is not None
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or "*" in text
    ):
        raise ValidationError(
            _("%(value)s is not an origin like https://shop.example.com.") % {"value": text},
            code="invalid_origin",
        )
    host = parts.hostname.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is None or port == _DEFAULT_PORTS[parts.scheme]:
        return f"{parts.scheme}://{host}"
    return f"{parts.scheme}://{host}:{port}"


def origin_matches(*, origin: str | None, allowed: list[str]) -> bool:
    """A missing, malformed or `null` Origin never matches."""
    if not origin:
        return False
    try:
        return origin_normalize(origin) in allowed
    except ValidationError:
        return False


def request_origin(request: HttpRequest) -> str:
    """The origin a request was addressed to (`http://demo.localhost:8000`): Aisle's own."""
    return f"{request.scheme}://{request.get_host()}"


def ws_origin_for(origin: str) -> str:
    """The WebSocket origin of an HTTP(S) origin: the same host, `ws`/`wss` to match."""
    return "ws" + origin.removeprefix("http")
