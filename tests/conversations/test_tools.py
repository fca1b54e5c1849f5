"""The assistant's tools: shopper-safe results, both order credentials required, bad
arguments answered as errors the model can read."""

from __future__ import annotations

from apps.conversations.pipeline import tools
from apps.conversations.pipeline.config import turn_config_for_store
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
    config = turn_config_for_store(tenant=store_a)
    with tenant_context(store_a):

        def run(name: str, **arguments: object) -> dict:
            return tools.tool_run(
                tenant=store_a,
                conversation=conversation,
                config=config,
                ip="10.0.0.1",
                name=name,
                arguments=arguments,
            )

        assert run("search_products") == {"error": "invalid_arguments"}
        assert run("drop_tables") == {"error": "unknown_tool"}
        assert run("get_product", product_id="not a number") == {"found": False}
        cards = run("search_products", query="tent", max_price="abc")["products"]
    assert cards[0]["handle"] == "lupine-2" and cards[0]["min_price"] == "399.00"


def _lookup(tenant, conversation, *, ip: str = "10.0.0.1", email: str = "eve@example.com"):
    with tenant_context(tenant):
        return tools.shopper_order_lookup(
            tenant=tenant, conversation=conversation, ip=ip, number="DO-1000001", email=email
        )


def test_failed_order_lookups_are_limited_per_session(store_a, settings) -> None:
    # Given a session that guessed wrong as often as allowed
    settings.CHAT_ORDER_LOOKUP_FAILURES_PER_SESSION = "3/15minutes"
    conversation = new_conversation(store_a)
    for _attempt in range(3):
        assert _lookup(store_a, conversation) == {"found": False}

    # When it then sends the right email
    limited = _lookup(store_a, conversation, email="ada@example.com")

    # Then nothing is looked up: "not found", and the reason
    assert limited == {"found": False, "error": "rate_limited"}
    # while another session (another IP too) of the same store may still look up its order
    other = new_conversation(store_a, session_id="other-session")
    assert _lookup(store_a, other, ip="10.0.0.2", email="ada@example.com")["found"] is True


def test_failed_order_lookups_are_limited_per_ip_across_sessions(store_a, settings) -> None:
    settings.CHAT_ORDER_LOOKUP_FAILURES_PER_IP = "2/hour"
    for session in ("session-one", "session-two"):
        _lookup(store_a, new_conversation(store_a, session_id=session))

    limited = _lookup(store_a, new_conversation(store_a, session_id="session-three"))

    assert limited == {"found": False, "error": "rate_limited"}


def test_successful_order_lookups_are_not_counted(store_a, settings) -> None:
    settings.CHAT_ORDER_LOOKUP_FAILURES_PER_SESSION = "1/15minutes"
    conversation = new_conversation(store_a)
    for _attempt in range(3):
        assert _lookup(store_a, conversation, email="ada@example.com")["found"] is True
