"""What a store's order numbers look like, learnt from its own orders, so that the assistant
recognises them in a shopper's free text ("order no w3197825", "#W1812830", "NV 20451").

A number is compared by its key: upper-cased, without "#", spaces, dashes, dots, slashes or
underscores. A key of letters then digits has a shape (its letters, its digit count); the
store's format is the shapes of its recent orders' keys."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, Func, Value
from django.db.models.functions import Upper

_PUNCTUATION = r"[\s#_./-]"
_PUNCTUATION_RE = re.compile(_PUNCTUATION)
_SHAPE = re.compile(r"^([A-Z]{0,6})(\d{2,20})$")


def order_number_key(number: str) -> str:
    return _PUNCTUATION_RE.sub("", number).upper()


def order_number_key_expression() -> Upper:
    """`order_number_key` of the `number` column, in SQL."""
    stripped = Func(
        F("number"), Value(_PUNCTUATION), Value(""), Value("g"), function="regexp_replace"
    )
    return Upper(stripped)


@dataclass(frozen=True)
class OrderNumberFormat:
    # prefix letters ("" for none) -> (fewest, most) digits seen after them
    digits: dict[str, tuple[int, int]]

    def fits(self, *, prefix: str, digits: str, growth: int = 0) -> bool:
        """`growth`: digits allowed beyond the most seen (a store's numbers grow: 9999, 10000)."""
        span = self.digits.get(prefix.upper())
        return span is not None and span[0] <= len(digits) <= span[1] + growth

    @property
    def bare(self) -> bool:
        """Whether some of the store's numbers are digits alone ("1001", "#1001")."""
        return "" in self.digits


def order_number_format_learn(*, numbers: Iterable[str]) -> OrderNumberFormat | None:
    """The store's format from a sample of its order numbers; None when no number is letters
    then digits (then only the generic patterns are recognised)."""
    digits: dict[str, tuple[int, int]] = {}
    for number in numbers:
        shape = _SHAPE.match(order_number_key(number))
        if shape is None:
            continue
        prefix, count = shape.group(1), len(shape.group(2))
        low, high = digits.get(prefix, (count, count))
        digits[prefix] = (min(low, count), max(high, count))
    return OrderNumberFormat(digits=digits) if digits else None
