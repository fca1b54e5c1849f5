"""Text helpers for the grounded responder: words, light stemming, sentences of a passage."""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

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
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9$\"(])")


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


def _table_rows(lines: list[str]) -> list[str]:
    header = [cell.strip() for cell in lines[0].split("|")]
    rows = []
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) == len(header):
            rows.append(
                "; ".join(f"{name}: {value}" for name, value in zip(header, cells, strict=True))
                + "."
            )
        else:
            rows.append(line.strip())
    return rows


def passage_body(text: str, *, is_faq: bool) -> str:
    """A chunk without its heading line (and an FAQ chunk without its question)."""
    lines = text.splitlines()[1:] if "\n" in text else [text]
    if is_faq:
        answer = [line for line in lines if line.startswith("A: ")]
        if answer:
            index = lines.index(answer[0])
            lines = [answer[0][3:], *lines[index + 1 :]]
    return "\n".join(lines).strip()


class Sentence(NamedTuple):
    text: str
    item: int | None  # the list item it belongs to (its line number), None outside lists


def sentences(body: str) -> list[Sentence]:
    """Sentences, list items and table rows, in order."""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    out: list[Sentence] = []
    table: list[str] = []
    for number, line in enumerate([*lines, ""]):
        if " | " in line:
            table.append(line)
            continue
        if table:
            rows = _table_rows(table) if len(table) > 1 else table
            out.extend(Sentence(row, None) for row in rows)
            table = []
        if not line:
            continue
        item = number if line[0] in "-*•" else None
        line = line.lstrip("-*• ").strip()
        out.extend(
            Sentence(part.strip(), item) for part in _SENTENCE_END.split(line) if part.strip()
        )
    return out


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
