"""Checks that run before any parser touches the bytes: size limits, ZIP bombs, binary junk.

The ZIP limits are module constants so tests (and operators) can lower them."""

from __future__ import annotations

import io
import zipfile

from .document import ParseError

MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_RATIO = 100
# A high ratio alone is normal for small XML parts; only large, highly compressed entries are bombs.
ZIP_RATIO_MIN_BYTES = 10 * 1024 * 1024

# Share of C0 control bytes (other than tab, newline, carriage return, form feed, escape) above
# which a "text" file is taken for binary data.
MAX_CONTROL_SHARE = 0.05
SAMPLE_BYTES = 64 * 1024

_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def check_size(data: bytes, *, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise ParseError(
            "too_large",
            f"This file is {_megabytes(len(data))}; the limit is {_megabytes(max_bytes)}.",
        )
    if not data.strip():
        raise ParseError("empty_file", "This file is empty.")


def zip_entry_names(data: bytes) -> list[str]:
    """The names in a ZIP container, after checking its central directory for a decompression
    bomb. Only the directory is read: nothing is decompressed. The declared sizes are also what
    bounds later reads (zipfile stops at an entry's declared size), so checking them suffices."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise ParseError(
            "corrupt", "This file is damaged: its ZIP structure can't be read."
        ) from exc
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ParseError("archive_bomb", f"This file holds {len(entries)} parts; too many to open.")
    if sum(entry.file_size for entry in entries) > MAX_ZIP_TOTAL_BYTES:
        raise ParseError(
            "archive_bomb",
            "This file would expand to more than "
            f"{_megabytes(MAX_ZIP_TOTAL_BYTES)} when opened; it can't be processed.",
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > ZIP_RATIO_MIN_BYTES and ratio > MAX_ZIP_RATIO:
            raise ParseError(
                "archive_bomb",
                f"This file contains a part that expands {int(ratio)}x when opened; "
                "it looks like a decompression bomb and was refused.",
            )
    return [entry.filename for entry in entries]


def looks_binary(data: bytes) -> bool:
    """True when the start of the file is not text in any encoding: NUL bytes (outside UTF-16/32,
    which needs a byte-order mark here) or too many control bytes."""
    sample = data[:SAMPLE_BYTES]
    if sample.startswith(_UTF16_32_BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > MAX_CONTROL_SHARE * len(sample)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
