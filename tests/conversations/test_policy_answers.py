"""Policy answers from the store's own pages: sentences chosen by meaning, staff-facing text
left out, policy questions that name a product, and per-store gates (real ingestion, real
embeddings, the whole grounded reply)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from apps.catalog.models import ProductSource
from apps.catalog.services.products import products_upsert
from apps.core.tenancy import tenant_context
from apps.knowledge.models import Chunk
from apps.knowledge.selectors import chunk_sentence_vectors
from apps.knowledge.services.settings import knowledge_settings_get
from apps.tenants.models import Tenant
from tests.catalog.conftest import product, variant
from tests.conversations.conftest import ask
from tests.knowledge.conftest import synced, text_source

# A policy page written for the support team, as some stores hand one over: the facts are for
# shoppers, the rest is for the agent reading it.
HANDBOOK = """# Support handbook

## Returns and exchanges
As a support agent, you must verify the customer's identity before discussing any order.
Unworn shoes can be sent back within 30 days of delivery. Return postage is $5, deducted from
the refund. Refunds reach the original payment method within 7 business days of the parcel
arriving at our warehouse. Exchanges for another size are free, and the new pair ships as
soon as the return is scanned. Collect every item to exchange into one list before making
the tool call!!! Transfer the user to a human agent using the tool if they ask for
compensation. Do not make up information.
"""


@pytest.fixture
def shoe_store(tenant_a: Tenant) -> Iterator[Tenant]:
    with tenant_context(tenant_a):
        synced(text_source(HANDBOOK, name="Support handbook"))
        source = ProductSource.objects.create(kind=ProductSource.Kind.FILE, name="Catalog")
        products_upsert(
            source=source,
            records=[
                product(
                    "trailrunner",
                    "Trailrunner Running Shoe",
                    [
                        variant("TR-9", "120.00", size="9"),
                        variant("TR-10", "120.00", size="10"),
                    ],
                    product_type="Shoes",
                )
            ],
        )
    yield tenant_a


def test_the_sentence_that_means_what_was_asked_is_quoted(shoe_store) -> None:
    # When the shopper asks in other words than the page uses ("money back", not "refund")
    reply = ask(shoe_store, "how soon will I get my money back?")

    # Then the refund sentence is quoted, cited to the handbook
    assert "Refunds reach the original payment method within 7 business days" in reply.text
    assert [c["title"] for c in reply.citations] == ["Support handbook"]


def test_sentences_written_for_staff_are_not_quoted_but_the_facts_beside_them_are(
    shoe_store,
) -> None:
    # When shoppers ask what the staff paragraph is about
    answers = [
        ask(shoe_store, question).text
        for question in (
            "how do returns work?",
            "can I talk about compensation for my return?",
            "do you verify who I am before a return?",
        )
    ]

    # Then no answer quotes the agent's instructions
    for text in answers:
        for staff_words in ("support agent", "tool call", "human agent", "make up", "!!!"):
            assert staff_words not in text
    # and the facts of the same paragraph are still quoted
    assert "30 days" in answers[0] or "$5" in answers[0]


def test_an_exchange_question_naming_a_product_and_a_size_gets_the_exchange_policy(
    shoe_store,
) -> None:
    # When the shopper names a product and says "size" while asking about an exchange
    reply = ask(shoe_store, "can I exchange my Trailrunner shoes for another size?")

    # Then the store's policy answers, not the shoe's size list
    assert [c["title"] for c in reply.citations] == ["Support handbook"]
    assert "comes in" not in reply.text and "$120" not in reply.text
    assert reply.message.turn_log["answer"] == "passages"
    assert not reply.of("products")


def test_a_refund_request_phrased_as_wanting_something_is_not_a_product_search(
    shoe_store,
) -> None:
    reply = ask(shoe_store, "I want a refund for my Trailrunner shoes")

    assert "Here are" not in reply.text and "Here's what I found" not in reply.text
    # It answers from the handbook's returns and refunds section. (Which of its sentences is
    # quoted moved with the heading-path vectors: "Refunds reach the original payment method"
    # lost to the return window; issue 14 notes it as a sentence-choice regression to fix.)
    assert "[1]" in reply.text
    assert any(word in reply.text for word in ("Refunds", "sent back", "returned"))


def test_an_unrelated_question_still_gets_i_dont_know(shoe_store) -> None:
    for question in ("who won the world cup?", "what is the capital of australia?"):
        reply = ask(shoe_store, question)

        assert reply.text.startswith("I don't know")
        assert reply.citations == []


def test_a_sync_calibrates_the_gates_of_its_own_store_only(shoe_store, tenant_b) -> None:
    # Given store A synced its handbook (the fixture) and store B has no knowledge
    with tenant_context(shoe_store):
        gates = knowledge_settings_get()
    with tenant_context(tenant_b):
        other = knowledge_settings_get()

    # Then A's gates are set within their bounds, and B's are untouched
    assert gates.passage_gate is not None and 0.36 <= gates.passage_gate <= 0.55
    assert gates.sentence_gate is not None and 0.44 <= gates.sentence_gate <= 0.62
    assert other.passage_gate is None and other.sentence_gate is None


def test_sentence_vectors_are_stored_per_chunk_and_read_only_in_their_store(
    shoe_store, tenant_b
) -> None:
    # Given store A's chunks carry one vector per quotable sentence
    with tenant_context(shoe_store):
        chunks = list(Chunk.objects.all())
        model = knowledge_settings_get().embedding_model
        found = chunk_sentence_vectors(chunk_ids=[c.pk for c in chunks], model_name=model)
    assert chunks and all(c.sentences for c in chunks)
    assert any("Exchanges for another size are free" in s for c in chunks for s in c.sentences)
    assert {len(v) for v in found.values()} == {len(c.sentences) for c in chunks}

    # When store B asks for the same chunk ids
    with tenant_context(tenant_b):
        seen = chunk_sentence_vectors(chunk_ids=[c.pk for c in chunks], model_name=model)

    # Then it sees none of store A's sentences
    assert seen == {}


def test_a_question_only_staff_text_matches_gets_i_dont_know(shoe_store) -> None:
    # Given a page whose only close passage is all instructions to the agent
    with tenant_context(shoe_store):
        synced(
            text_source(
                "# Desk rules\n\n## Escalations\nAgent note: hand the chat to the shift lead in "
                "the #desk-escalations channel. Confirm only the city.\n",
                name="Desk rules",
            )
        )

    # When a shopper asks for exactly that
    reply = ask(shoe_store, "what is the escalation channel for the shift lead?")

    # Then nothing of it is quoted (and no empty answer either)
    assert "desk-escalations" not in reply.text and "Confirm only" not in reply.text
    assert reply.text.strip()
