"""Product questions read against the store's own catalog vocabulary (apps/catalog/vocabulary):
which product(s) the question names, which variant (any option value the catalog has), which
option it asks about, price limits, "cheapest"/"most expensive" and two-product comparisons;
and answers that state the facts of the variant asked about, never stock it doesn't have.

The same resolution feeds the grounded responder (`catalog_answer`) and an LLM turn
(`catalog_facts`, given to the model as a tool result)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from apps.catalog.query_understanding import understand
from apps.catalog.search import ProductCard, VariantCard
from apps.catalog.vocabulary import (
    SYNONYMS,
    ProductFacts,
    VariantFacts,
    Vocabulary,
    catalog_vocabulary,
    phrase_key,
    words,
)
from apps.conversations.pipeline.citations import Sources
from apps.conversations.pipeline.context import ProductMatch
from apps.conversations.pipeline.grounded.compose import money
from apps.conversations.pipeline.grounded.intents import DETAIL_TERMS, HOW_MUCH
from apps.conversations.pipeline.tools import card_json

# Past this, a question is read only in its first characters (a pasted essay names its
# product early, and reading 2,000 characters word by word costs time on every turn).
READ_CHARS = 600
LONGEST_PHRASE = 4  # words in the longest option value or title word run compared
# A product is named when the question has this share of its title (by distinctiveness).
NAMED_SHARE = 0.5
NEAREST_SHOWN = 3
# What an option value only some products have adds to a product's claim to be the one named.
VALUE_WEIGHT = 0.25
LISTED_VARIANTS = 4
_CHEAPEST = re.compile(
    r"\b(cheapest|least expensive|lowest[- ]price[d]?|most affordable|lowest cost)\b", re.I
)
_DEAREST = re.compile(
    r"\b(most expensive|priciest|highest[- ]price[d]?|most costly|dearest)\b", re.I
)
_COMPARE = re.compile(
    r"\b(more expensive|less expensive|cheaper|pricier|costlier|price difference|"
    r"difference in price|costs? more|costs? less)\b",
    re.I,
)
_PARTS = re.compile(r"\b(?:or|vs\.?|versus|than|and|compared? (?:to|with))\b|,", re.I)
_STOCK = re.compile(
    r"\b(in stock|stock|available|availability|sold out|out of stock|any left|left in)\b", re.I
)
_OPTIONS = re.compile(r"\b(comes? in|options|variants|versions|choices)\b", re.I)
_PRICE = re.compile(r"\b(price[sd]?|cost[s]?|how much|pricing)\b|\$", re.I)
# Option values this short ("M", "10") count only next to their option's name ("size M") or
# written in capitals in a question that is not all capitals ("the XL one").
SHORT_VALUE = 2


@dataclass(frozen=True)
class Reading:
    """A question in the catalog's words."""

    text: str
    words: list[str]  # canonical, typos corrected
    keys: set[str]  # every run of up to LONGEST_PHRASE words, joined, and their synonyms
    corrected: set[str]  # the catalog words read from typos


def _runs(found: list[str]) -> set[str]:
    return {
        "".join(found[start:end])
        for start in range(len(found))
        for end in range(start + 1, min(start + LONGEST_PHRASE, len(found)) + 1)
    }


def read(question: str, vocabulary: Vocabulary) -> Reading:
    text = question[:READ_CHARS]
    written = words(text)
    found = [vocabulary.correct(w) or w for w in written]
    as_written = _runs(written)  # "e reader" is "ereader" as written, not a typo of it
    keys = as_written | _runs(found)
    keys |= {synonym for key in list(keys) for synonym in SYNONYMS.get(key, ())}
    return Reading(text=text, words=found, keys=keys, corrected=set(found) - as_written)


@dataclass(frozen=True)
class Constraint:
    """An option value the question names, and the product's options that may have it."""

    key: str
    names: frozenset[str]  # lower-cased option names
    shown: str  # the value as the catalog writes it

    def met_by(self, variant: VariantFacts) -> bool:
        options = {name.lower(): value for name, value in variant.options.items()}
        return any(phrase_key(options.get(name, "")) == self.key for name in self.names)


