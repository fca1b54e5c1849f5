"""The chat over HTTP: plain JSON, server-sent events, resume, CORS, and the playground."""

from __future__ import annotations

import json
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from django.test import Client

from apps.accounts.roles import Role
from apps.conversations.limits import turn_admit
from apps.conversations.models import Conversation, Message
from apps.conversations.pipeline.turn import OrderQuery
from apps.core.tenancy import tenant_context
from tests.accounts.factories import MembershipFactory
from tests.accounts.test_api_keys import api_key_create
from tests.conftest import client_for
from tests.conversations import fakes
from tests.conversations.transport.conftest import ORIGIN_A

SESSION = "http-session-1"


def _widget_client(key: str, origin: str | None = ORIGIN_A, host: str = "localhost") -> Client:
    headers: dict[str, str] = {"HTTP_X_AISLE_WIDGET_KEY": key}
    if origin:
        headers["HTTP_ORIGIN"] = origin
    return Client(HTTP_HOST=host, **headers)


def _post(client: Client, path: str, **body: Any) -> Any:
    return client.post(path, {"session_id": SESSION, **body}, content_type="application/json")


def _sse_events(response: Any) -> list[tuple[str, dict[str, Any]]]:
    async def read() -> bytes:
        return b"".join([chunk async for chunk in response.streaming_content])

    text = async_to_sync(read)().decode()
    events = []
    for block in text.strip().split("\n\n"):
        kind_line, data_line = block.split("\n")
        assert kind_line.startswith("event: ") and data_line.startswith("data: ")
        events.append((kind_line[7:], json.loads(data_line[6:])))
    return events


def test_the_json_endpoint_answers_the_whole_turn(stores) -> None:
    tenant_a, key_a, *_ = stores

    response = _post(_widget_client(key_a), "/api/v1/chat/messages/", text="Shipping?")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ORIGIN_A
    body = response.json()
    assert body["status"] == "complete" and body["error"] is None
    assert body["text"].split() == [f"w{i}" for i in range(fakes.WORDS)]
    assert body["citations"] == [{"n": 1, "title": "FAQ"}]
    assert body["tools"] == [{"name": "search_products", "status": "finished", "result": {}}]
    assert body["timings"]["server_first_delta_ms"] > 0
    with tenant_context(tenant_a):
        conversation = Conversation.objects.get()
        assert (str(conversation.public_id), conversation.channel) == (
            body["conversation_id"],
            "widget",
        )
        ids = list(Message.objects.order_by("seq").values_list("public_id", flat=True))
    assert [str(i) for i in ids] == [body["user_message_id"], body["message_id"]]


def test_the_key_may_travel_in_the_body(stores) -> None:
    _tenant_a, key_a, *_ = stores
    client = Client(HTTP_HOST="localhost", HTTP_ORIGIN=ORIGIN_A)
    response = _post(client, "/api/v1/chat/messages/", text="Hi", widget_key=key_a)
    assert response.status_code == 200


def test_the_sse_endpoint_streams_the_same_events(stores) -> None:
    _tenant_a, key_a, *_ = stores

    response = _post(_widget_client(key_a), "/api/v1/chat/stream/", text="Shipping?")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/event-stream"
    assert response["Cache-Control"] == "no-cache"
    events = _sse_events(response)
    kinds = [kind for kind, _data in events]
    assert kinds == ["ready"] + ["delta"] * fakes.WORDS + ["citations", "products", "tool", "done"]
    assert all(kind == data["type"] for kind, data in events)
    assert len({data["message_id"] for _kind, data in events[1:]}) == 1


def test_a_conversation_continues_and_resumes_over_http(stores) -> None:
    _tenant_a, key_a, *_ = stores
    client = _widget_client(key_a)
    first = _post(client, "/api/v1/chat/messages/", text="one").json()
    _post(client, "/api/v1/chat/messages/", text="two", conversation_id=first["conversation_id"])
    path = f"/api/v1/chat/conversations/{first['conversation_id']}/messages/"

    missed = client.get(path, {"session_id": SESSION, "after": 2}).json()

    assert [(m["seq"], m["role"], m["content"][:3]) for m in missed["messages"]] == [
        (3, "user", "two"),
        (4, "assistant", "w0 "),
    ]
    assert missed["has_more"] is False
    assert client.get(path, {"session_id": "someone-else"}).status_code == 404


def test_another_stores_key_never_reads_its_conversations(stores) -> None:
    _tenant_a, key_a, _tenant_b, key_b = stores
    answer = _post(
        _widget_client(key_b, "https://shop-b.example"), "/api/v1/chat/messages/", text="hi"
    )
    conversation_id = answer.json()["conversation_id"]
    client_a = _widget_client(key_a)

    path = f"/api/v1/chat/conversations/{conversation_id}/messages/"
    assert client_a.get(path, {"session_id": SESSION}).status_code == 404
    resumed = _post(client_a, "/api/v1/chat/messages/", text="hi", conversation_id=conversation_id)
    assert (resumed.status_code, resumed.json()["code"]) == (400, "invalid")
    on_b_host = _post(
        _widget_client(key_a, host="store-b.localhost"), "/api/v1/chat/messages/", text="hi"
    )
    assert (on_b_host.status_code, on_b_host.json()["code"]) == (403, "widget_key_wrong_store")


