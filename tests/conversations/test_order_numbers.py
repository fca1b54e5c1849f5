"""Order numbers read from a shopper's free text in the store's own format, and order intent
that needs an order-ish subject (no misfires on "later" or "latest")."""

from __future__ import annotations

import pytest

from apps.catalog.models import ProductSource
from apps.catalog.order_numbers import order_number_format_learn
from apps.catalog.services.orders import orders_upsert
from apps.conversations.pipeline.grounded.intents import intent_detect
from apps.conversations.pipeline.grounded.order_numbers import order_number_find
from apps.core.tenancy import tenant_context
from tests.catalog.test_orders import order
from tests.conversations.conftest import ask, new_conversation

W_STORE = order_number_format_learn(numbers=["#W1812830", "#W3197825", "#W7775097"])
NV_STORE = order_number_format_learn(numbers=["NV-20451", "NV-20452", "NV-9981"])
DIGIT_STORE = order_number_format_learn(numbers=["100234", "100235", "100999"])
SHOPIFY_STORE = order_number_format_learn(numbers=["#1001", "#1002", "#1187"])
A_STORE = order_number_format_learn(numbers=["A1234", "A5678"])
STORES = {
    "w": W_STORE,
    "nv": NV_STORE,
    "digits": DIGIT_STORE,
    "shopify": SHOPIFY_STORE,
    "a": A_STORE,
}


@pytest.mark.parametrize(
    ("store", "text", "number"),
    [
        ("w", "my order is #W1812830.", "W1812830"),
        ("w", "where's #w7775097??", "W7775097"),
        ("w", "W3197825", "W3197825"),
        ("w", "order no w3197825 hasnt come", "W3197825"),
        ("w", "it's W 319 7825", "W3197825"),
        ("w", "W-319-7825 pls", "W3197825"),
        ("w", "WHERE IS ORDER #W1812830", "W1812830"),
        ("w", "ordered W3197825 2 days ago", "W3197825"),
        ("nv", "status of NV-20451?", "NV20451"),
        ("nv", "nv 20451 and my email is a@b.co", "NV20451"),
        ("nv", "order nv20451", "NV20451"),
        ("digits", "where is order 100234", "100234"),
        ("digits", "my order number is 100234", "100234"),
        ("digits", "100234", "100234"),
        ("digits", "#100234 ada@example.com", "100234"),
        ("shopify", "my order is #1001.", "1001"),
        ("shopify", "order 1187 still not here", "1187"),
        ("shopify", "# 1002", "1002"),
        ("a", "where is a1234", "A1234"),
        ("a", "order A-5678?", "A5678"),
    ],
)
def test_order_numbers_in_the_stores_format_are_read_from_free_text(
    store: str, text: str, number: str
) -> None:
    # Given a store whose orders are numbered in its own format
    # When a shopper types a number in any case, with or without "#", spaces or dashes
    found = order_number_find(text=text, known=STORES[store])
    # Then it is read as that number's key
    assert found == number


@pytest.mark.parametrize(
    ("store", "text"),
    [
        ("digits", "do you have size 10?"),
        ("digits", "anything under 300"),
        ("digits", "is the 2 pack cheaper"),
        ("digits", "call me on 555 123 4567"),
        ("digits", "was this made in 2024"),
        ("digits", "is 100234 a good price"),  # fits, but nothing says it is an order
        ("shopify", "anything under 1000?"),
        ("shopify", "do you have it in size 1001"),
        ("shopify", "my order from 2024 hasn't arrived"),
        ("w", "order 1001"),  # the generic form, not this store's
        ("w", "W31978"),  # too few digits for this store
        ("nv", "#W1812830"),  # another store's format
        ("w", "NV-20451"),
        ("a", "I want a 1234 model"),  # a word, not the store's prefix
    ],
)
def test_ordinary_numbers_and_other_formats_are_no_order_number(store: str, text: str) -> None:
    # Given a store with a known format
    # When the text has numbers that do not fit it, or fit it with nothing about an order
    # Then no order number is read
    assert order_number_find(text=text, known=STORES[store]) is None


def test_a_store_without_orders_reads_the_generic_forms() -> None:
    # Given a store with no format learnt yet
    # Then the generic forms are read, and nothing else
    assert order_number_find(text="order DO-1234567", known=None) == "DO-1234567"
    assert order_number_find(text="#1001 please", known=None) == "1001"
    assert order_number_find(text="order no. 1001", known=None) == "1001"
    assert order_number_find(text="size 10 in red", known=None) is None


def test_numbers_that_are_no_order_number_shape_teach_nothing() -> None:
    assert order_number_format_learn(numbers=["2026-ABC-17", "A", ""]) is None


def _intent(question: str, *, known=W_STORE, earlier: list[str] | None = None):
    return intent_detect(
        question=question,
        earlier_questions=earlier or [],
        shopper_email=None,
        refused_topics=[],
        order_numbers=known,
    )


@pytest.mark.parametrize(
    "question",
    [
        "can I pay later?",
        "does this ship later in the year?",
        "what's the latest model?",
        "Can I change my delivery address later?",
        "do you ship to Canada?",
        "how much is shipping on my order?",
        "I want to return my order, what's the policy",
        "Is the update to the app free?",
        "I'll order 2 of these",
    ],
)
def test_ordinary_questions_are_not_order_intent(question: str) -> None:
    assert _intent(question).kind != "order"


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("where is my order", None),
        ("my package is late", None),
        ("any updates on my parcel?", None),
        ("when will my order arrive", None),
        ("my order is #W1812830.", "W1812830"),
        ("W3197825", "W3197825"),
        ("order no w3197825 hasnt shipped", "W3197825"),
        ("hey can u check #w7775097", "W7775097"),
    ],
)
def test_order_questions_in_free_text_are_order_intent(question: str, number: str | None) -> None:
    intent = _intent(question)
    assert intent.kind == "order" and intent.order_number == number


def test_a_number_given_in_an_earlier_message_is_remembered() -> None:
    # Given the shopper gave the number first and the email next
    intent = _intent("ada@example.com", earlier=["is W 319 7825 on its way?"])
    # Then both are used
    assert intent.kind == "order"
    assert (intent.order_number, intent.email) == ("W3197825", "ada@example.com")


def test_a_shopper_typing_the_number_their_own_way_gets_the_order(store_a) -> None:
    # Given store A numbers its orders "DO-" + 7 digits
    # When a shopper types the number in lower case with a space, then the email
    conversation = new_conversation(store_a)
    first = ask(store_a, "hey where's do 1000001", conversation=conversation)
    assert "email address" in first.text
    reply = ask(store_a, "ada@example.com", conversation=conversation)
    # Then the order is found and answered
    assert reply.message.turn_log["answer"] == "order"
    assert "Order DO-1000001" in reply.text


def test_another_stores_number_format_is_not_used(store_a, tenant_b) -> None:
    # Given store B numbers its orders "#W" + 7 digits
    with tenant_context(tenant_b):
        shop_b = ProductSource.objects.create(kind=ProductSource.Kind.FILE, name="B")
        orders_upsert(source=shop_b, records=[order("#W1812830", email="ada@example.com")])
    # When a store A shopper types B's number
    reply = ask(store_a, "my order is w1812830, ada@example.com")
    # Then A does not read it as an order number (nor finds B's order)
    assert reply.message.turn_log["intent"] == "order"
    assert "order number" in reply.text and "W1812830" not in reply.text