@dataclass
class ProductReading:
    product: ProductFacts
    constraints: list[Constraint] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # values the product doesn't come in
    asked_options: list[str] = field(default_factory=list)  # option names, as written


def _name_asked(name: str, reading: Reading) -> bool:
    key = phrase_key(name)
    head = (words(name) or [""])[-1]
    return key in reading.keys or (head in reading.keys and len(head) > 2)


def _short_value_named(value: str, name: str, reading: Reading) -> bool:
    if _name_asked(name, reading) or (re.search(r"\d", value) and re.search(r"[a-z]", value, re.I)):
        return True  # "size M", or a value like "4K" that is no ordinary word
    return (
        not reading.text.isupper()
        and value.isupper()
        and re.search(rf"(?<!\w){re.escape(value)}(?!\w)", reading.text) is not None
    )


def product_reading(
    product: ProductFacts, reading: Reading, vocabulary: Vocabulary
) -> ProductReading:
    """What the question says about one product's variants."""
    result = ProductReading(product=product)
    values: dict[str, dict[str, str]] = {}  # value key → {option name (lower): value as written}
    names: dict[str, str] = {}
    for variant in product.variants:
        for name, value in variant.options.items():
            values.setdefault(phrase_key(value), {})[name.lower()] = value
            names.setdefault(name.lower(), name)
    title = "".join(product.title_words)
    for key, by_name in values.items():
        if not key or key not in reading.keys or (key in title and len(key) > SHORT_VALUE):
            continue
        named = {
            n: v
            for n, v in by_name.items()
            if len(key) > SHORT_VALUE or _short_value_named(v, names[n], reading)
        }
        # "black frame": of the options that have the value, the one the question names.
        preferred = {n for n in named if _name_asked(names[n], reading)} or set(named)
        if preferred:
            shown = named[next(iter(sorted(preferred)))]
            result.constraints.append(Constraint(key, frozenset(preferred), shown))
    # "GPS" inside a named "GPS + Cellular" is not a value of its own.
    result.constraints = [
        c
        for c in result.constraints
        if not any(
            c.key != d.key and c.key in d.key and c.names & d.names for d in result.constraints
        )
    ]
    result.constraints += _switches(names, values, reading)
    result.constraints += _by_distinct_word(names, values, reading, product)
    result.missing += _unknown_amounts(values, title, reading)
    # A value other products have for an option this product also has: it doesn't come in it.
    for key, option_names in vocabulary.values.items():
        if key in values or key not in reading.keys or key in title or len(key) <= SHORT_VALUE:
            continue
        if option_names & set(names) and not _part_of_named(key, result.constraints):
            result.missing.append(_shown_value(key, option_names, vocabulary))
    result.asked_options = [
        name
        for lower, name in names.items()
        if _name_asked(name, reading) and not any(lower in c.names for c in result.constraints)
    ]
    if not result.asked_options and not result.constraints and _OPTIONS.search(reading.text):
        result.asked_options = list(names.values())
    return result


_WITHOUT = frozenset({"without", "no", "non"})
_SWITCH = {"yes", "no"}
# Values that mean nothing without their option's name.
_BARE = frozenset({"yes", "no", "none", "standard", "default"})


def _switches(
    names: dict[str, str], values: dict[str, dict[str, str]], reading: Reading
) -> list[Constraint]:
    """Yes/no options named by their name: "with mop" is "Mop attachment: Yes", "without
    mop" is "No"."""
    found = []
    for lower, name in names.items():
        own = {key for key, by_name in values.items() if lower in by_name}
        if not own or not own <= _SWITCH:
            continue
        for index, word in enumerate(reading.words):
            if len(word) > 2 and word in words(name):
                before = reading.words[index - 1] if index else ""
                key = "no" if before in _WITHOUT else "yes"
                if key in own:
                    found.append(Constraint(key, frozenset({lower}), values[key][lower]))
                break
    return found


