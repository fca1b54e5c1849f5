"""Sentence vectors stored with each chunk, and the detector of text written for staff."""

from __future__ import annotations

import pytest

from apps.knowledge.instructions import looks_like_instructions, looks_like_staff_text
from apps.knowledge.models import Chunk, KnowledgeSettings
from apps.knowledge.services.settings import chunks_reembed
from tests.knowledge.conftest import synced, text_source

PAGE = """# Returns

## Window
Unworn items can be sent back within 30 days. Refunds reach your card within a week.
"""


def test_chunks_stored_before_sentence_vectors_get_them_from_the_reembedding(in_store_a):
    # Given a chunk stored without sentence vectors (as before they existed)
    synced(text_source(PAGE))
    Chunk.objects.update(sentences=[], sentence_vectors=None)

    # When the re-embedding job runs
    updated = chunks_reembed()

    # Then every chunk has a vector per sentence again, and a second run has nothing to do
    chunk = Chunk.objects.get()
    assert updated == 1
    assert "Refunds reach your card within a week." in chunk.sentences
    assert len(bytes(chunk.sentence_vectors)) == len(chunk.sentences) * 384 * 2
    assert chunks_reembed() == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "As a retail agent, you can help users cancel or modify pending orders.",
        "You have to authenticate the user identity before you look up an order.",
        "Obtain explicit user confirmation (yes) before you proceed.",
        "You should not make up any information not provided by the tools.",
        "You should make at most one tool call at a time.",
        "Collect all items into a list before making the tool call!!!",
        "Transfer the user to a human agent using the tool.",
        "Do not make up information.",
        "You should deny user requests that are against this policy.",
    ],
)
def test_sentences_addressed_to_staff_or_tools_are_recognised(sentence: str) -> None:
    assert looks_like_staff_text(sentence)
    assert not looks_like_instructions(sentence)  # no attack: the chunk stays quotable


@pytest.mark.parametrize(
    "sentence",
    [
        "For a delivered order, the user can return some items.",
        "You can return unworn shoes within 30 days for a full refund.",
        "Contact customer service and you'll get a reply within a day.",
        "If you are not happy, you can exchange the item for another size.",
        "Customers outside the US pay return shipping.",
        "The refund goes to the original payment method or an existing gift card.",
    ],
)
def test_facts_for_shoppers_are_not_taken_for_staff_text(sentence: str) -> None:
    assert not looks_like_staff_text(sentence)


def test_the_backfill_command_fills_every_store_and_calibrates_its_gates(tenant_a, tenant_b):
    from django.core.management import call_command

    from apps.core.tenancy import tenant_context
    from apps.knowledge.services.settings import knowledge_settings_get

    # Given store A has chunks from before sentence vectors, and store B has no knowledge
    with tenant_context(tenant_a):
        synced(text_source(PAGE))
        Chunk.objects.update(sentences=[], sentence_vectors=None)
        KnowledgeSettings.objects.update(passage_gate=None, sentence_gate=None)

    # When the backfill runs
    call_command("knowledge_backfill")

    # Then store A's chunks have their sentences and its gates are set; store B has no gates
    with tenant_context(tenant_a):
        assert Chunk.objects.filter(sentence_vectors__isnull=True).count() == 0
        assert knowledge_settings_get().passage_gate is not None
    with tenant_context(tenant_b):
        assert knowledge_settings_get().passage_gate is None
