"""What the shopper wants, read without a language model: patterns for orders, handoff,
greetings and shopping; everything else is a question for the store's knowledge."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from apps.catalog.order_numbers import OrderNumberFormat
from apps.conversations.pipeline.grounded.order_numbers import order_number_find
from apps.conversations.pipeline.grounded.text import stem, terms

IntentKind = Literal["refused", "handoff", "greeting", "thanks", "order", "shopping", "question"]

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Asking after an order needs an order-ish subject and a status word, as whole words: "later",
# "latest" or "shipping costs" are no order status.
_STATUS_WORD = (
    r"(where|status|track|tracking|tracked|arrive|arrived|arriving|deliver|delivered|ship"
    r"|shipped|dispatched|late|lost|update on|updates|come)"
)
_MY_ORDER = re.compile(
    rf"\b{_STATUS_WORD}\b.*\bmy (order|package|parcel|delivery|shipment)\b"
    rf"|\bmy (order|package|parcel|delivery|shipment)\b.*\b{_STATUS_WORD}\b",
    re.I,
)
_HOW_TO = re.compile(r"^\s*(how (do|can|long|much)|can i|what (is|are) (the|your))\b", re.I)
_HANDOFF = re.compile(
    r"\b(talk|speak|chat|connect|transfer)\w*\b.{0,30}\b(human|person|people|agent|someone|"
    r"representative|staff|team|somebody|real)\b|\b(human|live) (agent|person|support)\b"
    r"|\breal person\b",
    re.I,
)
_GREETING = re.compile(
    r"^\s*(hi|hello|hey|hiya|good (morning|afternoon|evening)|greetings|yo)\b[\s!.,]*"
    r"(there|team|everyone)?[\s!.,]*$",
    re.I,
)
_THANKS = re.compile(
    r"^\s*(thanks|thank you|thx|ty|cheers|great|perfect|awesome|ok|okay)\b[\w\s!.,']{0,30}$",
    re.I,
)
SHOPPING = re.compile(
    r"\b(do you (have|sell|carry|stock|make)|looking for|recommend|suggest|show me|shopping for"
    r"|i('m| am) after|i need an?|i want an?|buy an?|any good|best \w+ for|under \$?\d"
    r"|below \$?\d|less than \$?\d|cheap\w*|gift for|options for)\b",
    re.I,
)
# Words that ask about a named product's details.
DETAIL_TERMS = frozenset(
    stem(word)
    for word in [
        "size",
        "sizes",
        "colour",
        "colours",
        "color",
        "colors",
        "price",
        "cost",
        "weigh",
        "weight",
        "material",
        "available",
        "stock",
        "waterproof",
        "come",
    ]
)
HOW_MUCH = re.compile(r"\bhow much\b", re.I)
# A refused topic's generic words ("medical advice") do not have to appear in the question.
_GENERIC = frozenset(
    stem(word)
    for word in ["advice", "question", "topic", "information", "info", "help", "tip", "issue"]
)


@dataclass(frozen=True)
class Intent:
    kind: IntentKind
    order_number: str | None = None
    email: str | None = None
    refused_topic: str | None = None


def refused_topic(question: str, topics: list[str]) -> str | None:
    """The merchant's refused topic the question is about: every specific word of the topic
    (in any form: "medical" matches "medical advice") appears in the question."""
    asked = terms(question)
    for topic in topics:
        needed = terms(topic) - _GENERIC
        if needed and needed <= asked:
            return topic
    return None


def intent_detect(
    *,
    question: str,
    earlier_questions: list[str],
    shopper_email: str | None,
    refused_topics: list[str],
    order_numbers: OrderNumberFormat | None = None,
) -> Intent:
    """`earlier_questions` (most recent first) supply an order number or email given in an
    earlier message; `order_numbers` is the store's order-number format."""
    if topic := refused_topic(question, refused_topics):
        return Intent(kind="refused", refused_topic=topic)
    if _HANDOFF.search(question):
        return Intent(kind="handoff")
    if _GREETING.match(question):
        return Intent(kind="greeting")
    if _THANKS.match(question):
        return Intent(kind="thanks")
    number = order_number_find(text=question, known=order_numbers)
    email_match = EMAIL.search(question)
    ordering = number or email_match or (_MY_ORDER.search(question) and not _HOW_TO.match(question))
    if ordering:
        for earlier in earlier_questions[:4]:
            number = number or order_number_find(text=earlier, known=order_numbers)
            email_match = email_match or EMAIL.search(earlier)
        email = email_match.group(0) if email_match else shopper_email
        return Intent(kind="order", order_number=number, email=email)
    if SHOPPING.search(question):
        return Intent(kind="shopping")
    return Intent(kind="question")