def _by_distinct_word(
    names: dict[str, str],
    values: dict[str, dict[str, str]],
    reading: Reading,
    product: ProductFacts,
) -> list[Constraint]:
    """Options no value of which is named in full, but one word only one of their values has
    ("LTE" of "Wi-Fi + LTE" beside "Wi-Fi"; "without ads" for "Without offers")."""
    found = []
    for lower in names:
        own = {key: by_name[lower] for key, by_name in values.items() if lower in by_name}
        if any(key in reading.keys for key in own):
            continue
        spelled = {key: set(words(value)) for key, value in own.items()}
        counts = Counter(word for value_words in spelled.values() for word in value_words)
        hits = [
            key
            for key, value_words in spelled.items()
            if any(
                counts[w] == 1 and len(w) > 2 and w in reading.keys and w not in product.title_words
                for w in value_words
            )
        ]
        if len(hits) == 1:
            found.append(Constraint(hits[0], frozenset({lower}), own[hits[0]]))
    return found


def _shape(key: str) -> str:
    return re.sub(r"\d+", "#", key)


def _unknown_amounts(values: dict[str, dict[str, str]], title: str, reading: Reading) -> list[str]:
    """Amounts written like the product's values but not among them ("512GB" when it comes in
    64, 128 and 256 GB)."""
    shapes = {
        _shape(key): next(iter(by_name.values()))
        for key, by_name in values.items()
        if re.search(r"\d", key) and re.search(r"[a-z]", key)
    }
    named = [key for key in values if key in reading.keys]
    missing = []
    for key in reading.keys:
        sample = shapes.get(_shape(key))
        if sample is None or key in values or key in title or _shape(sample) == sample:
            continue
        if any(key in value or value in key for value in named):  # "5l" of "0.5 L", "10 64gb"
            continue
        amounts = re.findall(r"\d+", key)
        if len(amounts) == 1 and len(re.findall(r"\d+(?:\.\d+)?", sample)) == 1:
            missing.append(re.sub(r"\d+(?:\.\d+)?", amounts[0], sample))
    return missing


def _part_of_named(key: str, constraints: list[Constraint]) -> bool:
    """ "blue" inside a named "slate blue" is not a second value."""
    return any(key != c.key and key in c.key for c in constraints)


def _shown_value(key: str, option_names: frozenset[str], vocabulary: Vocabulary) -> str:
    for product in vocabulary.products.values():
        for variant in product.variants:
            for name, value in variant.options.items():
                if name.lower() in option_names and phrase_key(value) == key:
                    return value
    return key


def _named(reading: Reading, vocabulary: Vocabulary, ranked: dict[int, int]) -> list[ProductFacts]:
    """The product the question names (a list of one, or empty): enough of the title's
    distinctive words, or some of them and option values only it has ("the 55" clearview
    qled": the TV, not the projector); the product search's own rank breaks ties."""
    scored = []
    # "How waterproof is the X": a question word, not part of a name.
    asked = {key for key in reading.keys if key not in DETAIL_TERMS}
    for product in vocabulary.products.values():
        title = product.title_words
        matched = title & asked
        if not matched:
            continue
        total = sum(vocabulary.weights.get(w, 0.0) for w in title) or 1.0
        share = sum(vocabulary.weights.get(w, 0.0) for w in matched) / total
        # One word names a product only when no other title has it, as the shopper wrote it.
        unique = any(
            vocabulary.frequency.get(w) == 1 and len(w) > 2 and w not in reading.corrected
            for w in matched
        )
        values = len({k for k in product.value_keys & asked if len(k) > SHORT_VALUE})
        named = share >= NAMED_SHARE and (len(matched) >= 2 or len(title) == 1 or unique)
        if named or values or (unique and len(matched) >= 2):
            score = share + VALUE_WEIGHT * values
            rank = ranked.get(product.id, len(ranked))
            scored.append((-score, -len(matched), rank, product.id))
    scored.sort()
    if not scored or (len(scored) > 1 and scored[0][:3] == scored[1][:3]):
        return []  # equally named, neither found by search: the question doesn't say which
    return [vocabulary.products[scored[0][3]]]


