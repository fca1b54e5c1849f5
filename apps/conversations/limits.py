"""What a chat message must pass before a generation starts, whatever the transport.

* Input: a non-empty text of at most CHAT_MAX_MESSAGE_CHARS characters with no control
  characters or unpaired surrogates; a session id of 8-64 URL-safe characters.
* Rate limits per shopper session, per client IP and per store (CHAT_RATE_PER_*), counted in
  Redis by the `limits` library (sliding window counters). All three are checked before any is
  counted, so a refused message costs nothing.
* Failed order lookups per session and per client IP (CHAT_ORDER_LOOKUP_FAILURES_PER_*), so
  order numbers and emails cannot be guessed through the assistant.
* One generation at a time per session: a Redis lock with a TTL (CHAT_GENERATION_LOCK_TTL_S),
  so a crashed process cannot wedge a session.

Functions here are synchronous (one or two Redis round trips); async callers run them in a
worker thread (`asgiref.sync.sync_to_async(..., thread_sensitive=False)`).
"""

from __future__ import annotations

import contextlib
import functools
import re
from typing import Any

import redis
from django.conf import settings
from django.utils.translation import gettext as _
from limits import RateLimitItem, parse
from limits.storage import RedisStorage
from limits.strategies import SlidingWindowCounterRateLimiter
from redis.exceptions import LockError, RedisError
from redis.lock import Lock

from apps.conversations.events import ErrorCode

_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
# C0 controls except tab, line feed and carriage return; DEL; C1 controls; non-characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class Refused(Exception):
    """A message that will not be answered, with the `error` event code the client gets."""

    def __init__(self, code: ErrorCode, detail: str) -> None:
        super().__init__(detail)
        self.code: ErrorCode = code
        self.detail = detail


def message_text_check(value: Any) -> str:
    """The message text, stripped; Refused(invalid | too_large) otherwise."""
    if not isinstance(value, str) or not value.strip():
        raise Refused("invalid", _("Write a message first."))
    text = value.strip()
    if len(text) > settings.CHAT_MAX_MESSAGE_CHARS:
        raise Refused(
            "too_large",
            _("Messages can be at most %(n)d characters.") % {"n": settings.CHAT_MAX_MESSAGE_CHARS},
        )
    if not text_is_clean(text):
        raise Refused("invalid", _("The message contains characters that are not text."))
    return text


def text_is_clean(text: str) -> bool:
    """No control characters and nothing PostgreSQL cannot store (NUL, unpaired surrogates)."""
    return not (_CONTROL.search(text) or _SURROGATE.search(text))


def session_id_check(value: Any) -> str:
    if not isinstance(value, str) or not _SESSION_ID.match(value):
        raise Refused("invalid", _("session_id must be 8-64 letters, digits, '-' or '_'."))
    return value


@functools.cache
def _pool() -> redis.ConnectionPool:
    return redis.ConnectionPool.from_url(settings.REDIS_URL)


@functools.cache
def _limiter() -> SlidingWindowCounterRateLimiter:
    storage = RedisStorage(
        settings.REDIS_URL, connection_pool=_pool(), key_prefix="aisle:chat-limits"
    )
    return SlidingWindowCounterRateLimiter(storage)


def _rate_limits(*, schema: str, session_id: str, ip: str) -> list[tuple[RateLimitItem, str]]:
    return [
        (parse(settings.CHAT_RATE_PER_SESSION), f"session:{schema}:{session_id}"),
        (parse(settings.CHAT_RATE_PER_IP), f"ip:{ip}"),
        (parse(settings.CHAT_RATE_PER_STORE), f"store:{schema}"),
    ]


class GenerationLock:
    """Held while one of the session's replies is generated; `release()` is idempotent."""

    def __init__(self, lock: Lock) -> None:
        self._lock: Lock | None = lock

    def release(self) -> None:
        lock, self._lock = self._lock, None
        if lock is None:
            return
        # Expired meanwhile (TTL) or Redis gone: the TTL frees it either way.
        with contextlib.suppress(LockError, RedisError):
            lock.release()


def turn_admit(*, tenant: Any, session_id: str, ip: str) -> GenerationLock:
    """Take the session's generation lock and count the message against the rate limits.
    Raises Refused(busy | rate_limited | unavailable)."""
    schema = tenant.schema_name
    try:
        lock = Lock(
            redis.Redis(connection_pool=_pool()),
            f"aisle:chat-generating:{schema}:{session_id}",
            timeout=settings.CHAT_GENERATION_LOCK_TTL_S,
            blocking=False,
            thread_local=False,  # acquired and released on different threads
        )
        if not lock.acquire():
            raise Refused("busy", _("Wait for the current answer to finish, or stop it."))
        held = GenerationLock(lock)
        try:
            limits = _rate_limits(schema=schema, session_id=session_id, ip=ip)
            limiter = _limiter()
            if not all(limiter.test(item, key) for item, key in limits):
                raise Refused("rate_limited", _("Too many messages. Wait a minute and try again."))
            for item, key in limits:
                limiter.hit(item, key)
        except BaseException:
            held.release()
            raise
    except RedisError as error:
        raise Refused("unavailable", _("The assistant is unavailable. Try again soon.")) from error
    return held


def _order_lookup_limits(
    *, schema: str, session_id: str, ip: str
) -> list[tuple[RateLimitItem, str]]:
    return [
        (
            parse(settings.CHAT_ORDER_LOOKUP_FAILURES_PER_SESSION),
            f"order-lookup:session:{schema}:{session_id}",
        ),
        (parse(settings.CHAT_ORDER_LOOKUP_FAILURES_PER_IP), f"order-lookup:ip:{ip}"),
    ]


def order_lookup_allowed(*, tenant: Any, session_id: str, ip: str) -> bool:
    """Whether the shopper may try another order lookup. False (refused) when Redis is down:
    an unlimited lookup would let numbers and emails be guessed."""
    limits = _order_lookup_limits(schema=tenant.schema_name, session_id=session_id, ip=ip)
    try:
        return all(_limiter().test(item, key) for item, key in limits)
    except RedisError:
        return False


def order_lookup_failed(*, tenant: Any, session_id: str, ip: str) -> None:
    """Count a lookup that found no order against the session and the IP."""
    limits = _order_lookup_limits(schema=tenant.schema_name, session_id=session_id, ip=ip)
    with contextlib.suppress(RedisError):
        for item, key in limits:
            _limiter().hit(item, key)
