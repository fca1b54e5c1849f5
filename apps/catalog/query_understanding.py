"""Rule-based reading of shopper queries: "red running shoes under 100" → colour red, price at
most 100, text "running shoes". No language model: patterns for prices, colours, sizes and
stock, checked against the words the store's own options use."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

COLOURS = {
    "black",
    "white",
    "grey",
    "gray",
    "red",
    "blue",
    "navy",
    "green",
    "olive",
    "yellow",
    "orange",
    "purple",
    "pink",
    "brown",
    "tan",
    "beige",
    "teal",
    "moss",
    "slate",
    "ember",
    "glacier",
    "charcoal",
    "burgundy",
    "khaki",
}
_SIZE_ALIASES = {"small": "s", "medium": "m", "large": "l"}
_NUMBER = r"\$?\s?(\d+(?:[.,]\d{1,2})?)\s?(?:\$|usd|dollars?|eur|€|gbp|£)?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("between", re.compile(rf"\bbetween\s+{_NUMBER}\s+(?:and|-|to)\s+{_NUMBER}", re.I)),
    ("range", re.compile(rf"(?<![\w.]){_NUMBER}\s?(?:-|\u2013|to)\s?{_NUMBER}(?![\w.])", re.I)),
    (
        "max",
        re.compile(
            rf"\b(?:under|below|less than|cheaper than|up to|max(?:imum)?|<=?)\s*{_NUMBER}", re.I
        ),
    ),
    ("min", re.compile(rf"\b(?:over|above|more than|at least|min(?:imum)?|>=?)\s*{_NUMBER}", re.I)),
]
_SIZE = re.compile(r"\bsize\s+([a-z0-9.]{1,5})\b|\b(xxs|xs|xxl|xxxl|xl)\b", re.I)
_IN_STOCK = re.compile(r"\b(in stock|available now|available)\b", re.I)


@dataclass
class UnderstoodQuery:
    text: str
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    colours: list[str] = field(default_factory=list)
    sizes: list[str] = field(default_factory=list)
    in_stock: bool = False


def _decimal(raw: str) -> Decimal | None:
    try:
        return Decimal(raw.replace(",", "."))
    except InvalidOperation:
        return None


def understand(query: str) -> UnderstoodQuery:
    text = f" {query} "
    result = UnderstoodQuery(text="")
    for kind, pattern in _PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        values = [_decimal(v) for v in match.groups() if v]
        if kind in ("between", "range") and len(values) == 2 and all(values):
            low, high = sorted(v for v in values if v is not None)
            result.min_price, result.max_price = low, high
        elif kind == "max" and values and values[0] is not None:
            result.max_price = values[0]
        elif kind == "min" and values and values[0] is not None:
            result.min_price = values[0]
        text = text[: match.start()] + " " + text[match.end() :]
    for match in _SIZE.finditer(text):
        size = (match.group(1) or match.group(2)).lower()
        result.sizes.append(_SIZE_ALIASES.get(size, size))
    text = _SIZE.sub(" ", text)
    if _IN_STOCK.search(text):
        result.in_stock = True
        text = _IN_STOCK.sub(" ", text)
    words = []
    for word in text.split():
        bare = word.strip(".,!?").lower()
        if bare in COLOURS:
            result.colours.append("grey" if bare == "gray" else bare)
        words.append(word)
    # Colour words stay in the text too: "Ember Red" is also part of product names.
    result.text = " ".join(words).strip()
    return result
