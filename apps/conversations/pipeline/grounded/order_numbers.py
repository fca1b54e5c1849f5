"""Order numbers in a shopper's free text, in the store's own format: "#w7775097",
"W 319 7825", "order no nv-20451", "my order is #1001.". Without a learnt format (a store with
no orders yet) only the generic forms are read: "DO-1234567", "#1001", "order 1001"."""

from __future__ import annotations

import re

from apps.catalog.order_numbers import OrderNumberFormat, order_number_key

_GENERIC = re.compile(
    r"\b([A-Z]{1,5}-\d{3,})\b"  # DO-1234567
    r"|#\s?(\d{3,})\b"  # #1001
    r"|\border\s*(?:number|no\.?|num|#)?\s*:?\s*(\d{3,})\b",  # order 1001, order no. 1001
    re.I,
)
# An optional "#", optional prefix letters (attached, or after a space, dash or "#"), then
# digits, possibly grouped by single spaces or dashes ("319 7825").
_CANDIDATE = re.compile(
    r"(?<![\w#])(?P<hash>#\s?)?(?:(?P<letters>[a-z]{1,6})(?P<gap>\s?[-_#.]?\s?))?"
    r"(?P<digits>\d+(?:[ -]\d+)*)(?![\w])",
    re.I,
)
# Digits alone are an order number only right after words that say so, ...
_CUE = re.compile(
    r"\border\s*(?:number|no\.?|num|nr\.?|id|#)?\s*(?:is|was|:)?\s*#?\s*$|#\s*$", re.I
)
# ... or when the message is the number and nothing else (answering "send me the number").
_FILLER = frozenset(
    {
        *("it", "its", "it's", "is", "my", "the", "order", "number", "no", "nr", "num", "id"),
        *("here", "ok", "okay", "sure", "yes", "sorry", "thanks", "and", "email"),
    }
)
# Short words that stand apart from digits are words, even where a store's prefix is spelt
# the same ("a 1234" is no order "A1234"; "A1234", "A-1234" still are).
_SPACED_WORDS = frozenset(
    {"a", "an", "i", "in", "is", "it", "at", "on", "of", "or", "to", "no", "by", "up", "x"}
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def order_number_find(*, text: str, known: OrderNumberFormat | None) -> str | None:
    """The first order number in `text` that fits the store's format `known` (its key, see
    apps.catalog.order_numbers), or None."""
    if known is None:
        match = _GENERIC.search(text)
        return next(group for group in match.groups() if group).upper() if match else None
    for match in _CANDIDATE.finditer(text):
        if number := _fitting(match, text, known):
            return number
    return None


def _fitting(match: re.Match[str], text: str, known: OrderNumberFormat) -> str | None:
    groups = re.split(r"[ -]", match["digits"])
    # "W 319 7825" is one number; in "W3197825 2 items" only the first group is. An exact fit
    # is preferred to one a digit longer than the store's numbers so far.
    readings = [(digits, growth) for growth in (0, 1) for digits in ("".join(groups), groups[0])]
    letters = match["letters"] or ""
    spaced_word = (
        bool(match["gap"]) and not match["gap"].strip() and letters.lower() in _SPACED_WORDS
    )
    for digits, growth in readings:
        if letters and not spaced_word and known.fits(prefix=letters, digits=digits, growth=growth):
            return order_number_key(letters + digits)
    # Letters apart from the digits may be a word ("order 1001"), not a prefix.
    if known.bare and (not letters or match["gap"]) and _about_an_order(match, text):
        for digits, growth in readings:
            if known.fits(prefix="", digits=digits, growth=growth):
                return digits
    return None


def _about_an_order(match: re.Match[str], text: str) -> bool:
    if match["hash"] or _CUE.search(text[: match.start("digits")]):
        return True
    rest = _EMAIL.sub(" ", text[: match.start()] + " " + text[match.end() :])
    return set(re.findall(r"[\w']+", rest.lower())) <= _FILLER
