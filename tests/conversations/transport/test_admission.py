"""One admission (`admission.turn_begin`) for every transport: the WebSocket and HTTP refuse
the same messages with the same codes, write nothing when they do, and hand the pipeline the
store's configuration."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.test import Client

from apps.conversations.limits import turn_admit
from apps.conversations.models import Conversation, Message
from apps.conversations.services.assistant_settings import assistant_settings_update
from apps.core.tenancy import tenant_context
from tests.conversations import fakes
from tests.conversations.transport.conftest import ORIGIN_A, receive_until, widget_socket

SESSION = "admission-session-1"
REFUSED = [
    ({"text": ""}, "invalid"),
    ({"text": "x" * 2001}, "too_large"),
    ({"text": "bell\x07"}, "invalid"),
    ({"text": "Order", "order": {"email": "ada@example.com"}}, "invalid"),
    ({"text": "Order", "order": {"number": "1001", "email": "nope"}}, "invalid"),
]


def _http_code(key: str, fields: dict[str, Any]) -> str:
    client = Client(HTTP_HOST="localhost", HTTP_ORIGIN=ORIGIN_A, HTTP_X_AISLE_WIDGET_KEY=key)
    body = {"session_id": SESSION, **fields}
    response = client.post("/api/v1/chat/messages/", body, content_type="application/json")
    return str(response.json()["code"])


async def _socket_code(key: str, frame: dict[str, Any]) -> str:
    socket = widget_socket(key)
    await socket.connect()
    await socket.send_json_to({"type": "hello", "session_id": SESSION})
    await socket.receive_json_from(timeout=5)
    await socket.send_json_to(frame)
    code = str((await socket.receive_json_from(timeout=5))["code"])
    await socket.disconnect()
    return code


def _messages(tenant: Any) -> int:
    with tenant_context(tenant):
        return Message.objects.count()


@pytest.mark.parametrize(("fields", "code"), REFUSED)
def test_both_transports_refuse_the_same_messages(stores, fields, code) -> None:
    tenant_a, key_a, *_ = stores

    over_http = _http_code(key_a, fields)
    over_socket = async_to_sync(_socket_code)(key_a, {"type": "message", **fields})

    assert over_http == over_socket == code
    assert _messages(tenant_a) == 0


def test_both_transports_refuse_a_busy_session(stores) -> None:
    # given a session whose answer is still being generated (elsewhere)
    tenant_a, key_a, *_ = stores
    lock = turn_admit(tenant=tenant_a, session_id=SESSION, ip="10.9.9.9")
    try:
        over_http = _http_code(key_a, {"text": "hi"})
        over_socket = async_to_sync(_socket_code)(key_a, {"type": "message", "text": "hi"})
    finally:
        lock.release()

    assert over_http == over_socket == "busy"


async def test_a_handoff_is_refused_when_the_store_has_none(stores) -> None:
    # given a store that does not hand conversations to its team
    tenant_a, key_a, *_ = stores

    def disable() -> None:
        with tenant_context(tenant_a):
            assistant_settings_update(actor=None, handoff_enabled=False)

    await sync_to_async(disable)()

    # when the shopper asks for the team, then it is refused and nothing is stored
    assert await _socket_code(key_a, {"type": "handoff"}) == "invalid"
    assert await sync_to_async(_messages)(tenant_a) == 0


async def test_the_pipeline_gets_the_stores_configuration(stores, monkeypatch) -> None:
    # given a store with its own assistant name
    tenant_a, key_a, *_ = stores
    monkeypatch.setattr(fakes, "CALLS", [])

    def rename() -> None:
        with tenant_context(tenant_a):
            assistant_settings_update(actor=None, name="Juniper")

    await sync_to_async(rename)()

    # when a message arrives over each transport
    socket = widget_socket(key_a)
    await socket.connect()
    await socket.send_json_to({"type": "hello", "session_id": SESSION})
    await socket.receive_json_from(timeout=5)
    await socket.send_json_to({"type": "message", "text": "Hi"})
    await receive_until(socket, "done")
    await socket.disconnect()
    await sync_to_async(_http_answer)(key_a)

    # then each turn ran with the store's configuration, resolved at admission
    assert [c["config"].persona.name for c in fakes.CALLS] == ["Juniper", "Juniper"]
    assert await sync_to_async(_conversations)(tenant_a) == 2


def _http_answer(key: str) -> None:
    client = Client(HTTP_HOST="localhost", HTTP_ORIGIN=ORIGIN_A, HTTP_X_AISLE_WIDGET_KEY=key)
    body = {"session_id": "admission-session-2", "text": "Hi"}
    response = client.post("/api/v1/chat/messages/", body, content_type="application/json")
    assert response.status_code == 200


def _conversations(tenant: Any) -> int:
    with tenant_context(tenant):
        return Conversation.objects.count()
