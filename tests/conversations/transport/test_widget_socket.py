"""The widget WebSocket against the full ASGI app (config.asgi), with the scripted pipeline."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from apps.conversations.models import AssistantSettings, Conversation, Message
from apps.conversations.pipeline.run import reply_stream
from apps.conversations.pipeline.turn import OrderQuery
from apps.conversations.transport import live, turns
from apps.core.tenancy import tenant_context
from apps.core.tenancy.channels import tenant_group
from apps.tenants.models import WidgetKey
from apps.tenants.services import tenant_activate, tenant_suspend, widget_key_revoke
from tests.conversations import fakes
from tests.conversations.transport.conftest import ORIGIN_A, receive_until, widget_socket

SESSION = "session-0001"


async def _hello(socket: Any, **fields: Any) -> dict[str, Any]:
    await socket.send_json_to({"type": "hello", "session_id": SESSION, **fields})
    return await socket.receive_json_from(timeout=5)


async def _connected(key: str, **hello: Any) -> tuple[Any, dict[str, Any]]:
    socket = widget_socket(key)
    connected, _code = await socket.connect()
    assert connected
    return socket, await _hello(socket, **hello)


def _in_store(tenant: Any, fn: Any) -> Any:
    def run() -> Any:
        with tenant_context(tenant):
            return fn()

    return database_sync_to_async(run)()


async def test_a_message_streams_events_in_order_each_with_the_message_id(stores) -> None:
    tenant_a, key_a, *_ = stores
    socket, ready = await _connected(key_a, locale="en")
    assert ready["type"] == "ready" and ready["last_seq"] == 0

    await socket.send_json_to(
        {"type": "message", "text": "Do you ship to Canada?", "client_id": "c1"}
    )
    frames = await receive_until(socket, "done")

    kinds = [f["type"] for f in frames]
    assert kinds == ["delta"] * fakes.WORDS + ["citations", "products", "tool", "done"]
    message_ids = {f["message_id"] for f in frames}
    assert len(message_ids) == 1 and None not in message_ids
    assert all(f["client_id"] == "c1" for f in frames)
    done = frames[-1]
    assert done["status"] == "complete"
    assert done["timings"]["server_first_delta_ms"] > 0
    assert done["timings"]["server_total_ms"] >= done["timings"]["server_first_delta_ms"]
    stored = await _in_store(
        tenant_a, lambda: list(Message.objects.order_by("seq").values_list("role", "status"))
    )
    assert stored == [("user", "complete"), ("assistant", "complete")]
    await socket.disconnect()


async def test_stop_ends_the_generation_as_stopped(stores, monkeypatch) -> None:
    tenant_a, key_a, *_ = stores
    monkeypatch.setattr(fakes, "DELAY_S", 0.05)
    socket, _ready = await _connected(key_a)
    await socket.send_json_to({"type": "message", "text": "Tell me everything"})
    first = await socket.receive_json_from(timeout=5)
    assert first["type"] == "delta"

    await socket.send_json_to({"type": "stop"})
    frames = await receive_until(socket, "done")

    assert frames[-1]["status"] == "stopped"
    assert len([f for f in frames if f["type"] == "delta"]) < fakes.WORDS - 1
    status = await _in_store(tenant_a, lambda: Message.objects.get(role="assistant").status)
    assert status == "stopped"
    await socket.disconnect()


async def test_a_second_message_while_one_streams_is_busy(stores, monkeypatch) -> None:
    _tenant_a, key_a, *_ = stores
    monkeypatch.setattr(fakes, "DELAY_S", 0.05)
    socket, _ready = await _connected(key_a)
    await socket.send_json_to({"type": "message", "text": "First"})
    await socket.receive_json_from(timeout=5)

    await socket.send_json_to({"type": "message", "text": "Second", "client_id": "c2"})
    await socket.send_json_to({"type": "ping"})

    frames = await receive_until(socket, "pong")  # handled while the answer streams
    errors = [f for f in frames if f["type"] == "error"]
    assert errors == [
        {
            "type": "error",
            "code": "busy",
            "message_id": None,
            "detail": errors[0]["detail"],
            "client_id": "c2",
        }
    ]
    await receive_until(socket, "done")
    await socket.disconnect()


async def test_the_same_session_on_another_socket_is_busy_too(stores, monkeypatch) -> None:
    _tenant_a, key_a, *_ = stores
    monkeypatch.setattr(fakes, "DELAY_S", 0.05)
    first, ready = await _connected(key_a)
    second, _ = await _connected(key_a, conversation_id=ready["conversation_id"])
    await first.send_json_to({"type": "message", "text": "First"})
    await first.receive_json_from(timeout=5)

    await second.send_json_to({"type": "message", "text": "Second"})

    assert (await second.receive_json_from(timeout=5))["code"] == "busy"
    await receive_until(first, "done")
    await first.disconnect()
    await second.disconnect()


async def test_a_reconnecting_client_gets_what_it_missed(stores) -> None:
    _tenant_a, key_a, *_ = stores
    socket, ready = await _connected(key_a)
    conversation_id = ready["conversation_id"]
    for text in ("one", "two"):
        await socket.send_json_to({"type": "message", "text": text})
        await receive_until(socket, "done")
    await socket.disconnect()

    again, ready = await _connected(key_a, conversation_id=conversation_id, last_seq=2)

    assert ready == {"type": "ready", "conversation_id": conversation_id, "last_seq": 4}
    replayed = [await again.receive_json_from(timeout=5) for _ in range(2)]
    assert [(m["type"], m["seq"], m["role"]) for m in replayed] == [
        ("message", 3, "user"),
        ("message", 4, "assistant"),
    ]
    assert replayed[0]["content"] == "two"
    assert await again.receive_nothing(timeout=0.2)
    await again.disconnect()


async def test_closing_the_socket_mid_answer_stores_it_as_stopped(stores, monkeypatch) -> None:
    tenant_a, key_a, *_ = stores
    monkeypatch.setattr(fakes, "DELAY_S", 0.05)
    socket, _ready = await _connected(key_a)
    await socket.send_json_to({"type": "message", "text": "Long answer please"})
    await socket.receive_json_from(timeout=5)

    await socket.disconnect()

    status = await _in_store(tenant_a, lambda: Message.objects.get(role="assistant").status)
    assert status == "stopped"


async def test_feedback_is_stored_on_the_answer(stores) -> None:
    tenant_a, key_a, *_ = stores
    socket, _ready = await _connected(key_a)
    await socket.send_json_to({"type": "message", "text": "Hi"})
    message_id = (await receive_until(socket, "done"))[-1]["message_id"]

    await socket.send_json_to(
        {"type": "feedback", "message_id": message_id, "value": "down", "comment": "Too short"}
    )

    assert await socket.receive_json_from(timeout=5) == {
        "type": "feedback",
        "message_id": message_id,
        "value": "down",
    }
    stored = await _in_store(
        tenant_a,
        lambda: Message.objects.filter(role="assistant").values("feedback", "feedback_comment")[0],
    )
    assert stored == {"feedback": "down", "feedback_comment": "Too short"}
    await socket.send_json_to({"type": "feedback", "message_id": "nope", "value": "up"})
    assert (await socket.receive_json_from(timeout=5))["code"] == "invalid"
    await socket.disconnect()


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ({"type": "message", "text": ""}, "invalid"),
        ({"type": "message", "text": "   \n "}, "invalid"),
        ({"type": "message", "text": "x" * 2001}, "too_large"),
        ({"type": "message", "text": "nul\x00byte"}, "invalid"),
        ({"type": "message", "text": "bell\x07"}, "invalid"),
        ({"type": "message", "text": 42}, "invalid"),
        ({"type": "dance"}, "invalid"),
        ({"no": "type"}, "invalid"),
        ({"type": "hello", "session_id": "short"}, "invalid"),
        ({"type": "hello", "session_id": SESSION, "last_seq": -1}, "invalid"),
        ({"type": "hello", "session_id": SESSION, "locale": "<script>"}, "invalid"),
    ],
)
async def test_bad_frames_get_an_error_and_the_socket_stays_usable(stores, frame, code) -> None:
    tenant_a, key_a, *_ = stores
    socket, _ready = await _connected(key_a)

    await socket.send_json_to(frame)

    error = await socket.receive_json_from(timeout=5)
    assert error["type"] == "error" and error["code"] == code and error["message_id"] is None
    await socket.send_json_to({"type": "ping"})
    assert await socket.receive_json_from(timeout=5) == {"type": "pong"}
    count = await _in_store(tenant_a, lambda: Message.objects.count())
    assert count == 0  # nothing half-written
    await socket.disconnect()


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ({"text_data": "{not json"}, "invalid"),
        ({"text_data": "[1, 2]"}, "invalid"),
        ({"text_data": "[" * 5_000 + "]" * 5_000}, "invalid"),
        ({"text_data": '{"type": "message", "text": "hi", "n": 1e999999}'}, "invalid"),
        (
            {"text_data": json.dumps({"type": "message", "text": "\\ud800"})[:-2] + '\\ud800"}'},
            "invalid",
        ),
        ({"bytes_data": b"\x00\x01\x02"}, "invalid"),
        ({"text_data": "x" * 200_000}, "too_large"),
    ],
)
async def test_malformed_frames_get_an_error(stores, raw, code) -> None:
    _tenant_a, key_a, *_ = stores
    socket, _ready = await _connected(key_a)

    await socket.send_to(**raw)

    error = await socket.receive_json_from(timeout=5)
    assert (error["type"], error["code"]) == ("error", code)
    await socket.send_json_to({"type": "ping"})
    assert await socket.receive_json_from(timeout=5) == {"type": "pong"}
    await socket.disconnect()


async def test_a_message_before_hello_is_refused(stores) -> None:
    _tenant_a, key_a, *_ = stores
    socket = widget_socket(key_a)
    await socket.connect()
    await socket.send_json_to({"type": "message", "text": "hi"})
    assert (await socket.receive_json_from(timeout=5))["code"] == "invalid"
    await socket.disconnect()


async def _refusal(socket: Any) -> dict[str, Any]:
    connected, _ = await socket.connect()
    assert connected  # accepted, then closed with a code the widget can read
    return await socket.receive_output(timeout=5)


@pytest.mark.parametrize(
    "origin", ["https://evil.example", None, "null", "https://shop-a.example:8443"]
)
async def test_a_disallowed_or_missing_origin_is_refused(stores, origin) -> None:
    _tenant_a, key_a, *_ = stores
    closed = await _refusal(widget_socket(key_a, origin=origin))
    assert closed == {"type": "websocket.close", "code": 4403, "reason": "origin_not_allowed"}


async def test_the_origin_must_match_the_keys_store(stores) -> None:
    _tenant_a, _key_a, _tenant_b, key_b = stores
    closed = await _refusal(widget_socket(key_b, origin=ORIGIN_A))
    assert closed["code"] == 4403


async def test_unknown_and_revoked_keys_are_refused(stores) -> None:
    tenant_a, key_a, *_ = stores
    assert (await _refusal(widget_socket("pk_" + "x" * 32)))["code"] == 4404
    assert (await _refusal(widget_socket("not-a-key")))["code"] == 4404

    def revoke() -> None:
        with tenant_context(tenant_a):
            widget_key_revoke(key=WidgetKey.objects.get(key=key_a))

    await database_sync_to_async(revoke)()  # also forgets the cached lookup
    assert (await _refusal(widget_socket(key_a)))["code"] == 4404


async def test_a_suspended_store_is_refused(stores) -> None:
    tenant_a, key_a, *_ = stores
    await database_sync_to_async(tenant_suspend)(tenant=tenant_a, reason="test")
    try:
        closed = await _refusal(widget_socket(key_a))
        assert closed == {"type": "websocket.close", "code": 4403, "reason": "store_suspended"}
    finally:
        await database_sync_to_async(tenant_activate)(tenant=tenant_a)


async def test_rate_limits_answer_rate_limited(stores, settings) -> None:
    _tenant_a, key_a, *_ = stores
    settings.CHAT_RATE_PER_SESSION = "2/minute"
    socket, _ready = await _connected(key_a)
    for text in ("one", "two"):
        await socket.send_json_to({"type": "message", "text": text})
        await receive_until(socket, "done")

    await socket.send_json_to({"type": "message", "text": "three"})

    assert (await socket.receive_json_from(timeout=5))["code"] == "rate_limited"
    await socket.disconnect()


@pytest.mark.parametrize(
    ("setting", "second_ip"),
    [("CHAT_RATE_PER_STORE", "10.0.0.2"), ("CHAT_RATE_PER_IP", "10.0.0.1")],
)
async def test_the_ip_and_store_limits_span_sessions(stores, settings, setting, second_ip) -> None:
    _tenant_a, key_a, *_ = stores
    setattr(settings, setting, "1/minute")
    first, _ = await _connected(key_a)
    await first.send_json_to({"type": "message", "text": "one"})
    await receive_until(first, "done")
    other_session = widget_socket(key_a, client=second_ip)
    await other_session.connect()
    await other_session.send_json_to({"type": "hello", "session_id": "session-0002"})
    await other_session.receive_json_from(timeout=5)

    await other_session.send_json_to({"type": "message", "text": "two"})

    assert (await other_session.receive_json_from(timeout=5))["code"] == "rate_limited"
    await first.disconnect()
    await other_session.disconnect()


async def test_a_key_never_opens_another_stores_conversation(stores) -> None:
    _tenant_a, key_a, _tenant_b, key_b = stores
    socket_b = widget_socket(key_b, origin="https://shop-b.example")
    await socket_b.connect()
    ready_b = await _hello(socket_b)
    await socket_b.disconnect()

    socket_a, _ = await _connected(key_a)
    error = await _hello(socket_a, conversation_id=ready_b["conversation_id"])

    assert (error["type"], error["code"]) == ("error", "invalid")
    assert "not found" in error["detail"]
    await socket_a.disconnect()


async def test_another_session_cannot_resume_a_conversation(stores) -> None:
    _tenant_a, key_a, *_ = stores
    socket, ready = await _connected(key_a)
    await socket.disconnect()
    other = widget_socket(key_a)
    await other.connect()
    await other.send_json_to(
        {"type": "hello", "session_id": "someone-else", "conversation_id": ready["conversation_id"]}
    )
    assert (await other.receive_json_from(timeout=5))["code"] == "invalid"
    await other.disconnect()


async def test_the_inbox_gets_new_messages_of_its_own_store_only(stores) -> None:
    tenant_a, key_a, tenant_b, _key_b = stores
    layer = get_channel_layer()
    inbox_a, inbox_b = await layer.new_channel(), await layer.new_channel()
    await layer.group_add(tenant_group(tenant_a, "admin"), inbox_a)
    await layer.group_add(tenant_group(tenant_b, "admin"), inbox_b)
    socket, ready = await _connected(key_a)

    await socket.send_json_to({"type": "message", "text": "Where is my order?"})
    await receive_until(socket, "done")

    received = [await asyncio.wait_for(layer.receive(inbox_a), 5) for _ in range(2)]
    events = [r["event"] for r in received]
    assert [(e["type"], e["message"]["role"]) for e in events] == [
        ("conversation.message", "user"),
        ("conversation.message", "assistant"),
    ]
    assert {e["conversation_id"] for e in events} == {ready["conversation_id"]}
    assert events[0]["message"]["content"] == "Where is my order?"
    assert events[1]["channel"] == Conversation.Channel.WIDGET
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(layer.receive(inbox_b), 0.3)
    await socket.disconnect()


async def test_the_shoppers_email_and_an_order_reach_the_pipeline(stores, monkeypatch) -> None:
    _tenant_a, key_a, *_ = stores
    monkeypatch.setattr(fakes, "CALLS", [])
    socket, _ready = await _connected(key_a, email="ada@example.com")

    await socket.send_json_to({"type": "message", "text": "Where is it?"})
    await receive_until(socket, "done")
    await socket.send_json_to({"type": "identify", "email": "bea@example.com"})
    await socket.send_json_to(
        {"type": "message", "text": "Order #1001", "order": {"number": "1001", "email": "c@x.io"}}
    )
    await receive_until(socket, "done")

    assert [(c["shopper_email"], c["order"], c["ip"]) for c in fakes.CALLS] == [
        ("ada@example.com", None, "10.0.0.1"),
        ("bea@example.com", OrderQuery(number="1001", email="c@x.io"), "10.0.0.1"),
    ]
    await socket.disconnect()


@pytest.mark.parametrize(
    "frame",
    [
        {"type": "identify", "email": "not an email"},
        {"type": "identify", "email": 42},
        {"type": "message", "text": "Order", "order": {"email": "ada@example.com"}},
        {"type": "message", "text": "Order", "order": {"number": "1001", "email": "nope"}},
        {"type": "message", "text": "Order", "order": "1001"},
    ],
)
async def test_malformed_emails_and_orders_are_invalid(stores, frame) -> None:
    tenant_a, key_a, *_ = stores
    socket, _ready = await _connected(key_a)

    await socket.send_json_to(frame)

    assert (await socket.receive_json_from(timeout=5))["code"] == "invalid"
    assert await _in_store(tenant_a, lambda: Message.objects.count()) == 0
    await socket.disconnect()


async def test_identify_answers_nothing(stores) -> None:
    _tenant_a, key_a, *_ = stores
    socket, _ready = await _connected(key_a)

    await socket.send_json_to({"type": "identify", "email": "ada@example.com"})

    assert await socket.receive_nothing(timeout=0.2)
    await socket.disconnect()


async def test_handoff_streams_the_escalation_and_pushes_the_new_status(
    stores, monkeypatch
) -> None:
    # Given the real pipeline (the handoff needs no retrieval)
    monkeypatch.setattr(turns, "PIPELINE", reply_stream)
    tenant_a, key_a, *_ = stores
    socket, ready = await _connected(key_a)

    await socket.send_json_to({"type": "handoff"})
    frames = await receive_until(socket, "done")

    assert "".join(f["text"] for f in frames if f["type"] == "delta") == (
        AssistantSettings().escalation_message
    )
    assert [(f["name"], f["status"]) for f in frames if f["type"] == "tool"] == [
        ("handoff_to_human", "started"),
        ("handoff_to_human", "finished"),
    ]
    assert frames[-1]["status"] == "complete"
    # and the status change reached the socket (while the answer streamed)
    assert [f for f in frames if f["type"] == "conversation"] == [
        {
            "type": "conversation",
            "conversation_id": ready["conversation_id"],
            "status": "handed_off",
        }
    ]
    roles = await _in_store(tenant_a, lambda: list(Message.objects.values_list("role", flat=True)))
    assert roles == ["assistant"]
    await socket.disconnect()


async def test_handoff_is_refused_when_the_store_disabled_it(stores) -> None:
    tenant_a, key_a, *_ = stores
    await _in_store(
        tenant_a,
        lambda: AssistantSettings.objects.update_or_create(
            pk=1, defaults={"handoff_enabled": False}
        ),
    )
    socket, _ready = await _connected(key_a)

    await socket.send_json_to({"type": "handoff"})

    assert (await socket.receive_json_from(timeout=5))["code"] == "invalid"
    await socket.disconnect()


async def test_pushes_reach_the_conversations_socket_only(stores) -> None:
    # Given a shopper of store A and one of store B, each in a conversation
    tenant_a, key_a, tenant_b, key_b = stores
    socket_a, ready_a = await _connected(key_a)
    socket_b = widget_socket(key_b, origin="https://shop-b.example")
    await socket_b.connect()
    await _hello(socket_b)
    frame = {"type": "message", "role": "agent", "content": "Hello from the team"}

    # When something is pushed to A's conversation in store B, then in store A
    await live.shopper_publish(tenant=tenant_b, public_id=ready_a["conversation_id"], frame=frame)
    assert await socket_a.receive_nothing(timeout=0.3)
    await live.shopper_publish(tenant=tenant_a, public_id=ready_a["conversation_id"], frame=frame)

    # Then only A's socket gets it
    assert await socket_a.receive_json_from(timeout=5) == frame
    assert await socket_b.receive_nothing(timeout=0.3)
    await socket_a.disconnect()
    await socket_b.disconnect()


async def test_a_new_hello_leaves_the_previous_conversations_group(stores) -> None:
    tenant_a, key_a, *_ = stores
    socket, first = await _connected(key_a)
    second = await _hello(socket)  # a new conversation on the same socket

    await live.shopper_publish(
        tenant=tenant_a, public_id=first["conversation_id"], frame={"type": "message"}
    )
    assert await socket.receive_nothing(timeout=0.3)
    await live.shopper_publish(
        tenant=tenant_a, public_id=second["conversation_id"], frame={"type": "message"}
    )
    assert await socket.receive_json_from(timeout=5) == {"type": "message"}
    await socket.disconnect()
