"""Turning the bytes of a textual file into `str`, whatever encoding the merchant's tools used."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from .document import ParseError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Browsers read these labels as Windows-1252 (WHATWG Encoding); servers send them for cp1252 text.
_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CHARSET_PARAM = re.compile(r";\s*charset\s*=\s*\"?([^\";\s]+)", re.I)
# Share of non-printable characters above which decoded "text" is really binary data.
_MAX_UNPRINTABLE_SHARE = 0.05
_SAMPLE_CHARS = 64 * 1024


def decode_text(data: bytes, *, declared_type: str | None = None, html: bool = False) -> str:
    """Decode with, in order: a byte-order mark, strict UTF-8, the declared charset, an HTML
    `<meta charset>`, then charset-normalizer's detection. Raises ParseError for binary data and
    for text that is only whitespace."""
    text = _decode(data, declared_type=declared_type, html=html)
    sample = text[:_SAMPLE_CHARS]
    unprintable = sum(1 for ch in sample if not ch.isprintable() and ch not in "\n\r\t\f")
    if unprintable > _MAX_UNPRINTABLE_SHARE * len(sample):
        raise ParseError("binary_content", "This file contains binary data, not text.")
    if not text.strip():
        raise ParseError("empty_file", "This file is empty.")
    return text


def _decode(data: bytes, *, declared_type: str | None, html: bool) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    labels = ["utf-8"]
    declared = _CHARSET_PARAM.search(declared_type or "")
    if declared:
        labels.append(declared.group(1))
    meta = _META_CHARSET.search(data[:4096]) if html else None
    if meta:
        labels.append(meta.group(1).decode("ascii"))
    for label in labels:
        label = "cp1252" if label.lower() in _LATIN1_LABELS else label
        try:
            return data.decode(label)
        except (LookupError, UnicodeDecodeError):
            continue
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ParseError("binary_content", "This file's text encoding could not be recognised.")
    return str(best)
