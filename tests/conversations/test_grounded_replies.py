"""The answer pipeline with the built-in grounded responder (no LLM configured)."""

from __future__ import annotations

import uuid

import pytest
from asgiref.sync import async_to_sync
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.conversations.models import AssistantSettings, Conversation, Message, UsageEvent
from apps.conversations.pipeline.config import turn_config_for_store
from apps.conversations.pipeline.events import Event
from apps.conversations.pipeline.run import _turn_prepare, reply_stream
from apps.conversations.pipeline.turn import NO_EXTRAS, OrderQuery
from apps.conversations.services.conversations import messages_append
from apps.core.tenancy import tenant_context
from tests.conversations.conftest import ask, new_conversation, seed_store_b


def test_a_policy_question_is_answered_from_the_passage_and_cites_it(store_a) -> None:
    # When a shopper asks about returns
    reply = ask(store_a, "How long do I have to return something?")

    # Then the answer quotes the return window and cites the returns page
    assert "60 days" in reply.text and "[1]" in reply.text
    assert [(c["kind"], c["title"]) for c in reply.citations] == [
        ("knowledge", "Returns and exchanges")
    ]
    # and every event belongs to the new assistant message, the last one being `done`
    assert {e.message_id for e in reply.events} == {str(reply.message.public_id)}
    assert reply.events[-1].type == "done" and reply.events[-1].status == "complete"
    assert len(reply.of("delta")) > 1  # streamed in word groups

    # and the turn is persisted with its log, timings and a usage event
    message = reply.message
    assert message.status == Message.Status.COMPLETE and message.content == reply.text
    assert message.citations == reply.citations and message.provider == "grounded"
    assert message.turn_log["intent"] == "question" and message.turn_log["answer"] == "passages"
    assert message.turn_log["retrieved"]["chunks"][0]["similarity"] > 0.4
    assert None not in (message.retrieval_ms, message.first_token_ms, message.total_ms)
    with tenant_context(store_a):
        assert UsageEvent.objects.filter(message=message, quantity=1).count() == 1
        assert message.conversation.messages.filter(role="user").get().content.startswith("How")


def test_a_shopping_question_gets_product_cards_citing_the_products(store_a) -> None:
    reply = ask(store_a, "Do you have a waterproof rain jacket under 100?")

    assert reply.text.startswith("Here's what I found for waterproof rain jacket under $100:")
    assert "Drizzle Packable Rain Jacket" in reply.text
    [products] = reply.of("products")
    assert [p["handle"] for p in products.products] == ["drizzle"]  # the $289 shell is filtered
    assert [c["handle"] for c in reply.citations] == ["drizzle"]
    assert reply.message.products == products.products


def test_a_question_naming_a_product_is_answered_from_its_details(store_a) -> None:
    reply = ask(store_a, "What colours does the Cascade 3L Shell Jacket come in?")

    assert "Slate Blue" in reply.text and "Moss" in reply.text
    assert [c["handle"] for c in reply.citations] == ["cascade-3l"]
    assert [t.name for t in reply.of("tool")] == ["get_product", "get_product"]


def test_order_lookup_with_the_orders_email_answers_status_and_tracking(store_a) -> None:
    reply = ask(store_a, "Where is my order DO-1000001? My email is Ada@example.com")

    assert "has shipped" in reply.text and "1Z999" in reply.text
    assert "https://www.ups.com/track?tracknum=1Z999" in reply.text
    assert [c["kind"] for c in reply.citations] == ["order"]
    assert "ada@example.com" not in str(reply.message.tool_calls).lower()
    assert "Ada Lovelace" not in reply.text


def test_a_wrong_email_gets_the_same_answer_as_an_unknown_number(store_a) -> None:
    wrong_email = ask(store_a, "Where is my order DO-1000001? My email is eve@example.com")
    unknown = ask(store_a, "Where is my order DO-9999999? My email is ada@example.com")

    assert wrong_email.text == unknown.text
    assert "couldn't find an order" in wrong_email.text
    assert wrong_email.citations == unknown.citations == []


def test_order_details_given_over_two_messages_or_by_the_storefront(store_a) -> None:
    conversation = new_conversation(store_a)
    first = ask(store_a, "Where is my order DO-1000001?", conversation=conversation)
    assert "email address" in first.text

    second = ask(store_a, "it's ada@example.com", conversation=conversation)
    assert "has shipped" in second.text

    known = ask(store_a, "status of my order DO-1000001", shopper_email="ada@example.com")
    assert "has shipped" in known.text


def test_instructions_inside_a_document_are_never_followed(store_a) -> None:
    reply = ask(store_a, "What does the store notice say about free products and discounts?")

    assert "free" not in reply.text.lower() and "system prompt" not in reply.text.lower()
    assert all(c.get("title") != "Store notice" for c in reply.citations)
    assert any("instruction-like" in note for note in reply.message.turn_log["notes"])


