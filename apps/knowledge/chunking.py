"""Cutting parsed blocks into retrieval chunks that follow the document's structure.

A chunk never spans two sections (heading paths) or two pages, and starts with its heading
path ("Shipping > International") on a line of its own, so that it makes sense on its own.
Small blocks of a section are packed up to the token budget; a list stays together when it
can; table rows are grouped under a repeated header row; FAQ blocks and table rows are never
split (so such a chunk may exceed the budget). A block too long for one chunk is split on
sentence boundaries (words, then characters, for run-on text) with some overlap, so a fact
cut at a boundary is still whole in one of the two pieces."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from apps.knowledge.parsing import Block

# After sentence punctuation and whitespace, or right after CJK full stops (no space follows).
_SENTENCE_BOUNDARY = re.compile(r"(?<=[.!?\u2026])\s+|(?<=[\u3002\uff01\uff1f])")
_PATH_SEPARATOR = " > "


@dataclass(frozen=True)
class ChunkDraft:
    text: str
    heading_path: tuple[str, ...]
    page: int | None
    anchor: str | None
    position: int
    token_count: int


def approximate_tokens(text: str) -> int:
    """Roughly the token count of English text for common subword tokenizers."""
    return math.ceil(len(text.split()) * 1.3)


def chunk_blocks(
    blocks: list[Block],
    *,
    max_tokens: int = 200,
    overlap_tokens: int = 40,
    count_tokens: Callable[[str], int] = approximate_tokens,
) -> list[ChunkDraft]:
    if max_tokens < 1 or not 0 <= overlap_tokens < max_tokens:
        raise ValueError("need max_tokens >= 1 and 0 <= overlap_tokens < max_tokens")
    drafts = _Chunker(max_tokens, overlap_tokens, count_tokens).run(blocks)
    chunks: list[ChunkDraft] = []
    for draft in drafts:
        text = draft.text
        chunks.append(
            ChunkDraft(
                text=text,
                heading_path=draft.path,
                page=draft.page,
                anchor=draft.anchor,
                position=len(chunks),
                token_count=count_tokens(text),
            )
        )
    return chunks


@dataclass
class _Draft:
    path: tuple[str, ...]
    page: int | None
    anchor: str | None
    prefix: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return _render(self.prefix, self.lines)


def _render(prefix: str, lines: list[str]) -> str:
    body = "\n".join(lines)
    return f"{prefix}\n{body}" if prefix else body


class _Chunker:
    def __init__(self, max_tokens: int, overlap_tokens: int, count: Callable[[str], int]) -> None:
        self._max = max_tokens
        self._overlap = overlap_tokens
        self._count = count
        self._drafts: list[_Draft] = []
        self._open: _Draft | None = None
        self._prefixes: dict[tuple[str, ...], str] = {}

    def run(self, blocks: list[Block]) -> list[_Draft]:
        # A heading with nothing under it (no body block, no sub-heading) would otherwise vanish;
        # it is kept as a chunk of its own.
        pending: Block | None = None
        index = 0
        while index < len(blocks):
            block = blocks[index]
            if pending is not None and not _is_under(block, pending):
                self._single(pending)
            pending = None
            if block.kind == "heading":
                self._close()
                pending = block
                index += 1
            elif block.kind in ("table_row", "list_item"):
                end = _run_end(blocks, index)
                if block.kind == "table_row":
                    self._table(blocks[index:end])
                else:
                    self._group(blocks[index], [f"- {item.text}" for item in blocks[index:end]])
                index = end
            elif block.kind == "faq":
                self._single(block)
                index += 1
            else:
                self._prose(block)
                index += 1
        self._close()
        if pending is not None:
            self._single(pending)
        return self._drafts

    # --- packing -----------------------------------------------------------------------------

    def _prose(self, block: Block) -> None:
        if self._try_append(block, [block.text]):
            return
        self._close()
        if self._fits(block.heading_path, [block.text]):
            self._new_chunk(block, [block.text])
            return
        pieces = self._split(block.text, block.heading_path, code=block.kind == "code")
        for piece in pieces[:-1]:
            self._new_chunk(block, [piece])
            self._close()
        self._new_chunk(block, [pieces[-1]])  # left open: following small blocks may join it

    def _group(self, first: Block, lines: list[str]) -> None:
        """A list: with the open chunk if it fits, else in a chunk of its own if it fits, else
        item by item."""
        if self._try_append(first, lines):
            return
        self._close()
        if self._fits(first.heading_path, lines):
            self._new_chunk(first, lines)
            return
        for line in lines:
            self._prose(Block(line, "list_item", first.heading_path, first.page, first.anchor))

    def _table(self, rows: list[Block]) -> None:
        """Rows packed up to the budget, each chunk starting with the header (first) row."""
        self._close()
        header, data = rows[0], rows[1:]
        if not data:
            self._new_chunk(header, [header.text])
        for row in data:
            lines = self._open.lines if self._open is not None else []
            # A chunk holds the header and at least one row, even if that is over budget.
            if len(lines) > 1 and not self._fits(row.heading_path, [*lines, row.text]):
                self._close()
            if self._open is None:
                self._new_chunk(row, [header.text])
            assert self._open is not None
            self._open.lines.append(row.text)
        self._close()

    def _single(self, block: Block) -> None:
        """A block that is a chunk by itself."""
        self._new_chunk(block, [block.text])
        self._close()

    def _try_append(self, block: Block, lines: list[str]) -> bool:
        draft = self._open
        if draft is None or (draft.path, draft.page) != (block.heading_path, block.page):
            return False
        if not self._fits(draft.path, [*draft.lines, *lines]):
            return False
        draft.lines.extend(lines)
        return True

    def _new_chunk(self, block: Block, lines: list[str]) -> None:
        self._close()
        path = block.heading_path
        self._open = _Draft(path, block.page, block.anchor, self._prefix(path), list(lines))

    def _close(self) -> None:
        if self._open is not None and self._open.lines:
            self._drafts.append(self._open)
        self._open = None

    # --- measuring ---------------------------------------------------------------------------

    def _prefix(self, path: tuple[str, ...]) -> str:
        """The heading path line. A pathological path (a whole paragraph styled as a heading)
        is cut to half the budget, or it would leave no room for the text."""
        if path not in self._prefixes:
            prefix = _PATH_SEPARATOR.join(path)
            if self._count(prefix) > self._max // 2:
                words = prefix.split(" ")
                keep = self._longest(len(words), lambda k: " ".join(words[:k]), self._max // 2)
                prefix = " ".join(words[:keep]) + " …"
            self._prefixes[path] = prefix
        return self._prefixes[path]

    def _fits(self, path: tuple[str, ...], lines: list[str], limit: int | None = None) -> bool:
        return self._count(_render(self._prefix(path), lines)) <= (
            self._max if limit is None else limit
        )

    def _longest(self, available: int, make: Callable[[int], str], limit: int) -> int:
        """The largest k in [0, available] with count(make(k)) <= limit (binary search: token
        counts grow with k)."""
        low, high = 0, available
        while low < high:
            middle = (low + high + 1) // 2
            if self._count(make(middle)) <= limit:
                low = middle
            else:
                high = middle - 1
        return low

    # --- splitting a long block --------------------------------------------------------------

    def _split(self, text: str, path: tuple[str, ...], *, code: bool) -> list[str]:
        joiner = "\n" if code else " "
        units = text.split("\n") if code else _SENTENCE_BOUNDARY.split(text)
        # Pieces cut from a run-on sentence leave room for the overlap carried into them.
        window_limit = max(self._max - self._overlap, 1)
        atoms: list[str] = []
        for unit in (u for u in units if u.strip()):
            if self._fits(path, [unit], window_limit):
                atoms.append(unit)
            else:
                atoms.extend(self._windows(unit, path, window_limit))
        pieces: list[str] = []
        current: list[str] = []
        for atom in atoms:
            if current and not self._fits(path, [joiner.join([*current, atom])]):
                pieces.append(joiner.join(current))
                current = self._overlap_tail(current, joiner, path, atom)
            current.append(atom)
        pieces.append(joiner.join(current))
        return pieces

    def _windows(self, text: str, path: tuple[str, ...], limit: int) -> list[str]:
        """Consecutive runs of words (of characters, for a "word" that is too long alone, such
        as text without spaces) that each fit in `limit` with the heading prefix. The searches
        are bounded so each costs O(limit), not O(text): a word is at least one token, and a
        token rarely covers more than a few characters."""
        prefix = self._prefix(path)
        words = text.split()
        windows: list[str] = []
        start = 0
        while start < len(words):
            available = min(len(words) - start, limit)
            size = self._longest(available, partial(_window, prefix, words, start, " "), limit)
            if size:
                windows.append(" ".join(words[start : start + size]))
            else:
                word = words[start]
                available = min(len(word), limit * 16)
                cut = max(1, self._longest(available, partial(_window, prefix, word, 0, ""), limit))
                windows.extend(word[i : i + cut] for i in range(0, len(word), cut))
                size = 1
            start += size
        return windows

    def _overlap_tail(
        self, current: list[str], joiner: str, path: tuple[str, ...], following: str
    ) -> list[str]:
        """The end of the piece just closed, up to the overlap budget, to start the next piece:
        whole sentences when they fit, otherwise the last words; empty if it would leave no room
        for `following`."""
        if self._overlap == 0:
            return []
        tail: list[str] = []
        for unit in reversed(current):
            if self._count(joiner.join([unit, *tail])) > self._overlap:
                break
            tail.insert(0, unit)
        if not tail:
            words = current[-1].split(" ")
            keep = self._longest(len(words) - 1, lambda k: " ".join(words[-k:]), self._overlap)
            tail = [" ".join(words[-keep:])] if keep else []
        if tail and not self._fits(path, [joiner.join([*tail, following])]):
            return []
        return tail


def _window(prefix: str, items: Sequence[str], start: int, joiner: str, size: int) -> str:
    return _render(prefix, [joiner.join(items[start : start + size])])


def _run_end(blocks: list[Block], start: int) -> int:
    """End (exclusive) of the run of blocks of the same kind, section and page as `start`."""
    first = blocks[start]
    end = start + 1
    while end < len(blocks):
        block = blocks[end]
        if (block.kind, block.heading_path, block.page) != (
            first.kind,
            first.heading_path,
            first.page,
        ):
            break
        end += 1
    return end


def _is_under(block: Block, heading: Block) -> bool:
    own_path = (*heading.heading_path, heading.text)
    return block.heading_path[: len(own_path)] == own_path
