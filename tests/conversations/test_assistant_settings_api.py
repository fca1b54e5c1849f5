"""The assistant settings API: roles, validation, the write-only LLM key, store isolation and the
connection test against a local OpenAI-compatible server."""

from __future__ import annotations

import time

import pytest

from apps.accounts.roles import Role
from apps.audit.models import AuditEvent
from apps.conversations.models import AssistantSettings
from apps.core.tenancy import tenant_context
from tests.accounts.factories import MembershipFactory
from tests.conftest import client_for
from tests.conversations.llm_server import LlmServer, text_stream

SETTINGS_URL = "/api/v1/assistant/settings/"
KEY_URL = "/api/v1/assistant/settings/llm-key/"
TEST_URL = "/api/v1/assistant/settings/test-connection/"
SECRET = "sk-live-Very5ecretKey0123456789"


def _patch(client, body: dict):  # type: ignore[no-untyped-def]
    return client.patch(SETTINGS_URL, body, content_type="application/json")


def _use_llm(client, base_url: str, *, model: str = "local-model"):  # type: ignore[no-untyped-def]
    response = _patch(client, {"provider": "openai", "llm_base_url": base_url, "llm_model": model})
    assert response.status_code == 200, response.json()
    return response


def test_a_viewer_reads_the_settings_but_cannot_change_them(tenant_a) -> None:
    # given a viewer of store A
    viewer = MembershipFactory(tenant=tenant_a, role=Role.VIEWER)
    client = client_for(tenant_a, viewer.user)

    # when / then: reading works and shows the defaults
    body = client.get(SETTINGS_URL).json()
    assert body["provider"] == "grounded" and body["llm_api_key_set"] is False
    assert body["llm_temperature"] == 0.2 and body["refused_topics"] == []

    # and every write is refused
    refused = [
        _patch(client, {"name": "Sneaky"}),
        client.put(KEY_URL, {"key": SECRET}, content_type="application/json"),
        client.delete(KEY_URL),
        client.post(TEST_URL),
    ]
    assert [r.status_code for r in refused] == [403, 403, 403, 403]
    assert refused[0].json()["code"] == "insufficient_role"


def test_an_admin_switches_to_an_llm_and_the_change_is_audited(tenant_a) -> None:
    # given an admin
    admin = MembershipFactory(tenant=tenant_a, role=Role.ADMIN)
    client = client_for(tenant_a, admin.user)

    # when
    response = _patch(
        client,
        {
            "provider": "openai",
            "llm_base_url": "https://api.openai.com/v1",
            "llm_model": "gpt-4o-mini",
            "llm_temperature": 0.7,
            "refused_topics": [" medical advice ", "medical advice", "legal advice"],
        },
    )

    # then
    assert response.status_code == 200
    body = response.json()
    assert body["provider"] == "openai" and body["llm_model"] == "gpt-4o-mini"
    assert body["refused_topics"] == ["medical advice", "legal advice"]
    with tenant_context(tenant_a):
        event = AuditEvent.objects.get(action="assistant.settings_changed")
    assert event.actor_email == admin.user.email
    assert event.data["llm_model"] == "gpt-4o-mini" and event.data["llm_temperature"] == 0.7


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({"provider": "openai", "llm_base_url": "https://x.example/v1"}, "llm_model", "required"),
        ({"provider": "openai", "llm_model": "m"}, "llm_base_url", "required"),
        ({"llm_base_url": "ftp://files.example/v1"}, "llm_base_url", "invalid_url"),
        ({"llm_base_url": "https://user:pw@llm.example/v1"}, "llm_base_url", "invalid_url"),
        ({"llm_temperature": 2.5}, "llm_temperature", "out_of_range"),
        ({"refused_topics": ["x" * 101]}, "refused_topics", "too_long"),
        ({"refused_topics": [f"t{i}" for i in range(31)]}, "refused_topics", "too_many"),
        ({"language_policy": "sometimes"}, "language_policy", "invalid_choice"),
        ({"store_language": "english please"}, "store_language", "invalid"),
        ({"name": "  "}, "name", "blank"),
        (
            {
                "provider": "openai",
                "llm_api_flavour": "azure",
                "llm_base_url": "https://res.openai.azure.com/",
                "llm_model": "gpt4o-deployment",
            },
            "llm_api_version",
            "required",
        ),
        ({"llm_api_version": "latest"}, "llm_api_version", "invalid_api_version"),
    ],
)
def test_bad_settings_are_refused_with_field_and_code(tenant_a, owner_a, body, field, code) -> None:
    # when
    response = _patch(client_for(tenant_a, owner_a.user), body)

    # then nothing was written
    assert response.status_code == 400
    assert (response.json()["code"], response.json()["field"]) == (code, field)
    with tenant_context(tenant_a):
        assert not AssistantSettings.objects.exclude(provider="grounded").exists()


