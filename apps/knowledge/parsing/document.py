"""The parser's output types and its one error type, shared by every format module."""

from __future__ import annotations

from dataclasses import dataclass

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"
MARKDOWN = "text/markdown"
PLAIN = "text/plain"
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

SUPPORTED_TYPES = (PDF, DOCX, HTML, MARKDOWN, PLAIN, CSV, XLSX)

BLOCK_KINDS = frozenset({"heading", "paragraph", "list_item", "table_row", "faq", "code"})

ERROR_CODES = frozenset(
    {
        "empty_file",
        "too_large",
        "unsupported_type",
        "corrupt",
        "encrypted",
        "archive_bomb",
        "no_text",
        "binary_content",
    }
)


@dataclass(frozen=True)
class Block:
    """One structural unit of a document. `heading_path` lists the enclosing headings, outermost
    first; for a heading block it holds the heading's parents, not the heading itself."""

    text: str
    kind: str
    heading_path: tuple[str, ...]
    page: int | None = None
    anchor: str | None = None
    level: int | None = None


@dataclass(frozen=True)
class ParsedDocument:
    title: str
    content_type: str
    blocks: list[Block]
    links: list[str]
    notes: list[str]


class ParseError(Exception):
    """Bad input, with a stable `code` for the pipeline and a `message` fit to show a merchant."""

    def __init__(self, code: str, message: str) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown parse error code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Extraction:
    """What a format parser hands back to `parse_document`, which settles the title fallback and
    turns `link_candidates` (raw hrefs, possibly relative) into the document's PDF links."""

    blocks: list[Block]
    title: str | None = None
    link_candidates: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
