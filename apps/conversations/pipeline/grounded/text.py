"""Text helpers for the grounded responder: words, light stemming, and the sentences of a
passage (split in apps.knowledge.sentences, where ingestion encodes the very same sentences)."""

from __future__ import annotations

import itertools
import re

from apps.knowledge.sentences import Sentence, passage_body, sentences

__all__ = ["STOPWORDS", "Sentence", "passage_body", "sentences", "stem", "terms", "word_groups"]

_STOPWORD_TEXT = """
a about above after again all also am an and any are as at be because been before being
below between both but by can cannot could did do does doing down during each few for
from further get got had has have having he her here hers him his how i if in into is it
its itself just let me more most my myself no nor not of off on once only or other our
ours out over own please same she should so some such than that the their theirs them
then there these they this those through to too under until up very was we were what
when where which while who whom why will with would you your yours yourself yourselves
hi hello hey thanks thank much many tell know want need like i'm im it's whats what's
dont don't doesn't you're youre ok okay
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[a-z0-9][a-z0-9'.$%/-]*[a-z0-9%]|[a-z0-9]", re.I)


def stem(word: str) -> str:
    word = word.lower().strip("'.")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ing", "ies", "es", "ed", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def terms(text: str) -> set[str]:
    """Content-word stems."""
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 1}


def word_groups(text: str, first: int = 4, size: int = 16) -> list[str]:
    """The answer cut into deltas (whitespace kept): the first few words, so the shopper sees
    the answer start at once, then larger groups. The whole text is known up front, so more,
    smaller frames would only cost CPU on both ends (each is a frame to encode, send, parse
    and render) without showing the answer any sooner."""
    pieces = re.findall(r"\S+\s*", text)
    leading = text[: len(text) - len(text.lstrip())]
    bounds = [0, *range(first, len(pieces), size), len(pieces)] if pieces else []
    groups = ["".join(pieces[a:b]) for a, b in itertools.pairwise(bounds) if b > a]
    if groups and leading:
        groups[0] = leading + groups[0]
    return groups