def test_a_private_llm_address_is_refused_unless_allowed(tenant_a, owner_a, settings) -> None:
    settings.LLM_ALLOW_PRIVATE_URLS = False
    response = _patch(
        client_for(tenant_a, owner_a.user), {"llm_base_url": "http://127.0.0.1:11434/v1"}
    )
    assert response.status_code == 400 and response.json()["code"] == "blocked_address"


def test_the_llm_key_is_write_only_and_never_in_a_response_or_the_audit_log(
    tenant_a, owner_a, llm_server: LlmServer
) -> None:
    # given an owner who configures the LLM and sets its key
    client = client_for(tenant_a, owner_a.user)
    _use_llm(client, llm_server.base_url)
    llm_server.streams(text_stream("OK"))

    # when the key is set, the settings read and the connection tested
    responses = [
        client.put(KEY_URL, {"key": SECRET}, content_type="application/json"),
        client.get(SETTINGS_URL),
        client.post(TEST_URL),
    ]

    # then the key was used, but no response, stored column or audit entry shows any of it
    assert [r.status_code for r in responses] == [200, 200, 200]
    assert responses[0].json()["llm_api_key_set"] is True
    assert llm_server.requests()[-1].headers["Authorization"] == f"Bearer {SECRET}"
    for response in responses:
        assert SECRET not in response.content.decode()
        assert SECRET[-4:] not in response.content.decode()
    with tenant_context(tenant_a):
        assert SECRET not in AssistantSettings.objects.get().llm_api_key_encrypted
        audit = list(AuditEvent.objects.values_list("action", "data", "target"))
    assert ("assistant.llm_key_set", {}, "assistant") in audit
    assert SECRET not in str(audit)

    # and deleting it clears it
    cleared = client.delete(KEY_URL)
    assert cleared.status_code == 204 and not cleared.content
    assert client.get(SETTINGS_URL).json()["llm_api_key_set"] is False


def test_a_blank_key_is_refused(tenant_a, owner_a) -> None:
    response = client_for(tenant_a, owner_a.user).put(
        KEY_URL, {"key": "sk with spaces"}, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid_key"


def test_another_stores_settings_are_invisible(tenant_a, tenant_b, owner_a, owner_b) -> None:
    # given store A with its own assistant name and an LLM key
    client_a = client_for(tenant_a, owner_a.user)
    _patch(client_a, {"name": "Alma"})
    client_a.put(KEY_URL, {"key": SECRET}, content_type="application/json")

    # when store B's owner reads B's settings, and A's owner tries B's host
    seen_by_b = client_for(tenant_b, owner_b.user).get(SETTINGS_URL).json()
    a_on_b = client_for(tenant_b, owner_a.user).get(SETTINGS_URL)

    # then
    assert seen_by_b["name"] == "Assistant" and seen_by_b["llm_api_key_set"] is False
    assert a_on_b.status_code == 403


def test_connection_test_reports_ok_with_latency(tenant_a, owner_a, llm_server: LlmServer) -> None:
    # given store A configured for the local server, with the LLM not yet selected
    client = client_for(tenant_a, owner_a.user)
    _patch(client, {"llm_base_url": llm_server.base_url, "llm_model": "local-model"})
    llm_server.streams(text_stream("OK"))

    # when
    body = client.post(TEST_URL).json()

    # then
    assert body["ok"] is True and body["model"] == "local-model"
    assert body["latency_ms"] > 0
    assert llm_server.last_json()["max_tokens"] == 5


def test_connection_test_against_a_dead_port_fails_clearly_and_quickly(tenant_a, owner_a) -> None:
    client = client_for(tenant_a, owner_a.user)
    _use_llm(client, "http://127.0.0.1:9/v1")

    started = time.monotonic()
    body = client.post(TEST_URL).json()

    assert body["ok"] is False and body["latency_ms"] is None
    assert "Could not reach the LLM server" in body["detail"]
    assert time.monotonic() - started < 5


def test_connection_test_when_the_key_is_refused_does_not_echo_it(
    tenant_a, owner_a, llm_server: LlmServer
) -> None:
    # given a server that refuses the key and quotes it back
    client = client_for(tenant_a, owner_a.user)
    _use_llm(client, llm_server.base_url)
    client.put(KEY_URL, {"key": SECRET}, content_type="application/json")
    llm_server.fails(401, f"Incorrect API key provided: {SECRET}")

    # when
    response = client.post(TEST_URL)

    # then
    assert response.json()["ok"] is False and "refused the API key" in response.json()["detail"]
    assert SECRET not in response.content.decode()


def test_connection_test_without_a_model_says_what_is_missing(tenant_a, owner_a) -> None:
    body = client_for(tenant_a, owner_a.user).post(TEST_URL).json()
    assert body == {
        "ok": False,
        "detail": "Set the LLM base URL and model first.",
        "model": "",
        "latency_ms": None,
    }


def test_connection_tests_are_rate_limited(tenant_a, owner_a) -> None:
    client = client_for(tenant_a, owner_a.user)
    statuses = [client.post(TEST_URL).status_code for _ in range(11)]
    assert statuses == [200] * 10 + [429]
