"""Composing grounded answers: sentences quoted from the best passages, product lists and
details, and the fixed replies (greeting, refusal, "I don't know")."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from apps.conversations.pipeline.citations import Sources
from apps.conversations.pipeline.context import Passage, ProductMatch
from apps.conversations.pipeline.grounded.intents import DETAIL_TERMS, HOW_MUCH, SHOPPING
from apps.conversations.pipeline.grounded.text import (
    STOPWORDS,
    passage_body,
    sentences,
    stem,
    terms,
)
from apps.knowledge.instructions import looks_like_instructions

MAX_SENTENCES = 3
# A chosen sentence brings the rest of its list item when the item is this short.
ITEM_MAX_SENTENCES = 3
SECOND_PASSAGE_WEIGHT = 0.8
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


def _score(sentence: str, asked: set[str]) -> float:
    matched = terms(sentence) & asked
    return sum(1.5 if len(term) >= 6 or any(c.isdigit() for c in term) else 1.0 for term in matched)


class _Candidate(NamedTuple):
    score: float
    passage: int  # index in the passages
    position: int  # sentence number in the passage
    text: str
    item: int | None  # list item (see text.Sentence)


def passages_answer(*, question: str, passages: list[Passage], sources: Sources) -> str:
    """Up to three sentences from the best one or two passages, each group with its marker."""
    asked = terms(question)
    candidates: list[_Candidate] = []
    for index, passage in enumerate(passages[:2]):
        body = passage_body(passage.hit.text, is_faq=passage.hit.source_kind == "faq")
        parts = [s for s in sentences(body) if not looks_like_instructions(s.text)]
        if parts and len(parts[0].text.split()) < 4 and len(parts) > 1:  # "Yes." + what follows
            parts = [parts[0]._replace(text=f"{parts[0].text} {parts[1].text}"), *parts[2:]]
        weight = 1.0 if index == 0 else SECOND_PASSAGE_WEIGHT
        for position, sentence in enumerate(parts):
            score = _score(sentence.text, asked) * weight
            if index == 0 and position == 0:
                score += 0.5  # a passage's opening usually states its point
            candidates.append(_Candidate(score, index, position, sentence.text, sentence.item))
    best = sorted(candidates, key=lambda c: (-c.score, c.passage, c.position))
    chosen = [c for c in best if c.score > 0.5][:MAX_SENTENCES] or best[:2]
    if chosen:  # the second passage only adds a sentence about as good as the best one
        chosen = [c for c in chosen if c.passage == 0 or c.score >= chosen[0].score * 0.8]
    chosen += _completions(chosen, candidates)
    groups: list[str] = []
    for index in sorted({c.passage for c in chosen}):
        marker = sources.add_passage(passages[index].hit)
        text = " ".join(
            c.text for c in sorted(chosen, key=lambda c: c.position) if c.passage == index
        )
        groups.append(f"{text} [{marker}]")
    return " ".join(groups)


def _completions(chosen: list[_Candidate], candidates: list[_Candidate]) -> list[_Candidate]:
    """What a chosen sentence is nothing without: the item after a sentence that introduces a
    list ("...even straight after a wash:"), and the rest of a short list item (a step's
    "Don't put boots near a stove, because heat cracks leather" after its instruction)."""
    taken = {(c.passage, c.position) for c in chosen}
    wanted: list[_Candidate] = []
    for c in chosen:
        same_passage = [f for f in candidates if f.passage == c.passage]
        if c.text.rstrip().endswith(":"):
            wanted += [f for f in same_passage if f.position == c.position + 1]
        siblings = [f for f in same_passage if c.item is not None and f.item == c.item]
        if len(siblings) <= ITEM_MAX_SENTENCES:
            wanted += siblings
    completions = {(f.passage, f.position): f for f in wanted}
    return [f for place, f in completions.items() if place not in taken]


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
