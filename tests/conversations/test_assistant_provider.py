"""`turn_provider()` for the store's configuration: its LLM provider, or None for the grounded
responder."""

from __future__ import annotations

from asgiref.sync import async_to_sync
from cryptography.fernet import Fernet

from apps.conversations.models import AssistantSettings
from apps.conversations.pipeline.config import turn_config_for_store
from apps.conversations.pipeline.llm.base import ChatMessage, Chunk, Provider, TextChunk
from apps.conversations.pipeline.llm.providers import turn_provider
from apps.conversations.services.assistant_settings import (
    assistant_llm_key_set,
    assistant_settings_update,
)
from apps.core.tenancy import tenant_context
from apps.tenants.models import Tenant
from tests.conversations.llm_server import LlmServer, text_stream


def _provider(tenant: Tenant) -> Provider | None:
    return turn_provider(llm=turn_config_for_store(tenant=tenant).llm)


def _reply(tenant: Tenant, provider: Provider) -> list[Chunk]:
    llm = turn_config_for_store(tenant=tenant).llm
    assert llm is not None
    settings = llm.generation()

    async def collect() -> list[Chunk]:
        question = [ChatMessage(role="user", content="Hi")]
        return [c async for c in provider.stream(messages=question, tools=[], settings=settings)]

    return async_to_sync(collect)()


def test_the_grounded_responder_needs_no_provider(tenant_a) -> None:
    with tenant_context(tenant_a):
        assert _provider(tenant_a) is None


def test_a_configured_store_streams_through_its_provider_with_its_key(
    tenant_a, llm_server: LlmServer
) -> None:
    # given store A using the local server with a key and temperature 0.9
    llm_server.streams(text_stream("Hello"))
    with tenant_context(tenant_a):
        assistant_settings_update(
            actor=None,
            provider="openai",
            llm_base_url=llm_server.base_url,
            llm_model="local-model",
            llm_temperature=0.9,
        )
        assistant_llm_key_set(key="sk-store-a")

        # when
        provider = _provider(tenant_a)
        assert provider is not None
        chunks = _reply(tenant_a, provider)

    # then
    assert TextChunk("Hello") in chunks
    assert llm_server.last_json()["temperature"] == 0.9
    assert llm_server.requests()[-1].headers["Authorization"] == "Bearer sk-store-a"


def test_a_key_that_no_longer_decrypts_falls_back_to_grounded(
    tenant_a, llm_server: LlmServer, settings
) -> None:
    # given a configured store whose key was encrypted under a key since removed
    with tenant_context(tenant_a):
        assistant_settings_update(
            actor=None, provider="openai", llm_base_url=llm_server.base_url, llm_model="m"
        )
        assistant_llm_key_set(key="sk-old")
        settings.SECRET_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

        # when / then
        assert _provider(tenant_a) is None
        assert AssistantSettings.objects.get().provider == "openai"  # the setting is kept


def test_an_llm_host_that_now_resolves_privately_falls_back_to_grounded(tenant_a, settings) -> None:
    # given a store saved with a local LLM while private addresses were allowed
    with tenant_context(tenant_a):
        assistant_settings_update(
            actor=None, provider="openai", llm_base_url="http://localhost:11434/v1", llm_model="m"
        )
        settings.LLM_ALLOW_PRIVATE_URLS = False

        # when / then
        assert _provider(tenant_a) is None
