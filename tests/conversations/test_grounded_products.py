"""Product questions answered from the store's own catalog: products named in the shopper's
words, the variant asked about (any option), its price and stock, superlatives and
comparisons, in a catalog with no descriptions and options beyond colour and size; and the
same facts handed to an LLM as tool results."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from apps.catalog.models import ProductSource
from apps.catalog.services.products import products_upsert
from apps.catalog.vocabulary import catalog_vocabulary
from apps.conversations.services.assistant_settings import (
    assistant_llm_key_set,
    assistant_settings_update,
)
from apps.core.tenancy import tenant_context
from apps.tenants.models import Tenant
from tests.catalog.conftest import product, variant
from tests.conversations.conftest import ask, seed_store_b
from tests.conversations.llm_server import LlmServer, text_stream


def _catalog() -> list:
    return [
        product(
            "crew-tee",
            "Crew Neck T-Shirt",
            [
                variant("CT-R-M", "25.00", color="Red", size="M"),
                variant("CT-R-XXL", "27.00", color="Red", size="XXL", available=False),
                variant("CT-B-M", "25.00", color="Blue", size="M"),
                variant("CT-B-XXL", "27.00", color="Blue", size="XXL"),
            ],
            product_type="T-Shirt",
        ),
        product(
            "v-tee",
            "V-Neck T-Shirt",
            [variant("VT-K-M", "22.00", color="Black", size="M")],
            product_type="T-Shirt",
        ),
        product(
            "trail-bike",
            "Trail Bicycle",
            [
                variant("TB-K", "900.00", **{"frame color": "Black"}),
                variant("TB-G", "950.00", **{"frame color": "Forest Green"}),
            ],
            product_type="Bicycle",
        ),
        product(
            "pocket-reader",
            "Pocket E-Reader",
            [
                variant("PR-8", "99.00", storage="8 GB"),
                variant("PR-32", "129.00", storage="32 GB", available=False),
            ],
            product_type="E-Reader",
        ),
        product(
            "barista",
            "Barista Espresso Machine",
            [
                variant("BE-A2", "349.00", type="Automatic", capacity="2L"),
                variant("BE-M1", "249.00", type="Manual", capacity="1L"),
            ],
            product_type="Coffee Machine",
        ),
    ]


def _seed() -> None:
    source = ProductSource.objects.create(kind=ProductSource.Kind.FILE, name="Catalog")
    products_upsert(source=source, records=_catalog())


@pytest.fixture
def shop(tenant_a: Tenant) -> Iterator[Tenant]:
    with tenant_context(tenant_a):
        _seed()
    yield tenant_a


def test_a_variant_named_in_shopper_words_gets_its_own_price_and_stock(shop) -> None:
    # When a shopper asks about one variant, calling the product a "tee"
    reply = ask(shop, "how much is the red XXL crew neck tee?")

    # Then the answer gives that variant's price and says plainly it is sold out, offering the
    # variants that are available, and cites the product
    assert "$27.00" in reply.text and "sold out" in reply.text
    assert "in stock" not in reply.text.split("Available")[0]
    assert "Available instead: M / Red; M / Blue; XXL / Blue." in reply.text
    assert [c["handle"] for c in reply.citations] == ["crew-tee"]
    [products] = reply.of("products")
    assert products.products[0]["handle"] == "crew-tee"


def test_product_level_stock_is_claimed_only_when_every_variant_has_it(shop) -> None:
    reply = ask(shop, "Is the crew neck t shirt in stock?")

    assert "is in stock." not in reply.text
    assert "is in stock in" in reply.text and "sold out in XXL / Red" in reply.text


def test_an_option_name_question_lists_that_options_values(shop) -> None:
    # Given an e-reader whose storage option is not a colour or a size
    reply = ask(shop, "what storage sizes does the e reader come in")

    assert "8 GB" in reply.text and "32 GB (sold out)" in reply.text
    assert [c["handle"] for c in reply.citations] == ["pocket-reader"]


def test_typos_and_any_option_value_pick_the_variant(shop) -> None:
    reply = ask(shop, "price of the barista espreso machine, automatic with the 2L tank?")

    assert "$349.00" in reply.text and "$249.00" not in reply.text
    assert "is in stock" in reply.text


def test_a_variant_the_product_does_not_come_in_is_said_plainly(shop) -> None:
    reply = ask(shop, "Do you have the V-Neck T-Shirt in XXL?")

    assert "doesn't come in XXL" in reply.text
    assert "Available: M / Black." in reply.text


def test_a_combination_no_variant_has_gets_no_variants_facts(shop) -> None:
    # When a shopper asks for two colours of one option at once
    reply = ask(shop, "how much is the trail bike with a forest green frame in black")

    # Then no single variant's price is claimed for the combination
    assert "doesn't come in" in reply.text and "$" not in reply.text
    reply = ask(shop, "is the pocket e-reader 64 GB in stock?")
    # 64 GB is written like its storage values but is not one of them
    assert "doesn't come in 64 GB" in reply.text and "Available: 8 GB." in reply.text


def test_cheapest_and_most_expensive_within_a_type_and_overall(shop) -> None:
    cheapest = ask(shop, "what's your cheapest t-shirt?")
    dearest = ask(shop, "What is the most expensive thing you sell?")
    under = ask(shop, "cheapest coffee machine under $300")

    assert "V-Neck T-Shirt" in cheapest.text and "$22.00" in cheapest.text
    assert "Trail Bicycle" in dearest.text and "$950.00" in dearest.text
    assert "Manual" in under.text and "$249.00" in under.text


def test_two_products_are_compared_by_price(shop) -> None:
    reply = ask(shop, "which is more expensive, the bike or the e-reader?")

    assert "So the Trail Bicycle is more expensive than the Pocket E-Reader." in reply.text
    assert {c["handle"] for c in reply.citations} == {"trail-bike", "pocket-reader"}


@pytest.mark.parametrize(
    "question",
    [
        "HOW MUCH IS THE POCKET E-READER???",
        "how much is the pocket e-reader 🤔📚",
        "how much is the pocket e-reader? " + "I really want to know. " * 90,
    ],
)
def test_capitals_emoji_and_long_questions_get_the_same_facts(shop, question) -> None:
    reply = ask(shop, question)

    assert "$99.00 to $129.00" in reply.text
    assert "is in stock in 8 GB" in reply.text


def test_a_value_in_another_language_never_gets_a_wrong_stock_claim(shop) -> None:
    reply = ask(shop, "tienen la crew neck t-shirt en rojo XXL?")

    assert "is in stock." not in reply.text


def test_the_vocabulary_follows_catalog_changes(shop) -> None:
    # Given the vocabulary was built
    with tenant_context(shop):
        before = catalog_vocabulary()
        assert catalog_vocabulary() is before  # cached while nothing changes
        # When the catalog changes
        source = ProductSource.objects.get()
        records = _catalog()
        records[3].variants[1] = variant("PR-32", "119.00", storage="32 GB")
        products_upsert(source=source, records=records)
        # Then the next question reads the new facts
        assert catalog_vocabulary() is not before

    reply = ask(shop, "is the pocket e-reader in stock?")
    assert "is in stock" in reply.text and "sold out" not in reply.text


def test_another_stores_catalog_is_never_used(shop, tenant_b) -> None:
    # Given store B, whose catalog has no t-shirts, after store A's vocabulary was built
    ask(shop, "how much is the crew neck t-shirt?")
    with tenant_context(tenant_b):
        seed_store_b()
        assert "crew" not in catalog_vocabulary().known

    reply = ask(tenant_b, "how much is the crew neck t-shirt?")

    assert "Crew Neck" not in reply.text and "$25.00" not in reply.text
    assert all(c.get("handle") != "crew-tee" for c in reply.citations)


def test_an_llm_is_given_the_variants_facts_as_tool_results(shop, llm_server: LlmServer) -> None:
    # Given the store answers through an OpenAI-compatible model
    with tenant_context(shop):
        assistant_settings_update(
            actor=None, provider="openai", llm_base_url=llm_server.base_url, llm_model="local"
        )
        assistant_llm_key_set(key="sk-test")
    llm_server.streams(text_stream("The red XXL crew neck is $27.00 and sold out [1]."))

    # When a shopper asks about one variant
    reply = ask(shop, "how much is the red XXL crew neck tee?")

    # Then before its turn the model saw a get_product call and its result: that variant's
    # price and stock, with the source number it cites
    messages = llm_server.last_json()["messages"]
    call = next(m for m in messages if m["role"] == "assistant" and m.get("tool_calls"))
    assert call["tool_calls"][0]["function"]["name"] == "get_product"
    result = json.loads(next(m for m in messages if m["role"] == "tool")["content"])
    assert result["product"]["source"] == 1
    assert result["product"]["variants_asked_about"] == [
        {"options": {"size": "XXL", "color": "Red"}, "price": "27.00", "in_stock": False}
    ]
    assert messages[-1]["role"] == "tool"
    # and the answer cites the product with its card
    assert [c["handle"] for c in reply.citations] == ["crew-tee"]
    assert [p["handle"] for p in reply.of("products")[0].products] == ["crew-tee"]
    assert reply.message.provider == "openai"


def test_an_llm_gets_no_catalog_facts_for_a_question_about_no_product(
    shop, llm_server: LlmServer
) -> None:
    with tenant_context(shop):
        assistant_settings_update(
            actor=None, provider="openai", llm_base_url=llm_server.base_url, llm_model="local"
        )
    llm_server.streams(text_stream("I don't know."))

    ask(shop, "do you ship to Canada?")

    assert all(m["role"] in ("system", "user") for m in llm_server.last_json()["messages"])