def _card(product: ProductFacts, variant: VariantFacts | None) -> dict[str, Any]:
    return card_json(
        ProductCard(
            id=product.id,
            title=product.title,
            handle=product.handle,
            url=product.url,
            image=product.image,
            min_price=product.min_price,
            max_price=product.max_price,
            currency=product.currency,
            available=product.available,
            score=0.0,
            variant=None
            if variant is None
            else VariantCard(
                id=variant.id,
                sku=variant.sku,
                options=variant.options,
                price=variant.price,
                compare_at_price=variant.compare_at_price,
                available=variant.available,
            ),
        )
    )


def _price_range(variants: list[VariantFacts], product: ProductFacts) -> str:
    prices = [v.price for v in variants if v.price is not None]
    low = min(prices) if prices else product.min_price
    high = max(prices) if prices else product.max_price
    if low is None:
        return ""
    text = money(f"{low:.2f}", product.currency)
    if high is not None and high != low:
        text += f" to {money(f'{high:.2f}', product.currency)}"
    return text


def _describe(variant: VariantFacts, skip: frozenset[str] = frozenset()) -> str:
    shown = [
        f"{name}: {value}" if phrase_key(value) in _BARE else value
        for name, value in variant.options.items()
        if name.lower() not in skip
    ]
    return " / ".join(shown) or "the default option"


@dataclass(frozen=True)
class ProductFactsAnswer:
    text: str
    kind: str
    products: list[dict[str, Any]]
    facts: list[dict[str, Any]]  # what an LLM is given as the tool result

    @property
    def tool_calls(self) -> list[dict[str, Any]]:
        """The turn log's record: each product's facts, as `get_product` reads them."""
        return [
            {"name": "get_product", "arguments": {"product_id": f["id"]}, "result": {"found": True}}
            for f in self.facts
        ]


def _facts(product: ProductFacts, variants: list[VariantFacts]) -> dict[str, Any]:
    return {
        "id": product.id,
        "title": product.title,
        "handle": product.handle,
        "url": product.url,
        "currency": product.currency,
        "variants_asked_about": [
            {
                "options": v.options,
                "price": None if v.price is None else f"{v.price:.2f}",
                "in_stock": v.available,
            }
            for v in variants[:20]
        ],
    }


def _detail(item: ProductReading, question: str) -> tuple[str, list[VariantFacts]]:
    """The sentence(s) about one named product, and the variants they are about."""
    product = item.product
    variants = list(product.variants)
    name = f"The {product.title}"
    matching = [v for v in variants if all(c.met_by(v) for c in item.constraints)]
    if item.missing or (item.constraints and not matching):
        wanted = item.missing or [c.shown for c in item.constraints]
        nearest = sorted(
            (v for v in variants if v.available),
            key=lambda v: -sum(c.met_by(v) for c in item.constraints),
        )[:NEAREST_SHOWN]
        text = f"{name} doesn't come in {' / '.join(wanted)}."
        if nearest:
            text += " Available: " + "; ".join(_describe(v) for v in nearest) + "."
        elif variants:
            text += " It is sold out at the moment."
        return text, nearest
    if item.constraints:
        name += " in " + " / ".join(c.shown for c in item.constraints)
    sentences = []
    for option in item.asked_options:
        listed: dict[str, bool] = {}
        for v in matching:
            value = next((val for n, val in v.options.items() if n.lower() == option.lower()), None)
            if value is not None:
                listed[value] = listed.get(value, False) or v.available
        shown = ", ".join(f"{v}" + ("" if ok else " (sold out)") for v, ok in listed.items())
        sentences.append(f"{name} comes in {option.lower()} {shown}.")
    asks_price = bool(_PRICE.search(question)) or bool(HOW_MUCH.search(question))
    facts = []
    price = _price_range(matching or variants, product)
    if price and (asks_price or item.constraints or not sentences):
        facts.append(f"costs {price}")
    facts.append(_stock(item, matching))
    said = " and ".join(f for f in facts if f)
    if said:
        sentences.append(f"{'It' if sentences else name} {said}.")
    if item.constraints and matching and not any(v.available for v in matching):
        nearest = [v for v in variants if v.available][:NEAREST_SHOWN]
        if nearest:
            sentences.append("Available instead: " + "; ".join(_describe(v) for v in nearest) + ".")
    return " ".join(sentences), matching


