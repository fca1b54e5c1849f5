"""Structured logs: every record carries the request id and tenant of the work it belongs to.

The context lives in contextvars, so it follows a request through sync and async code; it is
reset per request and per Dramatiq message.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
_tenant: ContextVar[str | None] = ContextVar("tenant", default=None)


def bind_request_id(request_id: str | None) -> None:
    _request_id.set(request_id)


def bind_tenant(slug: str | None) -> None:
    _tenant.set(slug)


def current_request_id() -> str | None:
    return _request_id.get()


class ContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        record.tenant = _tenant.get()
        return True
