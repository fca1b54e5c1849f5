"""Plain text: paragraphs are separated by blank lines."""

from __future__ import annotations

from .document import Extraction
from .encoding import decode_text
from .structure import BlockBuilder, split_paragraphs


def parse_text(data: bytes, *, declared_type: str | None) -> Extraction:
    builder = BlockBuilder()
    for paragraph in split_paragraphs(decode_text(data, declared_type=declared_type)):
        builder.add(paragraph, "paragraph")
    return Extraction(blocks=builder.blocks)