def _stock(item: ProductReading, matching: list[VariantFacts]) -> str:
    """Stock as the variants asked about have it: "in stock" only when every one is."""
    if not matching:
        return ""
    available = [v for v in matching if v.available]
    if len(available) == len(matching):
        return "is in stock"
    if not available:
        return "is sold out"
    skip = frozenset(n for c in item.constraints for n in c.names)
    sold = [v for v in matching if not v.available]
    if len(available) <= LISTED_VARIANTS:
        return (
            "is in stock in "
            + ", ".join(_describe(v, skip) for v in available)
            + (
                f" (sold out in {', '.join(_describe(v, skip) for v in sold[:LISTED_VARIANTS])})"
                if len(sold) <= LISTED_VARIANTS
                else ""
            )
        )
    return (
        f"is in stock in {len(available)} of its {len(matching)} options; sold out in "
        + ", ".join(_describe(v, skip) for v in sold[:LISTED_VARIANTS])
        + ("" if len(sold) <= LISTED_VARIANTS else " and others")
    )


def _asks_about_product(question: str, item: ProductReading) -> bool:
    """Whether the question asks what the catalog's variants know (price, stock, options);
    other details (weight, materials) are for the product's text and the store's pages."""
    return bool(
        _PRICE.search(question)
        or _STOCK.search(question)
        or item.constraints
        or item.missing
        or item.asked_options
    )


def _scope(reading: Reading, vocabulary: Vocabulary) -> list[ProductFacts]:
    """The products a superlative is about: those sharing the most title or type words with
    the question (a type, "tent"), or every product."""
    best, scope = 0, list(vocabulary.products.values())
    counted = []
    for product in vocabulary.products.values():
        shared = len((product.title_words | product.type_words) & reading.keys)
        counted.append((shared, product))
    best = max((n for n, _ in counted), default=0)
    if best:
        scope = [p for n, p in counted if n == best]
    return scope


def _superlative(
    question: str, reading: Reading, vocabulary: Vocabulary, sources: Sources
) -> ProductFactsAnswer | None:
    cheapest = bool(_CHEAPEST.search(question))
    if not cheapest and not _DEAREST.search(question):
        return None
    limits = understand(question)
    low = limits.min_price if limits.min_price is not None else Decimal("-Infinity")
    high = limits.max_price if limits.max_price is not None else Decimal("Infinity")
    candidates: list[tuple[Decimal, ProductFacts, VariantFacts]] = []
    for product in _scope(reading, vocabulary):
        constraints = product_reading(product, reading, vocabulary).constraints
        priced = [
            v
            for v in product.variants
            if v.price is not None
            and low <= v.price <= high
            and all(c.met_by(v) for c in constraints)
        ]
        if priced:
            ordered = sorted(priced, key=lambda v: v.price or Decimal(0))
            pick = ordered[0] if cheapest else ordered[-1]
            candidates.append((pick.price or Decimal(0), product, pick))
    if not candidates:
        return None
    price, product, variant = (min if cheapest else max)(candidates, key=lambda c: (c[0], c[1].id))
    marker = sources.add_product(_card(product, variant))
    which = "cheapest" if cheapest else "most expensive"
    stock = "in stock" if variant.available else "sold out at the moment"
    options = "" if len(product.variants) <= 1 else f" ({_describe(variant)})"
    text = (
        f"The {which} is the {product.title}{options} at "
        f"{money(f'{price:.2f}', product.currency)}; it is {stock}. [{marker}]"
    )
    return ProductFactsAnswer(
        text=text,
        kind="product_superlative",
        products=[_card(product, variant)],
        facts=[_facts(product, [variant])],
    )


