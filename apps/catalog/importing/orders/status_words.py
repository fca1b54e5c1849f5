"""A store's own status words ("processed", "return requested", "Delivered") mapped onto
Aisle's order statuses. A word may set any of the three (order status, payment status,
fulfilment status), whichever column it was found in; words the merchant has not mapped fall
back to the built-in vocabularies, and a word neither knows is a per-order error."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from apps.catalog.importing.common.values import BadValue
from apps.catalog.importing.orders.fields import (
    STATUS_PARSERS,
    STATUS_VOCABULARIES,
    status_word_key,
)

STATUS_TARGETS = ("status", "financial_status", "fulfilment_status")
# the merchant's word (as `status_word_key` spells it) → {status target → Aisle value}
StatusWords = dict[str, dict[str, str]]
# How many distinct words the preview lists, most frequent first.
MAX_WORDS_SHOWN = 50


def status_words_check(*, words: Mapping[str, Mapping[str, str]]) -> StatusWords:
    """The mapping with its words keyed as the reader looks them up. Raises BadValue for an
    unknown target or a value that is not one of Aisle's."""
    allowed = {target: set(words.values()) for target, words in STATUS_VOCABULARIES.items()}
    checked: StatusWords = {}
    for word, targets in words.items():
        key = status_word_key(word)
        if not key or not targets:
            raise BadValue("invalid_status_word", f"{word!r} needs a word and a status")
        for target, value in targets.items():
            if target not in allowed or value not in allowed[target]:
                raise BadValue(
                    "invalid_status_word",
                    f"{word!r}: {target} {value!r} is not one of Aisle's statuses",
                )
        checked[key] = dict(targets)
    return checked


def status_words_found(
    *, cells: Iterable[tuple[str, Any]], mapped: StatusWords
) -> list[dict[str, Any]]:
    """The distinct words of the file's status cells (`cells`: (status target, raw value)),
    most frequent first, each with what it maps to: the merchant's mapping, else the built-in
    vocabulary of its column, else nothing (it must be mapped)."""
    counts: Counter[tuple[str, str]] = Counter()
    for target, raw in cells:
        if key := status_word_key(raw):
            counts[(target, key)] += 1
    found = []
    for (target, key), count in counts.most_common(MAX_WORDS_SHOWN):
        maps_to: dict[str, str] | None = mapped.get(key)
        if maps_to is None:
            try:
                maps_to = {target: STATUS_PARSERS[target](key) or ""}
            except BadValue:
                maps_to = None
        found.append({"word": key, "column": target, "count": count, "maps_to": maps_to})
    return found
