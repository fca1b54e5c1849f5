"""A store's catalog vocabulary, built from its own active products: title and product-type
words, option names and option values taken from the variants, and the facts of every
variant (price, stock), so questions can be read against the words this store uses instead
of fixed word lists.

Words are compared in one canonical form: lower case, accents and hyphens dropped ("T-Shirt"
is "tshirt"), plurals made singular; a phrase's key is its canonical words joined ("t shirt",
"T-Shirt" and "tshirts" are all "tshirt"; "128 GB" is "128gb").

The vocabulary is cached in the process per store and rebuilt when the catalog changes: the
product writes bump a version in the shared cache, so a question costs one cache read, not a
database query.
"""

from __future__ import annotations

import functools
import math
import re
import secrets
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db import transaction

from apps.catalog.models import Product, Variant
from apps.core.tenancy import current_schema

_INCHES = re.compile(r"(\d)\s*(?:\"|\u201d|''|-?\s?inch(?:es)?\b)")
_WORD = re.compile(r"[a-z0-9]+(?:[-'\u2019][a-z0-9]+)*")
# General English: a shopper's everyday word for what titles call something else. Each maps
# to the words it may stand for; only words the store's catalog uses ever match.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "tee": ("tshirt",),
    "tshirt": ("tee",),
    "bike": ("bicycle",),
    "bicycle": ("bike",),
    "laptop": ("notebook",),
    "notebook": ("laptop",),
    "ereader": ("ebook", "kindle"),
    "hoody": ("hoodie",),
    "hoodie": ("hoody", "sweatshirt"),
    "sweatshirt": ("hoodie",),
    "sneaker": ("trainer", "shoe"),
    "trainer": ("sneaker",),
    "phone": ("smartphone", "cellphone"),
    "cellphone": ("phone", "smartphone"),
    "smartphone": ("phone",),
    "mobile": ("phone", "smartphone"),
    "tv": ("television",),
    "television": ("tv",),
    "colour": ("color",),
    "color": ("colour",),
    "grey": ("gray",),
    "gray": ("grey",),
    "pant": ("trouser",),
    "trouser": ("pant",),
    "jumper": ("sweater",),
    "sweater": ("jumper",),
    "rucksack": ("backpack",),
    "backpack": ("rucksack",),
    "earphone": ("headphone", "earbud"),
    "earbud": ("headphone", "earphone"),
    "headphone": ("earphone",),
    "couch": ("sofa",),
    "sofa": ("couch",),
    "mug": ("cup",),
    "cup": ("mug",),
    "specs": ("glasses",),
    "sunnies": ("sunglasses",),
    "coffeemaker": ("coffee", "espresso"),
}
# Typos are corrected only in words this long, by at most this many edits (shorter words
# are too often other real words).
TYPO_MIN_LENGTH = 5
TYPO_TWO_EDITS_LENGTH = 8
_CACHE_VERSION_KEY = "catalog-vocabulary-version:{schema}"