def _lowest(product: ProductFacts) -> Decimal | None:
    prices = [v.price for v in product.variants if v.price is not None]
    return min(prices) if prices else product.min_price


def _compare(
    question: str, named: list[ProductFacts], sources: Sources
) -> ProductFactsAnswer | None:
    if len(named) < 2 or not _COMPARE.search(question):
        return None
    first, second = named[:2]
    a, b = _lowest(first), _lowest(second)
    if a is None or b is None:
        return None
    lines = []
    for product in (first, second):
        marker = sources.add_product(_card(product, None))
        price = _price_range(list(product.variants), product)
        lines.append(f"the {product.title} costs {price} [{marker}]")
    text = f"{lines[0][0].upper()}{lines[0][1:]} and {lines[1]}."
    if a != b:
        dearer, cheaper = (first, second) if a > b else (second, first)
        text += f" So the {dearer.title} is more expensive than the {cheaper.title}."
    else:
        text += " They start at the same price."
    return ProductFactsAnswer(
        text=text,
        kind="product_compare",
        products=[_card(first, None), _card(second, None)],
        facts=[_facts(p, list(p.variants)) for p in (first, second)],
    )


def _named_in_parts(
    question: str, reading: Reading, vocabulary: Vocabulary, ranked: dict[int, int]
) -> list[ProductFacts]:
    """Products named in different parts of the question ("A or B", "A than B"), in order; or
    the one product the whole question names."""
    found: list[ProductFacts] = []
    for part in _PARTS.split(reading.text):
        part_named = _named(read(part, vocabulary), vocabulary, ranked) if part.strip() else []
        if len(part_named) == 1 and part_named[0] not in found:
            found.append(part_named[0])
    if len(found) >= 2:
        return found[:2]
    return _named(reading, vocabulary, ranked)


def catalog_answer(
    *, question: str, matches: list[ProductMatch], sources: Sources
) -> ProductFactsAnswer | None:
    """The answer from the catalog's structured facts, or None when the question is not about
    a product's facts (then retrieval answers). Runs in the store, on a database thread."""
    vocabulary = catalog_vocabulary()
    if not vocabulary.products:
        return None
    reading = read(question, vocabulary)
    ranked = {m.card.id: rank for rank, m in enumerate(matches)}
    named = _named_in_parts(question, reading, vocabulary, ranked)
    if compared := _compare(question, named, sources):
        return compared
    if not named and (best := _superlative(question, reading, vocabulary, sources)):
        return best
    items = [product_reading(p, reading, vocabulary) for p in named]
    if not items or not any(_asks_about_product(question, i) for i in items):
        return None
    texts, cards, facts = [], [], []
    for item in items:
        text, variants = _detail(item, question)
        shown = next((v for v in variants if v.available), variants[0] if variants else None)
        card = _card(item.product, shown)
        marker = sources.add_product(card)
        texts.append(f"{text} [{marker}]")
        cards.append(card)
        facts.append(_facts(item.product, variants or list(item.product.variants)))
    return ProductFactsAnswer(
        text=" ".join(texts), kind="product_detail", products=cards, facts=facts
    )


def catalog_facts(*, question: str, matches: list[ProductMatch]) -> ProductFactsAnswer | None:
    """The structured facts `catalog_answer` would state, for a model to state instead (its
    text and source numbers are not used: the model cites the tool results it is given)."""
    return catalog_answer(question=question, matches=matches, sources=Sources())
