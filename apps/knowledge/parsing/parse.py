"""The entry points: `parse_document` sniffs the type and hands the bytes to the format's parser;
`parse_faq` wraps a merchant-written question and answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath

from . import safety
from .document import (
    CSV,
    DOCX,
    HTML,
    MARKDOWN,
    PDF,
    PLAIN,
    XLSX,
    Block,
    Extraction,
    ParsedDocument,
    ParseError,
)
from .html import parse_html
from .links import pdf_links, urls_in_text
from .markdown import parse_markdown
from .office import parse_docx
from .pdf import parse_pdf
from .sniff import sniff_content_type
from .spreadsheet import parse_csv, parse_xlsx
from .structure import clean_text
from .text import parse_text

DEFAULT_MAX_BYTES = 25 * 1024 * 1024

_LABELS = {
    PDF: "PDF",
    DOCX: "Word document",
    XLSX: "Excel workbook",
    HTML: "web page",
    MARKDOWN: "Markdown file",
    PLAIN: "text file",
    CSV: "CSV file",
}


def parse_document(
    *,
    data: bytes,
    filename: str | None = None,
    declared_type: str | None = None,
    base_url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ocr: bool = True,
) -> ParsedDocument:
    """Sniff, then dispatch to the format parser. Raises ParseError with a clear message for
    bad input, including any file a library fails on ("corrupt")."""
    safety.check_size(data, max_bytes=max_bytes)
    content_type = sniff_content_type(data, filename=filename, declared=declared_type)
    parsers: dict[str, Callable[[], Extraction]] = {
        PDF: lambda: parse_pdf(data, ocr_enabled=ocr),
        DOCX: lambda: parse_docx(data),
        XLSX: lambda: parse_xlsx(data),
        HTML: lambda: parse_html(data, declared_type=declared_type),
        MARKDOWN: lambda: parse_markdown(data, declared_type=declared_type),
        CSV: lambda: parse_csv(data, declared_type=declared_type),
        PLAIN: lambda: parse_text(data, declared_type=declared_type),
    }
    label = _LABELS[content_type]
    try:
        extraction = parsers[content_type]()
    except ParseError:
        raise
    except Exception as exc:
        # The libraries fail on malformed input with all kinds of exceptions (KeyError,
        # XMLSyntaxError, BadZipFile...); to the merchant it is one thing: a damaged file.
        raise ParseError(
            "corrupt", f"This {label} appears to be damaged and could not be read."
        ) from exc
    blocks = extraction.blocks
    if not any(block.kind != "heading" for block in blocks):
        raise ParseError("no_text", f"No text could be found in this {label}.")
    candidates = [*extraction.link_candidates]
    for block in blocks:
        candidates.extend(urls_in_text(block.text))
    return ParsedDocument(
        title=extraction.title or _filename_title(filename) or "Untitled document",
        content_type=content_type,
        blocks=blocks,
        links=pdf_links(candidates, base_url=base_url),
        notes=list(extraction.notes),
    )


def parse_faq(*, question: str, answer: str) -> ParsedDocument:
    """One atomic `faq` block "Q: ...\\nA: ..." under the question."""
    question, answer = clean_text(question), clean_text(answer)
    if not question or not answer:
        raise ParseError("empty_file", "A question and its answer are both required.")
    block = Block(f"Q: {question}\nA: {answer}", "faq", (question,))
    return ParsedDocument(title=question, content_type=PLAIN, blocks=[block], links=[], notes=[])


def _filename_title(filename: str | None) -> str | None:
    # Uploads from Windows browsers may carry backslashes.
    stem = PurePosixPath((filename or "").replace("\\", "/")).stem
    return clean_text(stem.replace("_", " ")) or None