@pytest.mark.parametrize("origin", [None, "https://evil.example"])
def test_widget_requests_need_an_allowed_origin(stores, origin) -> None:
    tenant_a, key_a, *_ = stores
    response = _post(_widget_client(key_a, origin=origin), "/api/v1/chat/messages/", text="hi")
    assert (response.status_code, response.json()["code"]) == (403, "origin_not_allowed")
    assert "Access-Control-Allow-Origin" not in response
    with tenant_context(tenant_a):
        assert not Conversation.objects.exists()


def test_unknown_keys_are_refused(stores) -> None:
    response = _post(_widget_client("pk_" + "y" * 32), "/api/v1/chat/messages/", text="hi")
    assert response.status_code in (401, 403)
    assert response.json()["code"] in ("invalid_widget_key", "not_authenticated")


def test_preflight_is_answered_for_the_chat_endpoints(stores) -> None:
    response = Client(HTTP_HOST="localhost").options(
        "/api/v1/chat/stream/",
        HTTP_ORIGIN="https://anywhere.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type,x-aisle-widget-key",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "https://anywhere.example"
    assert "X-Aisle-Widget-Key" in response["Access-Control-Allow-Headers"]


def test_api_keys_chat_without_an_origin(stores, owner_a) -> None:
    tenant_a, *_ = stores
    _key, raw = api_key_create(actor=owner_a, name="sdk", role=Role.VIEWER)
    client = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Bearer {raw}")

    response = _post(client, "/api/v1/chat/messages/", text="hi")

    assert response.status_code == 200
    with tenant_context(tenant_a):
        assert Conversation.objects.get().channel == "api"


@pytest.mark.parametrize(
    ("text", "status", "code"),
    [("", 400, "invalid"), ("x" * 2001, 413, "too_large"), ("a\x1bb", 400, "invalid")],
)
def test_bad_messages_are_refused_and_nothing_is_written(stores, text, status, code) -> None:
    tenant_a, key_a, *_ = stores
    response = _post(_widget_client(key_a), "/api/v1/chat/messages/", text=text)
    assert (response.status_code, response.json()["code"]) == (status, code)
    with tenant_context(tenant_a):
        assert not Conversation.objects.exists()


def test_a_busy_session_and_rate_limits_get_their_codes(stores, settings) -> None:
    tenant_a, key_a, *_ = stores
    client = _widget_client(key_a)
    lock = turn_admit(tenant=tenant_a, session_id=SESSION, ip="10.9.9.9")
    busy = _post(client, "/api/v1/chat/messages/", text="hi")
    lock.release()
    assert (busy.status_code, busy.json()["code"]) == (409, "busy")

    settings.CHAT_RATE_PER_SESSION = "1/minute"
    assert _sse_events(_post(client, "/api/v1/chat/stream/", text="one"))[-1][0] == "done"
    limited = _post(client, "/api/v1/chat/messages/", text="two")
    assert (limited.status_code, limited.json()["code"]) == (429, "rate_limited")
    assert limited["Access-Control-Allow-Origin"] == ORIGIN_A  # the widget can read why


def test_the_playground_is_for_signed_in_members(stores, owner_a, owner_b) -> None:
    tenant_a, *_ = stores
    viewer = MembershipFactory(tenant=tenant_a, role=Role.VIEWER)

    answer = client_for(tenant_a, viewer.user).post(
        "/api/v1/playground/messages/", {"text": "Test question"}, content_type="application/json"
    )

    assert answer.status_code == 200 and answer.json()["status"] == "complete"
    with tenant_context(tenant_a):
        conversation = Conversation.objects.get()
        assert conversation.channel == "playground"
    outsider = client_for(tenant_a, owner_b.user).post(
        "/api/v1/playground/messages/", {"text": "hi"}, content_type="application/json"
    )
    anonymous = client_for(tenant_a).post(
        "/api/v1/playground/messages/", {"text": "hi"}, content_type="application/json"
    )
    assert outsider.status_code == 403 and anonymous.status_code == 403


def test_the_playground_streams_when_asked(stores, owner_a) -> None:
    tenant_a, *_ = stores
    response = client_for(tenant_a, owner_a.user).post(
        "/api/v1/playground/messages/",
        {"text": "Test question"},
        content_type="application/json",
        HTTP_ACCEPT="text/event-stream",
    )
    assert response["Content-Type"] == "text/event-stream"
    assert [kind for kind, _ in _sse_events(response)][-1] == "done"


def test_the_http_endpoints_pass_the_email_and_order_on(stores, monkeypatch) -> None:
    _tenant_a, key_a, *_ = stores
    monkeypatch.setattr(fakes, "CALLS", [])
    client = _widget_client(key_a)

    _post(client, "/api/v1/chat/messages/", text="Where is it?", email="ada@example.com")
    stream = _post(
        client,
        "/api/v1/chat/stream/",
        text="Order #1001",
        order={"number": "1001", "email": "ada@example.com"},
    )
    _sse_events(stream)

    assert [(c["shopper_email"], c["order"]) for c in fakes.CALLS] == [
        ("ada@example.com", None),
        (None, OrderQuery(number="1001", email="ada@example.com")),
    ]


@pytest.mark.parametrize(
    "body", [{"email": "nope"}, {"order": {"number": ""}}, {"order": {"number": "1", "email": 3}}]
)
def test_a_malformed_email_or_order_is_refused_over_http(stores, body) -> None:
    tenant_a, key_a, *_ = stores

    response = _post(_widget_client(key_a), "/api/v1/chat/messages/", text="Order", **body)

    assert (response.status_code, response.json()["code"]) == (400, "invalid")
    with tenant_context(tenant_a):
        assert not Message.objects.exists()