def singular(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Canonical words: "Men's T-Shirts" → ["men", "tshirt"]; 55" and 55 inch → "55inch"."""
    found = []
    for word in _WORD.findall(_INCHES.sub(r"\1inch ", _fold(text))):
        word = word.removesuffix("'s").removesuffix("\u2019s")
        found.append(singular(re.sub(r"[-'\u2019]", "", word)))
    return found


@functools.lru_cache(maxsize=8192)
def phrase_key(text: str) -> str:
    """Cached: a catalog repeats its option values on every variant."""
    return "".join(words(text))


@dataclass(frozen=True)
class VariantFacts:
    id: int
    sku: str
    options: dict[str, str]
    price: Decimal | None
    compare_at_price: Decimal | None
    available: bool


@dataclass(frozen=True)
class ProductFacts:
    id: int
    title: str
    handle: str
    url: str
    image: str | None
    product_type: str
    currency: str
    min_price: Decimal | None
    max_price: Decimal | None
    attributes: dict[str, Any]
    title_words: frozenset[str]
    type_words: frozenset[str]
    value_keys: frozenset[str]  # its option values' keys
    variants: tuple[VariantFacts, ...]

    @property
    def available(self) -> bool:
        return any(v.available for v in self.variants)


@dataclass(frozen=True)
class Vocabulary:
    products: dict[int, ProductFacts]
    # How distinctive each title or type word is in this catalog (inverse document frequency).
    weights: dict[str, float]
    frequency: dict[str, int]  # in how many products' titles and types each word is
    # Option value key → the option names (lower case) that have it, and option name key →
    # the option names (lower case) it is the key of.
    values: dict[str, frozenset[str]]
    names: dict[str, frozenset[str]]
    known: frozenset[str]  # every canonical word of titles, types, option names and values
    _deletes: dict[str, frozenset[str]]

    def correct(self, word: str) -> str | None:
        """The catalog word `word` is a typo of (one edit, two in long words), if any."""
        if word in self.known or len(word) < TYPO_MIN_LENGTH or not word.isalpha():
            return None
        edits = 2 if len(word) >= TYPO_TWO_EDITS_LENGTH else 1
        candidates: set[str] = set()
        for variant in _deletions(word, edits):
            candidates |= self._deletes.get(variant, frozenset())
        scored = sorted(
            (distance, candidate)
            for candidate in candidates
            if (distance := _edit_distance(word, candidate)) <= edits
        )
        return scored[0][1] if scored else None


def _deletions(word: str, edits: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(edits):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def _edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (a swap of neighbours is one edit)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def _group(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    grouped: dict[str, set[str]] = {}
    for key, name in pairs:
        if key:
            grouped.setdefault(key, set()).add(name)
    return {key: frozenset(names) for key, names in grouped.items()}


def vocabulary_build() -> Vocabulary:
    """The vocabulary of the active store's active products (two queries)."""
    rows = Product.objects.filter(status=Product.Status.ACTIVE).values(
        "id", "title", "handle", "url", "images", "product_type", "currency", "min_price",
        "max_price", "attributes",
    )  # fmt: skip
    variants: dict[int, list[VariantFacts]] = {}
    for row in Variant.objects.filter(product__status=Product.Status.ACTIVE).values(
        "id", "product_id", "sku", "options", "price", "compare_at_price", "available"
    ):
        variants.setdefault(row["product_id"], []).append(
            VariantFacts(
                id=row["id"],
                sku=row["sku"],
                options={str(k): str(v) for k, v in (row["options"] or {}).items()},
                price=row["price"],
                compare_at_price=row["compare_at_price"],
                available=row["available"],
            )
        )
    products = {
        row["id"]: ProductFacts(
            id=row["id"],
            title=row["title"],
            handle=row["handle"],
            url=row["url"],
            image=(row["images"] or [None])[0],
            product_type=row["product_type"],
            currency=row["currency"],
            min_price=row["min_price"],
            max_price=row["max_price"],
            attributes=row["attributes"] or {},
            title_words=frozenset(words(row["title"])),
            type_words=frozenset(words(row["product_type"])),
            value_keys=frozenset(
                phrase_key(value)
                for v in variants.get(row["id"], [])
                for value in v.options.values()
            ),
            variants=tuple(variants.get(row["id"], [])),
        )
        for row in rows
    }
    frequency = Counter(w for p in products.values() for w in p.title_words | p.type_words)
    total = max(len(products), 1)
    option_pairs = [
        (name, value)
        for p in products.values()
        for v in p.variants
        for name, value in v.options.items()
    ]
    known = set(frequency)
    for name, value in set(option_pairs):
        known.update(words(name))
        known.update(words(value))
    deletes: dict[str, set[str]] = {}
    for word in known:
        if len(word) >= TYPO_MIN_LENGTH - 1 and word.isalpha():
            edits = 2 if len(word) >= TYPO_TWO_EDITS_LENGTH - 1 else 1
            for variant in _deletions(word, edits):
                deletes.setdefault(variant, set()).add(word)
    return Vocabulary(
        products=products,
        weights={w: math.log(1 + total / n) for w, n in frequency.items()},
        frequency=dict(frequency),
        values=_group((phrase_key(value), name.lower()) for name, value in option_pairs),
        names=_group((phrase_key(name), name.lower()) for name, _ in option_pairs),
        known=frozenset(known),
        _deletes={k: frozenset(v) for k, v in deletes.items()},
    )


_built: dict[str, tuple[str, Vocabulary]] = {}
_lock = threading.Lock()


def _new_version(key: str) -> None:
    # A fresh random version, not a counter: a cleared cache must never bring back a version
    # an older catalog was built under.
    cache.set(key, secrets.token_hex(8), timeout=None)


def catalog_vocabulary() -> Vocabulary:
    """The active store's vocabulary, rebuilt only when its catalog has changed since."""
    schema = current_schema()
    key = _CACHE_VERSION_KEY.format(schema=schema)
    version = cache.get(key)
    if version is None:
        cache.add(key, secrets.token_hex(8), timeout=None)
        version = cache.get(key)
    with _lock:
        cached = _built.get(schema)
    if cached is not None and cached[0] == version:
        return cached[1]
    vocabulary = vocabulary_build()
    with _lock:
        _built[schema] = (str(version), vocabulary)
    return vocabulary


def catalog_changed() -> None:
    """Called by every product write: the store's vocabulary is rebuilt on its next use (now,
    and again once the write commits, so a read during the write cannot keep stale words)."""
    key = _CACHE_VERSION_KEY.format(schema=current_schema())
    _new_version(key)
    transaction.on_commit(lambda: _new_version(key))
