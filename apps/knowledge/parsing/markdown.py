"""Markdown, read line by line: ATX and Setext headings, list items, fenced code, pipe tables,
block quotes and paragraphs. Inline markup is reduced to its text; link targets are kept as
link candidates. YAML front matter is skipped (its `title:` is used)."""

from __future__ import annotations

import re

from .document import Extraction
from .encoding import decode_text
from .structure import BlockBuilder, clean_text

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$")
_TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$")
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
_FRONT_MATTER_TITLE = re.compile(r"^title:[ \t]*[\"']?(.*?)[\"']?[ \t]*$", re.I)
# Front matter longer than this is not front matter but a document starting with a rule.
_MAX_FRONT_MATTER_LINES = 100

# Inline markup, applied in order: images and links first (their text may hold emphasis).
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def parse_markdown(data: bytes, *, declared_type: str | None) -> Extraction:
    lines = decode_text(data, declared_type=declared_type).splitlines()
    front_title, body = _split_front_matter(lines)
    reader = _Reader()
    reader.read(body)
    top_heading = next(
        (b.text for b in reader.builder.blocks if b.kind == "heading" and b.level == 1), None
    )
    return Extraction(
        blocks=reader.builder.blocks,
        title=front_title or top_heading or reader.builder.first_heading(),
        link_candidates=tuple(reader.links),
    )


def _split_front_matter(lines: list[str]) -> tuple[str | None, list[str]]:
    if not lines or lines[0].strip() != "---":
        return None, lines
    for index in range(1, min(len(lines), _MAX_FRONT_MATTER_LINES)):
        if lines[index].strip() in ("---", "..."):
            titles = (_FRONT_MATTER_TITLE.match(line) for line in lines[1:index])
            title = next((clean_text(m.group(1)) for m in titles if m), None)
            return title or None, lines[index + 1 :]
    return None, lines


class _Reader:
    def __init__(self) -> None:
        self.builder = BlockBuilder()
        self.links: list[str] = []
        self._paragraph: list[str] = []
        self._item: list[str] | None = None

    def read(self, lines: list[str]) -> None:
        index = 0
        while index < len(lines):
            index = self._line(lines, index)
        self._flush()

    def _line(self, lines: list[str], index: int) -> int:
        """Consumes the construct starting at `lines[index]`; returns the next index."""
        line = lines[index]
        fence = _FENCE.match(line)
        if fence:
            return self._code(lines, index, fence.group(1))
        if not line.strip():
            self._flush()
            return index + 1
        heading = _ATX.match(line)
        if heading:
            self._flush()
            self.builder.heading(self._inline(heading.group(2) or ""), len(heading.group(1)))
            return index + 1
        setext = _SETEXT.match(line)
        if setext and self._paragraph and self._item is None:
            text = self._inline(" ".join(self._paragraph))
            self._paragraph = []
            self.builder.heading(text, 1 if setext.group(1).startswith("=") else 2)
            return index + 1
        if _THEMATIC_BREAK.match(line):
            self._flush()
            return index + 1
        definition = _REFERENCE_DEFINITION.match(line)
        if definition:
            self.links.append(definition.group(1))
            return index + 1
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        if "|" in line and "|" in next_line and _TABLE_DELIMITER.match(next_line):
            return self._table(lines, index)
        item = _LIST_ITEM.match(line)
        if item:
            self._flush()
            self._item = [item.group(1)]
            return index + 1
        text = _QUOTE.sub("", line)
        # A line that is not a new construct continues the open list item (also "lazily",
        # without indentation, as CommonMark allows) or the paragraph.
        (self._item if self._item is not None else self._paragraph).append(text)
        return index + 1

    def _code(self, lines: list[str], index: int, fence: str) -> int:
        self._flush()
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = next((i for i in range(index + 1, len(lines)) if closing.match(lines[i])), len(lines))
        self.builder.add("\n".join(lines[index + 1 : end]), "code")
        return end + 1

    def _table(self, lines: list[str], index: int) -> int:
        self._flush()
        rows = [lines[index]]
        end = index + 2  # past the header and the delimiter row
        while end < len(lines) and "|" in lines[end] and lines[end].strip():
            rows.append(lines[end])
            end += 1
        for row in rows:
            cells = _CELL_SEPARATOR.split(row.strip().removeprefix("|").removesuffix("|"))
            self.builder.add(" | ".join(self._inline(cell) for cell in cells), "table_row")
        return end

    def _flush(self) -> None:
        if self._item is not None:
            self.builder.add(self._inline(" ".join(self._item)), "list_item")
            self._item = None
        if self._paragraph:
            self.builder.add(self._inline(" ".join(self._paragraph)), "paragraph")
            self._paragraph = []

    def _inline(self, text: str) -> str:
        text = _IMAGE.sub(r"\1", text)
        self.links.extend(match.group(2) for match in _LINK.finditer(text))
        self.links.extend(match.group(1) for match in _AUTOLINK.finditer(text))
        text = _LINK.sub(r"\1", text)
        text = _REFERENCE_LINK.sub(r"\1", text)
        text = _AUTOLINK.sub(r"\1", text)
        text = _TAG.sub("", text)
        text = _CODE_SPAN.sub(lambda m: m.group(2).strip(), text)
        text = _STRONG.sub(r"\2", text)
        text = _EMPHASIS.sub(r"\2", text)
        return clean_text(_ESCAPE.sub(r"\1", text))
