"""Text clean-up and the heading stack that every structured format (HTML, Markdown, DOCX, PDF
outlines) uses to give each block its heading path."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .document import Block

# Control characters other than tab/newline, and invisible characters that only split words
# (zero-width space, byte-order mark, soft hyphen) when they end up inside extracted text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def clean_text(text: str) -> str:
    """Plain text on one line: Unicode NFC, no control characters, whitespace runs collapsed."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return " ".join(_CONTROL.sub(" ", text).split())


def clean_lines(text: str) -> str:
    """Like `clean_text` but keeps line structure (code): trailing spaces and blank edges go."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text)).replace("\r\n", "\n")
    lines = [_CONTROL.sub(" ", line.replace("\t", "    ")).rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines, each cleaned; empty ones dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [p for p in (clean_text(part) for part in _BLANK_LINES.split(text)) if p]


@dataclass(frozen=True)
class _Heading:
    level: int
    text: str
    anchor: str | None


class BlockBuilder:
    """Collects blocks in reading order, keeping the stack of open headings so that each block
    gets the path of the headings it sits under."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._open: list[_Heading] = []

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(heading.text for heading in self._open)

    @property
    def section_anchor(self) -> str | None:
        """The anchor of the innermost open heading that has one (for deep links)."""
        return next((h.anchor for h in reversed(self._open) if h.anchor), None)

    def heading(
        self, text: str, level: int, *, page: int | None = None, anchor: str | None = None
    ) -> None:
        text = clean_text(text)
        if not text:
            return
        level = min(max(level, 1), 6)
        while self._open and self._open[-1].level >= level:
            self._open.pop()
        self.blocks.append(Block(text, "heading", self.path, page=page, anchor=anchor, level=level))
        self._open.append(_Heading(level, text, anchor))

    def add(
        self,
        text: str,
        kind: str,
        *,
        page: int | None = None,
        anchor: str | None = None,
    ) -> None:
        text = clean_lines(text) if kind == "code" else clean_text(text)
        if text:
            self.blocks.append(Block(text, kind, self.path, page=page, anchor=anchor))

    def first_heading(self) -> str | None:
        """The top-most heading's text (lowest level, earliest), a fallback title."""
        headings = [b for b in self.blocks if b.kind == "heading"]
        if not headings:
            return None
        return min(headings, key=lambda b: b.level or 6).text
