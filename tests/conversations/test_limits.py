"""Admitting a chat turn (`limits.turn_admit`): the session's generation lock and the three
rate limits, batched into two Redis round trips, still refuse exactly as before. Each test uses
a store name of its own, so counts left in Redis by other tests never reach it."""

from __future__ import annotations

import secrets
from types import SimpleNamespace
from typing import Any

import pytest
import redis

from apps.conversations import limits
from apps.conversations.limits import Refused, turn_admit

LIMITS = ("CHAT_RATE_PER_SESSION", "CHAT_RATE_PER_IP", "CHAT_RATE_PER_STORE")


@pytest.fixture
def store(settings: Any) -> SimpleNamespace:
    """A store of its own (turn_admit needs only its schema name), limits out of reach."""
    for name in LIMITS:
        setattr(settings, name, "1000/minute")
    return SimpleNamespace(schema_name=f"t_limits_{secrets.token_hex(6)}")


def admitted(store: SimpleNamespace, session_id: str, ip: str) -> bool:
    """One message's admission, its lock released at once (the turn is over)."""
    try:
        turn_admit(tenant=store, session_id=session_id, ip=ip).release()
    except Refused as refused:
        assert refused.code == "rate_limited", refused.code
        return False
    return True


@pytest.mark.parametrize(
    ("limit", "senders"),
    [
        # one session; one IP, several sessions; one store, several sessions and IPs
        ("CHAT_RATE_PER_SESSION", [("session-1", "10.1.0.1")] * 3),
        ("CHAT_RATE_PER_IP", [("session-1", "10.1.0.2"), ("session-2", "10.1.0.2")] * 2),
        ("CHAT_RATE_PER_STORE", [("session-1", "10.1.0.3"), ("session-2", "10.1.0.4")] * 2),
    ],
)
def test_each_limit_refuses_the_message_past_it(
    store, settings, limit: str, senders: list[tuple[str, str]]
) -> None:
    # Given a limit of two messages a minute
    setattr(settings, limit, "2/minute")
    ip_suffix = store.schema_name  # the IP limit is not per store: keep this test's IPs apart
    senders = [(session, f"{ip}-{ip_suffix}") for session, ip in senders]

    # When three messages come in under it
    results = [admitted(store, session, ip) for session, ip in senders[:3]]

    # Then the third is refused
    assert results == [True, True, False]


def test_a_refused_message_counts_against_no_limit(store, settings) -> None:
    # Given one message a minute per session and two per store
    settings.CHAT_RATE_PER_SESSION = "1/minute"
    settings.CHAT_RATE_PER_STORE = "2/minute"
    ip = f"10.2.0.1-{store.schema_name}"
    assert admitted(store, "session-1", ip)

    # When the session's second message is refused by the session limit
    assert not admitted(store, "session-1", ip)

    # Then it did not count against the store: another session still gets the store's second
    assert admitted(store, "session-2", ip)
    assert not admitted(store, "session-3", ip)


def test_a_session_is_answered_one_message_at_a_time(store, settings) -> None:
    # Given a session whose answer is being generated, and two messages a minute per session
    settings.CHAT_RATE_PER_SESSION = "2/minute"
    ip = f"10.3.0.1-{store.schema_name}"
    held = turn_admit(tenant=store, session_id="session-1", ip=ip)

    # When it sends more messages meanwhile, they are refused as busy
    for _ in range(3):
        with pytest.raises(Refused) as busy:
            turn_admit(tenant=store, session_id="session-1", ip=ip)
        assert busy.value.code == "busy"
    # and another session is not held up
    assert admitted(store, "session-2", ip)

    # Then, once the answer is done, the next message is admitted: the busy ones cost nothing
    held.release()
    held.release()  # idempotent
    assert admitted(store, "session-1", ip)


def test_a_late_release_never_frees_the_next_holders_lock(store) -> None:
    # Given a turn whose lock expired (its TTL) and was taken by the session's next message
    ip = f"10.4.0.1-{store.schema_name}"
    stale = turn_admit(tenant=store, session_id="session-1", ip=ip)
    redis.Redis(connection_pool=limits._pool()).delete(stale.name)
    current = turn_admit(tenant=store, session_id="session-1", ip=ip)

    # When the first turn ends and releases its lock
    stale.release()

    # Then the second still holds the session
    with pytest.raises(Refused) as busy:
        turn_admit(tenant=store, session_id="session-1", ip=ip)
    assert busy.value.code == "busy"
    current.release()


def test_without_redis_no_message_is_admitted(store, monkeypatch) -> None:
    # Given Redis cannot be reached
    monkeypatch.setattr(limits, "_client", lambda: redis.Redis(port=1, socket_connect_timeout=0.2))

    # When a message comes in, Then it is refused as unavailable
    with pytest.raises(Refused) as refused:
        turn_admit(tenant=store, session_id="session-1", ip="10.5.0.1")
    assert refused.value.code == "unavailable"
