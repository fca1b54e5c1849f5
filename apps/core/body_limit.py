"""How large a request's body may be, decided from its path and headers alone, before any of
the body is read (apps/core/daphne_server.py applies it inside daphne).

Each path prefix has its limit (settings.REQUEST_BODY_LIMITS: chat messages take kilobytes,
uploads the largest file), every other path settings.MAX_REQUEST_BODY_BYTES. A request with no
credential at all (no session cookie, no API key or widget key header) may send only
settings.ANONYMOUS_MAX_REQUEST_BYTES: past that it would be refused by the view anyway, so it
is answered 401 unread. Only the presence of a credential is checked here: whether it is valid
is for the view, which the database is reachable from.
"""

from __future__ import annotations

import json
from collections.abc import Container, Mapping
from dataclasses import dataclass
from urllib.parse import unquote

from django.conf import settings
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class BodyLimit:
    """The most bytes a body may have, and the answer for one that has more."""

    max_bytes: int
    status: int
    code: str
    detail: str

    def response(self) -> bytes:
        """The whole HTTP answer, the API's JSON error shape; it closes the connection, since
        the rest of the body is never read."""
        body = json.dumps({"code": self.code, "detail": self.detail}).encode()
        reason = b"Unauthorized" if self.status == 401 else b"Content Too Large"
        head = [
            b"HTTP/1.1 %d %s" % (self.status, reason),
            b"Content-Type: application/json",
            b"Content-Length: %d" % len(body),
            b"Connection: close",
        ]
        if self.status == 401:
            head.append(b"WWW-Authenticate: Bearer")
        return b"\r\n".join(head) + b"\r\n\r\n" + body


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


@dataclass(frozen=True)
class BodyLimits:
    default_bytes: int
    anonymous_bytes: int
    by_prefix: Mapping[str, int]
    credential_headers: tuple[bytes, ...]
    session_cookie: bytes

    @classmethod
    def from_settings(cls) -> BodyLimits:
        return cls(
            default_bytes=settings.MAX_REQUEST_BODY_BYTES,
            anonymous_bytes=settings.ANONYMOUS_MAX_REQUEST_BYTES,
            by_prefix=settings.REQUEST_BODY_LIMITS,
            credential_headers=tuple(
                name.lower().encode() for name in settings.REQUEST_CREDENTIAL_HEADERS
            ),
            session_cookie=settings.SESSION_COOKIE_NAME.encode(),
        )

    def carries_credentials(self, *, headers: Container[bytes], cookies: Container[bytes]) -> bool:
        """`headers`: the request's header names, lower-case."""
        return self.session_cookie in cookies or any(h in headers for h in self.credential_headers)

    def for_request(self, *, raw_path: bytes, credentials: bool) -> BodyLimit:
        """The limit for a request to `raw_path` (as on the request line, query included)."""
        path = unquote(raw_path.split(b"?", 1)[0].decode("latin-1"))
        prefixes = [prefix for prefix in self.by_prefix if path.startswith(prefix)]
        max_bytes = self.by_prefix[max(prefixes, key=len)] if prefixes else self.default_bytes
        if not credentials and max_bytes > self.anonymous_bytes:
            return BodyLimit(
                max_bytes=self.anonymous_bytes,
                status=401,
                code="not_authenticated",
                detail=_("Sign in or send an API key to send more than %(size)s.")
                % {"size": _size(self.anonymous_bytes)},
            )
        return BodyLimit(
            max_bytes=max_bytes,
            status=413,
            code="request_too_large",
            detail=_("The request is larger than %(size)s.") % {"size": _size(max_bytes)},
        )
