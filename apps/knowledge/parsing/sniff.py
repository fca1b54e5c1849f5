"""Deciding what a file really is from its bytes. The filename and the declared type only choose
between textual formats; binary formats are recognised by their magic numbers alone, so a
renamed file is parsed for what it is (or refused) rather than for what it claims to be."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from apps.core.file_signatures import OLE_MAGIC, ZIP_MAGIC, binary_format

from . import safety
from .document import CSV, DOCX, HTML, MARKDOWN, PDF, PLAIN, XLSX, ParseError

_UNSUPPORTED_HINT = "Upload a PDF, Word (.docx), Excel (.xlsx), CSV, HTML, Markdown or text file."

# The PDF header may legally follow some junk bytes; readers look within the first kilobyte.
_PDF_HEADER_WINDOW = 1024
_PDF_HEADER = re.compile(rb"%PDF-\d")

_EXTENSIONS = {
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".mdown": MARKDOWN,
    ".mkd": MARKDOWN,
    ".csv": CSV,
    ".tsv": CSV,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".txt": PLAIN,
    ".text": PLAIN,
}
_DECLARED = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "text/markdown": MARKDOWN,
    "text/x-markdown": MARKDOWN,
    "text/csv": CSV,
    "application/csv": CSV,
    "text/tab-separated-values": CSV,
    "text/plain": PLAIN,
}
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_HTML_TAG = re.compile(rb"<(?:html|head|body)\b[^>]*>", re.I)


def sniff_content_type(
    data: bytes, *, filename: str | None = None, declared: str | None = None
) -> str:
    """Decide the real type from the bytes; see the module docstring. Raises ParseError."""
    if not data.strip():
        raise ParseError("empty_file", "This file is empty.")
    if _PDF_HEADER.search(data[:_PDF_HEADER_WINDOW]):
        return PDF
    if data.startswith(ZIP_MAGIC):
        return _office_type(data)
    if data.startswith(OLE_MAGIC):
        raise ParseError(
            "unsupported_type",
            "This is a legacy Office file (.doc, .xls or .ppt). Save it as .docx or .xlsx "
            "and upload it again.",
        )
    if data.lstrip()[:5].lower() == b"{\\rtf":
        raise ParseError(
            "unsupported_type", f"Rich Text (.rtf) files are not supported. {_UNSUPPORTED_HINT}"
        )
    if description := binary_format(data):
        raise ParseError(
            "binary_content", f"This file is {description}, not a document. {_UNSUPPORTED_HINT}"
        )
    if safety.looks_binary(data):
        raise ParseError(
            "binary_content", f"This file contains binary data, not text. {_UNSUPPORTED_HINT}"
        )
    return _text_type(data, filename=filename, declared=declared)


def _office_type(data: bytes) -> str:
    names = set(safety.zip_entry_names(data))
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
        if any(name.startswith("ppt/") for name in names):
            raise ParseError(
                "unsupported_type", f"PowerPoint files are not supported. {_UNSUPPORTED_HINT}"
            )
    raise ParseError("unsupported_type", f"ZIP archives are not supported. {_UNSUPPORTED_HINT}")


def _text_type(data: bytes, *, filename: str | None, declared: str | None) -> str:
    head = data[:4096].removeprefix(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return HTML
    by_extension = _EXTENSIONS.get(PurePosixPath(filename or "").suffix.lower())
    if by_extension:
        return by_extension
    by_declaration = _DECLARED.get(mime_type(declared))
    if by_declaration:
        return by_declaration
    return HTML if _HTML_TAG.search(head) else PLAIN


def mime_type(declared: str | None) -> str:
    """The bare media type of a Content-Type value: `text/html; charset=x` -> `text/html`."""
    return (declared or "").split(";", 1)[0].strip().lower()
