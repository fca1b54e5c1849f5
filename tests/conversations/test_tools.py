"""The assistant's tools: shopper-safe results, both order credentials required, bad
arguments answered as errors the model can read."""

from __future__ import annotations

from apps.conversations import tools
from apps.core.tenancy import tenant_context
from tests.conversations.conftest import new_conversation


def test_lookup_order_needs_number_and_email_and_never_returns_the_customer(store_a) -> None:
    with tenant_context(store_a):
        found = tools.lookup_order(number="DO-1000001", email="ada@example.com")
        assert tools.lookup_order(number="DO-1000001", email="") == {"found": False}
        assert tools.lookup_order(number="", email="ada@example.com") == {"found": False}

    assert found["found"] and found["order"]["shipments"][0]["tracking_number"] == "1Z999"
    text = str(found).lower()
    assert "ada@example.com" not in text and "lovelace" not in text


def test_tool_run_answers_bad_calls_with_errors(store_a) -> None:
    conversation = new_conversation(store_a)
    with tenant_context(store_a):

        def run(name: str, **arguments: object) -> dict:
            return tools.tool_run(
                tenant=store_a, conversation=conversation, name=name, arguments=arguments
            )

        assert run("search_products") == {"error": "invalid_arguments"}
        assert run("drop_tables") == {"error": "unknown_tool"}
        assert run("get_product", product_id="not a number") == {"found": False}
        cards = run("search_products", query="tent", max_price="abc")["products"]
    assert cards[0]["handle"] == "lupine-2" and cards[0]["min_price"] == "399.00"
