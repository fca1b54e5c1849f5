"""The merchants' inbox API: listing and filtering a store's conversations, one conversation
with its messages, resolving, reopening and replying to a shopper handed to the team."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.accounts.roles import Role
from apps.conversations.models import Conversation, Message
from apps.conversations.services.conversations import conversation_start, messages_append
from apps.conversations.services.handoff import conversation_hand_off
from apps.conversations.transport import live
from apps.core.tenancy import tenant_context
from apps.core.tenancy.channels import tenant_group
from apps.tenants.models import Tenant
from tests.accounts.factories import MembershipFactory
from tests.conftest import client_for

URL = "/api/v1/conversations/"


def _conversation(
    tenant: Tenant,
    *texts: str,
    channel: str = "widget",
    feedback: list[str] | None = None,
    handed_off: bool = False,
) -> Conversation:
    """A conversation of shopper questions, each answered; `feedback` rates the answers."""
    with tenant_context(tenant):
        conversation = conversation_start(channel=channel, session_id="inbox-session")
        ratings = iter(feedback or [])
        for text in texts:
            messages_append(
                conversation=conversation,
                messages=[
                    {"role": Message.Role.USER, "content": text},
                    {
                        "role": Message.Role.ASSISTANT,
                        "content": f"Answer to {text}",
                        "feedback": next(ratings, ""),
                    },
                ],
            )
        if handed_off:
            conversation_hand_off(tenant=tenant, conversation=conversation)
        return conversation


@pytest.fixture
def editor_a(tenant_a: Tenant) -> Any:
    return MembershipFactory(tenant=tenant_a, role=Role.EDITOR).user


@pytest.fixture
def viewer_a(tenant_a: Tenant) -> Any:
    return MembershipFactory(tenant=tenant_a, role=Role.VIEWER).user


def test_the_list_shows_each_conversation_newest_activity_first(tenant_a, viewer_a) -> None:
    # Given two conversations, the second rated and handed off
    older = _conversation(tenant_a, "Do you ship to Austria?")
    newer = _conversation(
        tenant_a, "x" * 300, "Can I talk to someone?", feedback=["up", "down"], handed_off=True
    )

    # When a viewer lists the inbox
    body = client_for(tenant_a, viewer_a).get(URL).json()

    # Then both are listed, newest activity first, with their summary figures
    assert body["count"] == 2
    first, second = body["results"]
    assert (first["id"], second["id"]) == (str(newer.public_id), str(older.public_id))
    assert first["preview"] == "x" * 140
    assert first["last_message"] == "Answer to Can I talk to someone?"
    assert first["feedback"] == {"up": 1, "down": 1} and first["handed_off"] is True
    assert (first["status"], first["channel"], first["message_count"]) == (
        "handed_off",
        "widget",
        4,
    )
    assert second["preview"] == "Do you ship to Austria?" and second["feedback"] == {
        "up": 0,
        "down": 0,
    }
    assert second["handed_off"] is False


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=handed_off", ["handoff"]),
        ("channel=api", ["api"]),
        ("feedback=down", ["disliked"]),
        ("feedback=up", ["handoff", "liked"]),
        ("since=2000-01-01&until=2000-01-02", []),
        (f"since={timezone.localdate()}", ["api", "disliked", "handoff", "liked", "plain"]),
    ],
)
def test_the_list_filters(tenant_a, viewer_a, query, expected) -> None:
    _conversation(tenant_a, "plain")
    _conversation(tenant_a, "liked", feedback=["up"])
    _conversation(tenant_a, "api", channel="api")
    _conversation(tenant_a, "handoff", feedback=["up"], handed_off=True)
    _conversation(tenant_a, "disliked", feedback=["down"])

    body = client_for(tenant_a, viewer_a).get(f"{URL}?{query}").json()

    assert sorted(r["preview"] for r in body["results"]) == expected


def test_a_bad_filter_is_a_400(tenant_a, viewer_a) -> None:
    response = client_for(tenant_a, viewer_a).get(f"{URL}?status=deleted")
    assert (response.status_code, response.json()["field"]) == (400, "status")


@pytest.mark.parametrize("query", ["since=yesterday", "until=2026-02-30", "since=01/02/2026"])
def test_a_malformed_date_filter_is_a_400_naming_it(tenant_a, viewer_a, query) -> None:
    response = client_for(tenant_a, viewer_a).get(f"{URL}?{query}")
    assert (response.status_code, response.json()["field"]) == (400, query.split("=")[0])


def test_the_list_takes_the_same_queries_for_any_number_of_rows(tenant_a, viewer_a) -> None:
    client = client_for(tenant_a, viewer_a)
    _conversation(tenant_a, "one", feedback=["up"])
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for n in range(10):
        _conversation(tenant_a, f"question {n}", "again", feedback=["up", "down"], handed_off=True)

    with CaptureQueriesContext(connection) as many:
        body = client.get(URL).json()

    assert body["count"] == 11
    assert len(many.captured_queries) == len(few.captured_queries)


def test_one_conversation_with_its_messages(tenant_a, viewer_a) -> None:
    conversation = _conversation(tenant_a, "Where is my parcel?", feedback=["down"])

    body = client_for(tenant_a, viewer_a).get(f"{URL}{conversation.public_id}/").json()

    assert body["id"] == str(conversation.public_id) and body["feedback"]["down"] == 1
    assert [(m["seq"], m["role"], m["author"]) for m in body["messages"]] == [
        (1, "user", None),
        (2, "assistant", None),
    ]
    answer = body["messages"][1]
    assert answer["feedback"] == "down" and set(answer["timings"]) == {
        "retrieval_ms",
        "first_token_ms",
        "total_ms",
    }
    assert {"tool_calls", "citations", "products", "model", "feedback_comment"} <= set(answer)


def test_another_stores_conversations_are_invisible(tenant_a, tenant_b, owner_b) -> None:
    # Given a conversation of store A
    conversation = _conversation(tenant_a, "hello", handed_off=True)
    client = client_for(tenant_b, owner_b.user)
    path = f"{URL}{conversation.public_id}/"

    # Then store B's owner neither lists nor reaches it
    assert client.get(URL).json()["count"] == 0
    assert client.get(path).status_code == 404
    for action in ("resolve/", "reopen/"):
        assert client.post(path + action).status_code == 404
    reply = client.post(path + "replies/", {"text": "hi"}, content_type="application/json")
    assert reply.status_code == 404
    with tenant_context(tenant_a):
        assert Message.objects.filter(role="agent").count() == 0


def test_another_stores_groups_hear_nothing_of_a_reply_or_resolve(
    tenant_a, tenant_b, editor_a, django_capture_on_commit_callbacks
) -> None:
    # Given store B listening on its admin group and on a group named for A's conversation
    conversation = _conversation(tenant_a, "I need a person", handed_off=True)
    other_shopper, other_admins = _listen(tenant_b, conversation)
    client = client_for(tenant_a, editor_a)
    path = f"{URL}{conversation.public_id}/"

    # When A's editor replies and resolves
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path + "replies/", {"text": "On it."}, content_type="application/json")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path + "resolve/")

    # Then nothing reaches store B
    assert _received(other_shopper) == []
    assert _received(other_admins) == []


def test_a_viewer_may_not_resolve_reopen_or_reply(tenant_a, viewer_a) -> None:
    conversation = _conversation(tenant_a, "hello", handed_off=True)
    client = client_for(tenant_a, viewer_a)
    path = f"{URL}{conversation.public_id}/"

    for action in ("resolve/", "reopen/"):
        assert client.post(path + action).status_code == 403
    response = client.post(path + "replies/", {"text": "hi"}, content_type="application/json")
    assert (response.status_code, response.json()["code"]) == (403, "insufficient_role")
    conversation.refresh_from_db()
    assert conversation.status == "handed_off"


def test_resolve_and_reopen_tell_the_shopper_and_the_admins(
    tenant_a, editor_a, django_capture_on_commit_callbacks
) -> None:
    conversation = _conversation(tenant_a, "hello", handed_off=True)
    client = client_for(tenant_a, editor_a)
    shopper, admins = _listen(tenant_a, conversation)

    with django_capture_on_commit_callbacks(execute=True):
        resolved = client.post(f"{URL}{conversation.public_id}/resolve/").json()

    with django_capture_on_commit_callbacks(execute=True):
        reopened = client.post(f"{URL}{conversation.public_id}/reopen/").json()

    assert resolved["status"] == "resolved" and resolved["handed_off"] is True
    assert reopened["status"] == "open"
    public_id = str(conversation.public_id)
    assert _received(shopper) == [
        {"type": "conversation", "conversation_id": public_id, "status": "resolved"},
        {"type": "conversation", "conversation_id": public_id, "status": "open"},
    ]
    assert _received(admins) == [
        {"type": "conversation.updated", "conversation_id": public_id, "status": "resolved"},
        {"type": "conversation.updated", "conversation_id": public_id, "status": "open"},
    ]


def test_an_editor_replies_to_a_handed_off_shopper(
    tenant_a, editor_a, django_capture_on_commit_callbacks
) -> None:
    # Given a conversation handed to the team, with the shopper's widget open
    editor_a.name = "Sam Team"
    editor_a.save(update_fields=["name"])
    conversation = _conversation(tenant_a, "I need a person", handed_off=True)
    shopper, admins = _listen(tenant_a, conversation)

    # When an editor replies
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(tenant_a, editor_a).post(
            f"{URL}{conversation.public_id}/replies/",
            {"text": "Hi, Sam here. Let me check."},
            content_type="application/json",
        )

    # Then the reply is stored as the next message, by its author
    assert response.status_code == 201
    body = response.json()
    assert (body["role"], body["seq"], body["author"]) == ("agent", 3, "Sam Team")
    with tenant_context(tenant_a):
        stored = Message.objects.get(public_id=body["id"])
    assert (stored.content, stored.author_name) == ("Hi, Sam here. Let me check.", "Sam Team")
    # and the shopper's widget and the admins get it at once
    [pushed] = _received(shopper)
    assert (pushed["type"], pushed["role"], pushed["author"]) == ("message", "agent", "Sam Team")
    [event] = _received(admins)
    assert (event["type"], event["message"]["message_id"]) == ("conversation.message", body["id"])


def test_replies_need_a_handed_off_conversation(tenant_a, editor_a) -> None:
    conversation = _conversation(tenant_a, "hello")

    response = client_for(tenant_a, editor_a).post(
        f"{URL}{conversation.public_id}/replies/", {"text": "hi"}, content_type="application/json"
    )

    assert (response.status_code, response.json()["code"]) == (409, "not_handed_off")
    with tenant_context(tenant_a):
        assert not Message.objects.filter(role="agent").exists()


@pytest.mark.parametrize("text", ["", "bell\x07", "x" * 4001])
def test_a_bad_reply_is_a_400(tenant_a, editor_a, text) -> None:
    conversation = _conversation(tenant_a, "hello", handed_off=True)
    response = client_for(tenant_a, editor_a).post(
        f"{URL}{conversation.public_id}/replies/", {"text": text}, content_type="application/json"
    )
    assert (response.status_code, response.json()["field"]) == (400, "text")


def _listen(tenant: Tenant, conversation: Conversation) -> tuple[str, str]:
    """Channel-layer channels in the conversation's shopper group and the admins' group."""
    layer = get_channel_layer()
    # Plain channel names: a "specific." one buffers per event loop, and each async_to_sync
    # call runs its own loop.
    shopper, admins = f"test-shopper-{uuid.uuid4().hex}", f"test-admins-{uuid.uuid4().hex}"
    group = live.conversation_group(tenant, conversation.public_id)
    async_to_sync(layer.group_add)(group, shopper)
    async_to_sync(layer.group_add)(tenant_group(tenant, "admin"), admins)
    return shopper, admins


def _received(channel: str) -> list[dict[str, Any]]:
    """Everything sent to `channel` so far (frames to shoppers, events to admins)."""

    async def drain() -> list[dict[str, Any]]:
        layer, messages = get_channel_layer(), []
        while True:
            try:
                message = await asyncio.wait_for(layer.receive(channel), 0.3)
            except TimeoutError:
                return messages
            messages.append(message.get("frame") or message["event"])

    return async_to_sync(drain)()
