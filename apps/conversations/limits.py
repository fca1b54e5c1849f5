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

Admitting a turn (lock, three tests, three hits) is two pipelined round trips, not seven: every
chat turn pays it. Functions here are synchronous; async callers run them in a worker thread
(`asgiref.sync.sync_to_async(..., thread_sensitive=False)`).
"""

from __future__ import annotations

import contextlib
import functools
import re
import secrets
from typing import Any

import redis
from django.conf import settings
from django.utils.translation import gettext as _
from limits import RateLimitItem, parse
from limits.storage import RedisStorage
from limits.strategies import SlidingWindowCounterRateLimiter
from redis.exceptions import RedisError

from apps.conversations.pipeline.events import ErrorCode
from apps.tenants.models import Tenant

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


def _client() -> redis.Redis:
    return redis.Redis(connection_pool=_pool())


@functools.cache
def _storage() -> RedisStorage:
    return RedisStorage(settings.REDIS_URL, connection_pool=_pool(), key_prefix="aisle:chat-limits")


@functools.cache
def _limiter() -> SlidingWindowCounterRateLimiter:
    return SlidingWindowCounterRateLimiter(_storage())


def _rate_limits(*, schema: str, session_id: str, ip: str) -> list[tuple[RateLimitItem, str]]:
    return [
        (parse(settings.CHAT_RATE_PER_SESSION), f"session:{schema}:{session_id}"),
        (parse(settings.CHAT_RATE_PER_IP), f"ip:{ip}"),
        (parse(settings.CHAT_RATE_PER_STORE), f"store:{schema}"),
    ]


class GenerationLock:
    """Held while one of the session's replies is generated; `release()` is idempotent.
    Taken with a plain `SET NX PX` inside turn_admit's pipeline (redis-py's Lock takes its own
    round trip), released only by its holder (compare and delete, as redis-py's Lock does)."""

    _RELEASE = (
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end"
        " return 0"
    )

    def __init__(self, name: str, token: str) -> None:
        self.name = name
        self._token: str | None = token

    def release(self) -> None:
        token, self._token = self._token, None
        if token is None:
            return
        # Expired meanwhile (TTL) or Redis gone: the TTL frees it either way.
        with contextlib.suppress(RedisError):
            _release_script()(keys=[self.name], args=[token])


@functools.cache
def _release_script() -> Any:
    return _client().register_script(GenerationLock._RELEASE)


def _window_keys(item: RateLimitItem, key: str) -> list[str]:
    """The sliding window counter's two Redis keys (previous and current window), named as
    the `limits` storage names them, so its own scripts can run in our pipelines."""
    storage, limit_key = _storage(), item.key_for(key)
    return [
        storage.prefixed_key(storage._previous_window_key(limit_key)),
        storage.prefixed_key(storage._current_window_key(limit_key)),
    ]


def _window_allows(item: RateLimitItem, window: list[Any]) -> bool:
    """The `limits` sliding window counter's test, on its script's raw answer
    (previous count, previous TTL in ms, current count, current TTL in ms)."""
    previous_count, previous_ttl_ms, current_count = (float(v or 0) for v in window[:3])
    previous_left_s = max(0.0, previous_ttl_ms) / 1000
    weighted = previous_count * previous_left_s / item.get_expiry() + current_count
    return weighted < item.amount


def turn_admit(*, tenant: Tenant, session_id: str, ip: str) -> GenerationLock:
    """Take the session's generation lock and count the message against the rate limits.
    Raises Refused(busy | rate_limited | unavailable).

    Round trip 1 takes the lock and reads the three windows; round trip 2 counts the message
    in all three (the `limits` scripts, which also refuse past the limit), only when the lock
    was free and every window allowed it, so a refused message costs nothing."""
    schema = tenant.schema_name
    storage = _storage()
    token = secrets.token_hex(16)
    lock = GenerationLock(f"aisle:chat-generating:{schema}:{session_id}", token)
    limits = [
        (item, _window_keys(item, key))
        for item, key in _rate_limits(schema=schema, session_id=session_id, ip=ip)
    ]
    try:
        client = _client()
        pipe = client.pipeline(transaction=False)
        pipe.set(lock.name, token, nx=True, px=settings.CHAT_GENERATION_LOCK_TTL_S * 1000)
        for item, keys in limits:
            storage.lua_sliding_window(keys=keys, args=[item.get_expiry()], client=pipe)
        acquired, *windows = pipe.execute()
        if not acquired:
            raise Refused("busy", _("Wait for the current answer to finish, or stop it."))
        try:
            if not all(
                _window_allows(item, w) for (item, _keys), w in zip(limits, windows, strict=True)
            ):
                raise Refused("rate_limited", _("Too many messages. Wait a minute and try again."))
            pipe = client.pipeline(transaction=False)
            for item, keys in limits:
                storage.lua_acquire_sliding_window(
                    keys=keys, args=[item.amount, item.get_expiry(), 1], client=pipe
                )
            pipe.execute()
        except BaseException:
            lock.release()
            raise
    except RedisError as error:
        raise Refused("unavailable", _("The assistant is unavailable. Try again soon.")) from error
    return lock


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


def order_lookup_allowed(*, tenant: Tenant, session_id: str, ip: str) -> bool:
    """Whether the shopper may try another order lookup. False (refused) when Redis is down:
    an unlimited lookup would let numbers and emails be guessed."""
    limits = _order_lookup_limits(schema=tenant.schema_name, session_id=session_id, ip=ip)
    try:
        return all(_limiter().test(item, key) for item, key in limits)
    except RedisError:
        return False


def order_lookup_failed(*, tenant: Tenant, session_id: str, ip: str) -> None:
    """Count a lookup that found no order against the session and the IP."""
    limits = _order_lookup_limits(schema=tenant.schema_name, session_id=session_id, ip=ip)
    with contextlib.suppress(RedisError):
        for item, key in limits:
            _limiter().hit(item, key)
