"""Composing grounded answers: product lists and details, and the fixed replies (greeting,
refusal, "I don't know"). Quoting passages lives in passages.py, order status in
order_answer.py."""

from __future__ import annotations

import re
from typing import Any

from apps.conversations.pipeline.citations import Sources
from apps.conversations.pipeline.context import ProductMatch
from apps.conversations.pipeline.grounded.intents import DETAIL_TERMS, HOW_MUCH, SHOPPING
from apps.conversations.pipeline.grounded.text import (
    STOPWORDS,
    stem,
    terms,
)

_CURRENCY = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$"}
_PRICE_PHRASE = re.compile(
    r"\b(under|below|less than|cheaper than|up to|over|above|more than|between)\b.*$", re.I
)
_LEADING = re.compile(r"^(an?|some|any|the|good|nice|new|me|something)\s+", re.I)
_PREPOSITION = re.compile(r"\s(for|with|to|in|that|which|from)\s", re.I)


def money(amount: str | None, currency: str) -> str:
    if amount is None:
        return ""
    symbol = _CURRENCY.get(currency)
    return f"{symbol}{amount}" if symbol else f"{amount} {currency}"


def _noun_phrase(question: str, *, plural: bool) -> str:
    phrase = SHOPPING.sub(" ", question)
    phrase = _PRICE_PHRASE.sub("", phrase)
    phrase = re.sub(r"[?!.,]", " ", phrase)
    phrase = re.sub(
        r"(\bi'm\b|\bi am\b|\b(i|you|please|me|can|could|do|have|any|what)\b)",
        " ",
        phrase,
        flags=re.I,
    )
    phrase = " ".join(phrase.split())
    while _LEADING.match(phrase):
        phrase = _LEADING.sub("", phrase, count=1)
    if not phrase or len(phrase.split()) > 5:
        return "options" if plural else "that"
    head_end = _PREPOSITION.search(f"{phrase} ")
    cut = head_end.start() if head_end else len(phrase)
    head, rest = phrase[:cut], phrase[cut:]
    if plural and not head.endswith("s"):
        head += "s"
    return (head + rest).strip()


def products_answer(
    *, question: str, matches: list[ProductMatch], max_price: str | None, sources: Sources
) -> str:
    first = matches[0].card
    budget = f" under {money(max_price, first.currency)}" if max_price else ""
    if len(matches) > 1:
        intro = f"Here are {len(matches)} {_noun_phrase(question, plural=True)}"
    else:  # the shopper's own words: no number to agree with
        intro = f"Here's what I found for {_noun_phrase(question, plural=False)}"
    lines = [f"{intro}{budget}:"]
    for match in matches:
        card = match.card
        marker = sources.add_product(card)
        price = card.variant.price if card.variant and card.variant.price else card.min_price
        amount = money(None if price is None else f"{price:.2f}", card.currency)
        sold_out = "" if card.available else " (sold out)"
        lines.append(f"- {card.title} — {amount}{sold_out} [{marker}]")
    return "\n".join(lines)


_AUDIENCE = frozenset({"men", "women", "kids", "kid", "unisex"})


def named_product(question: str, matches: list[ProductMatch]) -> ProductMatch | None:
    """The one product the question names ("the men's Basalt Mid WP boot"): its model name
    and at least one more of its title words appear in the question. When several products
    match as many words, only one whose whole title is in the question counts ("Ridgeback 65",
    not "Ridgeback 65 Rain Cover"); otherwise None ("the Cascade 3L": jacket, anorak, pants?)."""
    asked = terms(question) - DETAIL_TERMS
    scored = []
    for match in matches:
        words = [stem(w) for w in re.findall(r"[\w'.]+", match.card.title.lower())]
        distinctive = {w for w in words if w not in _AUDIENCE and w not in STOPWORDS}
        first = next((w for w in words if w in distinctive), None)
        if first is None or first not in asked:
            continue
        overlap = len(distinctive & asked)
        audience = sum(1 for w in words if w in _AUDIENCE and w in asked)
        if overlap >= 2 or len(distinctive) == 1:
            scored.append((overlap + audience, overlap == len(distinctive), match))
    if not scored:
        return None
    best = max(score for score, _, _ in scored)
    top = [(whole, match) for score, whole, match in scored if score == best]
    if len(top) > 1:
        top = [(whole, match) for whole, match in top if whole]
    return top[0][1] if len(top) == 1 else None


def product_detail_answer(*, question: str, product: dict[str, Any], sources: Sources) -> str:
    marker = sources.add_product(product)
    asked = terms(question)
    specific = {"size", "fit", "colour", "color"} & asked
    parts = []
    for name, values in product["options"].items():
        key = name.lower()
        wants_size = key.startswith("size") and {"size", "fit"} & asked
        wants_colour = key.startswith(("colo", "shade")) and {"colour", "color"} & asked
        if wants_size or wants_colour or (not specific and "come" in asked):
            parts.append(f"{name.lower()} {', '.join(values)}")
    facts = [f"comes in {'; '.join(parts)}"] if parts else []
    for name, value in product["attributes"].items():
        if terms(name) & asked:
            facts.append(f"has {name.lower()} {value}")
    low, high = product["min_price"], product["max_price"]
    price = money(low, product["currency"])
    if high and high != low:
        price = f"{price} to {money(high, product['currency'])}"
    if not facts or {"price", "cost"} & asked or HOW_MUCH.search(question):
        facts.append(f"costs {price}")
    if {"available", "stock"} & asked or not product["available"]:
        facts.append("is in stock" if product["available"] else "is sold out")
    return f"The {product['title']} {', and '.join(facts)}. [{marker}]"
