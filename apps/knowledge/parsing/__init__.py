"""Turning uploaded or fetched files into structured text blocks for the knowledge base.

Pure Python: no Django, no database, no network. `parse_document` is the entry point."""

from .document import SUPPORTED_TYPES, Block, ParsedDocument, ParseError
from .parse import parse_document, parse_faq
from .sniff import sniff_content_type

__all__ = [
    "SUPPORTED_TYPES",
    "Block",
    "ParseError",
    "ParsedDocument",
    "parse_document",
    "parse_faq",
    "sniff_content_type",
]
