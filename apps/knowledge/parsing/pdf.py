"""PDF: the text layer of each page (pypdf), OCR for pages without one, headings from the
document outline (bookmarks) when it has one."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from . import ocr
from .document import Extraction, ParseError
from .structure import BlockBuilder, clean_text

# Reading stops here; a note says so. Bounds the time one upload can take.
MAX_PDF_PAGES = 2000
# Fewer visible characters than this and the page is taken for a scan (a lone page number or
# a stamp can sit on top of a scanned image).
MIN_TEXT_LAYER_CHARS = 16
# A line this much shorter than the page's longest, ending a sentence, ends its paragraph.
_SHORT_LINE_SHARE = 0.7
_SENTENCE_END = (".", "!", "?", ":")
_JUNK_TITLE = re.compile(r"^(untitled.*|.*\.(docx?|pdf|xlsx?|pptx?|indd|txt))$", re.I)


@dataclass(frozen=True)
class _OutlineEntry:
    page: int  # 1-based
    level: int
    title: str


def parse_pdf(data: bytes, *, ocr_enabled: bool) -> Extraction:
    reader = _open(data)
    notes: list[str] = []
    page_count = len(reader.pages)
    if page_count > MAX_PDF_PAGES:
        notes.append(f"Only the first {MAX_PDF_PAGES} of {page_count} pages were read.")
        page_count = MAX_PDF_PAGES

    texts: dict[int, str] = {}
    unreadable: list[int] = []
    links: list[str] = []
    for number in range(1, page_count + 1):
        page = reader.pages[number - 1]
        try:
            texts[number] = page.extract_text()
        except Exception:  # pypdf raises many exception types on damaged content streams
            texts[number] = ""
            unreadable.append(number)
        links.extend(_uri_annotations(page))
    if unreadable:
        notes.append(f"The text of page(s) {ocr.page_list(unreadable)} could not be read.")

    scanned = [n for n, text in texts.items() if _visible_chars(text) < MIN_TEXT_LAYER_CHARS]
    ocr_status = ""
    if scanned:
        outcome = ocr.ocr_pages(data, scanned, enabled=ocr_enabled)
        notes.extend(outcome.notes)
        ocr_status = outcome.status
        for number, text in outcome.texts.items():
            if _visible_chars(text) > _visible_chars(texts[number]):
                texts[number] = text

    outline = _outline(reader)
    blocks = _blocks(texts, outline)
    if not blocks.blocks:
        detail = (
            f" It seems to contain only scanned images, and {ocr_status}." if ocr_status else ""
        )
        raise ParseError("no_text", f"No text could be found in this PDF.{detail}")
    title = _metadata_title(reader) or (outline[0].title if outline else blocks.first_heading())
    return Extraction(
        blocks=blocks.blocks, title=title, link_candidates=tuple(links), notes=tuple(notes)
    )


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as exc:  # pypdf signals malformed files with assorted exception types
        raise ParseError("corrupt", "This PDF is damaged and could not be opened.") from exc
    if encrypted:
        try:
            opened = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except (DependencyError, NotImplementedError) as exc:
            raise ParseError(
                "encrypted", "This PDF uses an encryption method that can't be opened here."
            ) from exc
        if not opened:
            raise ParseError(
                "encrypted",
                "This PDF is password-protected. Remove the password and upload it again.",
            )
    try:
        len(reader.pages)
    except Exception as exc:  # the page tree is only parsed on first access
        raise ParseError("corrupt", "This PDF is damaged: its pages could not be read.") from exc
    return reader


def _visible_chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _blocks(texts: dict[int, str], outline: list[_OutlineEntry]) -> BlockBuilder:
    builder = BlockBuilder()
    for number, text in texts.items():
        # NFKC undoes the ligatures (fi, fl) and compatibility forms that PDF fonts produce.
        lines = [line.strip() for line in unicodedata.normalize("NFKC", text).splitlines()]
        start = 0
        for entry in (e for e in outline if e.page == number):
            found = _find_heading_line(lines, entry.title, start)
            if found is not None:
                _add_paragraphs(builder, lines[start:found], number)
                start = found + 1
            builder.heading(entry.title, entry.level, page=number)
        _add_paragraphs(builder, lines[start:], number)
    return builder


def _find_heading_line(lines: list[str], title: str, start: int) -> int | None:
    wanted = clean_text(title).casefold()
    for index in range(start, len(lines)):
        line = clean_text(lines[index]).casefold()
        if line and (line == wanted or line.startswith(wanted)):
            return index
    return None


def _add_paragraphs(builder: BlockBuilder, lines: list[str], page: int) -> None:
    """pypdf gives lines, not paragraphs: a blank line, or a short line that ends a sentence,
    closes a paragraph. Words hyphenated across lines are joined again."""
    longest = max((len(line) for line in lines), default=0)
    paragraph = ""
    for line in lines:
        if line:
            paragraph = _join_line(paragraph, line)
        ends = not line or (
            len(line) < _SHORT_LINE_SHARE * longest and line.endswith(_SENTENCE_END)
        )
        if ends and paragraph:
            builder.add(paragraph, "paragraph", page=page)
            paragraph = ""
    if paragraph:
        builder.add(paragraph, "paragraph", page=page)


def _join_line(paragraph: str, line: str) -> str:
    if not paragraph:
        return line
    if paragraph.endswith("-") and paragraph[-2:-1].isalpha() and line[:1].islower():
        return paragraph[:-1] + line
    return f"{paragraph} {line}"


def _outline(reader: PdfReader) -> list[_OutlineEntry]:
    """Bookmarks as (page, level, title), in page order; none when the outline is unusable."""
    entries: list[_OutlineEntry] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
                continue
            index = reader.get_destination_page_number(item)
            title = clean_text(str(item.title or ""))
            if index is not None and index >= 0 and title:
                entries.append(_OutlineEntry(index + 1, level, title))

    try:
        walk(reader.outline, 1)
    except Exception:  # broken or cyclic outlines are common; the text matters more
        return []
    return sorted(entries, key=lambda entry: entry.page)


def _uri_annotations(page: Any) -> list[str]:
    """Targets of the page's link annotations (`/URI` actions)."""
    uris: list[str] = []
    try:
        annotations = page.get("/Annots")
        for reference in annotations.get_object() if annotations is not None else []:
            action = reference.get_object().get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if uri:
                uris.append(str(uri))
    except Exception:  # a damaged annotation must not cost the page's text
        return uris
    return uris


def _metadata_title(reader: PdfReader) -> str | None:
    try:
        raw = reader.metadata.title if reader.metadata else None
    except Exception:  # undecodable metadata strings
        return None
    title = clean_text(str(raw or "")).removeprefix("Microsoft Word - ")
    return None if not title or _JUNK_TITLE.match(title) else title