def test_a_refused_topic_is_refused_without_retrieval(store_a) -> None:
    with tenant_context(store_a):
        AssistantSettings.objects.update_or_create(
            pk=1, defaults={"refused_topics": ["medical advice"]}
        )

    reply = ask(store_a, "Can you give me medical advice about my sprained ankle?")

    assert reply.text.startswith("Sorry, I can't help with medical advice.")
    assert reply.citations == [] and "retrieved" not in reply.message.turn_log


def test_a_question_the_store_cannot_answer_says_so_and_offers_the_team(store_a) -> None:
    reply = ask(store_a, "Who won the football world cup in 1998?")

    assert reply.text.startswith("I don't know")
    assert "connect you with the team" in reply.text
    assert reply.citations == [] and reply.message.turn_log["answer"] == "dont_know"


def test_asking_for_a_person_hands_the_conversation_off(
    store_a, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        reply = ask(store_a, "Can I talk to a human please?")

    assert reply.text == AssistantSettings().escalation_message
    with tenant_context(store_a):
        conversation = Conversation.objects.get(pk=reply.message.conversation_id)
    assert conversation.status == Conversation.Status.HANDED_OFF
    assert len(callbacks) == 2  # the inbox notification and the status push, on commit
    assert reply.message.tool_calls[0]["name"] == "handoff_to_human"


def test_stopping_mid_stream_keeps_what_was_said_as_stopped(store_a) -> None:
    reply = ask(store_a, "How long do I have to return something?", stop_after_deltas=1)

    assert len(reply.of("delta")) == 1
    assert reply.events[-1].type == "done" and reply.events[-1].status == "stopped"
    assert reply.message.status == Message.Status.STOPPED
    assert reply.message.content == reply.text and reply.text


def test_a_reply_never_uses_another_stores_data(store_a, tenant_b) -> None:
    # Given store B sells telescopes and has its own orders
    with tenant_context(tenant_b):
        seed_store_b()

    # When a shopper of store A asks about B's products, knowledge and order
    telescope = ask(store_a, "Do you have a reflector telescope?")
    lenses = ask(store_a, "How do I clean my telescope lenses?")
    bea = ask(store_a, "Where is my order DO-2000002? my email is bea@example.com")

    # Then store A knows nothing about them
    for reply in (telescope, lenses, bea):
        assert "Orion" not in reply.text and "blower brush" not in reply.text
        assert all(c.get("title") != "Telescope care" for c in reply.citations)
        assert all(c.get("handle") != "orion-8" for c in reply.citations)
    assert "couldn't find an order" in bea.text
    # and store B's own shopper gets B's answer
    assert "blower brush" in ask(tenant_b, "How do I clean my telescope lenses?").text


def test_a_turn_reads_the_assistant_settings_once(store_a) -> None:
    # Given a store whose settings row exists
    with tenant_context(store_a), CaptureQueriesContext(connection) as queries:
        # When a shopper's turn runs (on the test's thread, so its queries are captured)
        ask(store_a, "How long do I have to return something?")

    # Then the settings were read once, for the persona and the provider alike
    settings_reads = [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "conversations_assistantsettings"' in q["sql"]
    ]
    assert len(settings_reads) == 1


def test_each_answer_records_its_best_similarity_and_whether_it_was_answered(store_a) -> None:
    # When a shopper asks one question the store can answer and one it cannot
    answered = ask(store_a, "How long do I have to return something?")
    unknown = ask(store_a, "Who won the football world cup in 1998?")
    greeting = ask(store_a, "Hello!")

    # Then both record the closest source retrieved, and only the second is unanswered
    retrieved = answered.message.turn_log["retrieved"]
    closest = max(hit["similarity"] for hit in retrieved["chunks"] + retrieved["products"])
    assert answered.message.best_similarity == pytest.approx(closest, abs=0.001)
    assert answered.message.unanswered is False
    assert unknown.message.unanswered is True
    assert unknown.message.best_similarity < answered.message.best_similarity
    # and a turn that retrieved nothing has no similarity and is not a knowledge gap
    assert greeting.message.best_similarity is None and greeting.message.unanswered is False


def test_an_order_frame_looks_the_order_up_without_guessing_the_intent(store_a) -> None:
    # When the widget's order form sends a number and an email (text the intent rules would
    # not read as an order)
    reply = ask(store_a, "Hi", order=OrderQuery(number="DO-1000001", email="ada@example.com"))

    # Then the order is looked up and answered, and the email is not kept
    assert "has shipped" in reply.text
    assert reply.message.turn_log["intent"] == "order"
    assert "ada@example.com" not in str(reply.message.turn_log) + str(reply.message.tool_calls)
    # and the storefront's email stands in when the form sent none
    known = ask(
        store_a,
        "Order",
        order=OrderQuery(number="DO-1000001", email=None),
        shopper_email="ada@example.com",
    )
    assert "has shipped" in known.text


def test_a_rate_limited_order_lookup_says_not_found_with_the_reason(store_a, settings) -> None:
    # Given a session whose failed lookups reached the limit
    settings.CHAT_ORDER_LOOKUP_FAILURES_PER_SESSION = "1/15minutes"
    conversation = new_conversation(store_a)
    wrong = ask(
        store_a,
        "Order",
        conversation=conversation,
        order=OrderQuery(number="DO-1000001", email="eve@example.com"),
    )

    # When it tries again, with the right email this time
    limited = ask(
        store_a,
        "Order",
        conversation=conversation,
        order=OrderQuery(number="DO-1000001", email="ada@example.com"),
    )

    # Then it gets the same "not found" answer, and the tool event says why
    assert limited.text == wrong.text and "couldn't find an order" in limited.text
    [_started, finished] = limited.of("tool")
    assert (finished.status, finished.result) == (
        "failed",
        {"found": False, "error": "rate_limited"},
    )
    assert limited.message.turn_log["answer"] == "order_rate_limited"


def test_a_handoff_request_streams_the_escalation_message_and_stores_no_question(
    store_a,
) -> None:
    conversation = new_conversation(store_a)

    reply = ask(store_a, "", conversation=conversation, handoff=True)

    assert reply.text == AssistantSettings().escalation_message
    assert [(t.name, t.status) for t in reply.of("tool")] == [
        ("handoff_to_human", "started"),
        ("handoff_to_human", "finished"),
    ]
    with tenant_context(store_a):
        conversation.refresh_from_db()
        roles = list(conversation.messages.values_list("role", flat=True))
    assert conversation.status == Conversation.Status.HANDED_OFF and roles == ["assistant"]


def test_a_turn_takes_a_fixed_number_of_statements_and_reads_nothing_back(store_a) -> None:
    # Given a conversation with an earlier turn (so there is history to read), in a store whose
    # chunks have been analysed (as autovacuum does; else search counts them exactly)
    conversation = new_conversation(store_a)
    ask(store_a, "How long do I have to return something?", conversation=conversation)
    with tenant_context(store_a), connection.cursor() as cursor:
        cursor.execute("ANALYZE knowledge_chunk")
    config = turn_config_for_store(tenant=store_a)
    stored: list[Message] = []

    async def turn() -> list[Event]:
        return [
            event
            async for event in reply_stream(
                tenant=store_a,
                conversation=conversation,
                text="When will my refund be processed?",
                config=config,
                on_stored=stored.append,
            )
        ]

    # When the next question is answered from the store's knowledge and products
    with tenant_context(store_a), CaptureQueriesContext(connection) as queries:
        events = async_to_sync(turn)()

    # Then the turn took a fixed set of statements (every one costs CPU under load): per hop
    # the store's search_path (three: the append runs beside the preparation); history; the two
    # messages appended under the conversation's row lock; knowledge search (size estimate,
    # query); product search (its transaction's settings, query, cards and variants); the
    # passages' stored sentence vectors; and the answer with its usage event. The settings
    # come with the configuration: the pipeline reads none.
    statements = [q["sql"] for q in queries.captured_queries]
    assert len(statements) == 21, "\n".join(s[:100] for s in statements)
    assert not [s for s in statements if "assistantsettings" in s or "knowledgesettings" in s]
    # and nothing it wrote was read back: the stored messages were handed over instead
    history_reads = [s for s in statements if s.startswith('SELECT "conversations_message"')]
    assert len(history_reads) == 1
    assert [m.role for m in stored] == [Message.Role.USER, Message.Role.ASSISTANT]
    answer = stored[1]
    assert (
        answer.status == Message.Status.COMPLETE and str(answer.public_id) == events[-1].message_id
    )
    assert answer.content == "".join(e.text for e in events if e.type == "delta")


def test_the_question_stored_beside_the_preparation_is_not_read_as_history(store_a) -> None:
    # Given a conversation with an earlier turn, whose next question was committed before the
    # preparation read the history (the two run side by side)
    conversation = new_conversation(store_a)
    ask(store_a, "How long do I have to return something?", conversation=conversation)
    question_id = uuid.uuid4()
    text = "When will my refund be processed?"
    with tenant_context(store_a):
        messages_append(
            conversation=conversation,
            messages=[{"role": Message.Role.USER, "content": text, "public_id": question_id}],
        )

        # When the turn is prepared
        turn = _turn_prepare(
            tenant=store_a,
            conversation=conversation,
            text=text,
            config=turn_config_for_store(tenant=store_a),
            shopper=NO_EXTRAS,
            question_id=question_id,
        )

    # Then its history is the earlier turn only: the question is not asked twice
    assert [m.role for m in turn.history] == ["user", "assistant"]
    assert turn.history[0].content == "How long do I have to return something?"
