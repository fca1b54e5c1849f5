"""`TurnConfig`: what a turn runs with, resolved from the store's settings at the edge, stored
with every answer, and replaceable by a variant without touching the store's settings."""

from __future__ import annotations

import dataclasses
import json

from apps.conversations.models import AssistantSettings
from apps.conversations.pipeline.config import turn_config_for_store
from apps.conversations.services.assistant_settings import (
    assistant_llm_key_set,
    assistant_settings_update,
)
from apps.core.tenancy import tenant_context
from tests.conversations.conftest import ask


def test_the_configuration_is_stored_with_the_answer(store_a) -> None:
    # given the store's own configuration
    config = turn_config_for_store(tenant=store_a)

    # when a question is answered with it
    reply = ask(store_a, "How long do I have to return something?", config=config)

    # then the answer says which configuration produced it
    assert reply.message.config == config.to_dict()
    assert reply.message.config["variant"] == "store"
    assert reply.message.config["retrieval"]["passages_k"] == config.retrieval.passages_k


def test_the_stored_configuration_never_holds_the_llm_key(tenant_a, llm_server) -> None:
    # given a store answering through an LLM with a key
    with tenant_context(tenant_a):
        assistant_settings_update(
            actor=None, provider="openai", llm_base_url=llm_server.base_url, llm_model="m"
        )
        row = assistant_llm_key_set(key="sk-very-secret")

    # when its configuration is made JSON
    config = turn_config_for_store(tenant=tenant_a)
    stored = json.dumps(config.to_dict())

    # then the model is named but neither the key nor its ciphertext is there
    assert config.llm is not None and config.llm.api_key_encrypted == row.llm_api_key_encrypted
    assert json.loads(stored)["llm"]["model"] == "m"
    assert "sk-very-secret" not in stored and row.llm_api_key_encrypted not in stored
    assert "sk-very-secret" not in repr(config)


def test_a_variant_changes_the_answer_without_touching_the_store_settings(store_a) -> None:
    # given the store's configuration and a variant with another persona and one passage
    config = turn_config_for_store(tenant=store_a)
    variant = config.with_variant(
        "scout-k1",
        persona=dataclasses.replace(config.persona, name="Scout"),
        retrieval=dataclasses.replace(config.retrieval, passages_k=1),
    )

    # when the same questions are answered with each
    greeting = ask(store_a, "Hi", config=variant)
    mine = ask(store_a, "When will my refund be processed?", config=config)
    theirs = ask(store_a, "When will my refund be processed?", config=variant)

    # then the variant's persona and retrieval depth are what ran, and are recorded
    assert "Scout" in greeting.text
    assert len(mine.message.turn_log["retrieved"]["chunks"]) > 1
    assert len(theirs.message.turn_log["retrieved"]["chunks"]) == 1
    assert theirs.message.config["variant"] == "scout-k1"
    # and the store's own settings are as they were
    with tenant_context(store_a):
        assert AssistantSettings.objects.get().name == config.persona.name != "Scout"
