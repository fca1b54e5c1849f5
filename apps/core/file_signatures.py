"""File signatures ("magic numbers") shared by the uploads that must recognise a file from its
bytes rather than its name: knowledge documents and catalog imports."""

from __future__ import annotations

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls/.ppt containers
PDF_MAGIC = b"%PDF-"

# Binary formats neither upload reads, recognised to say what the file is: (magic, offset, name).
_BINARY_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "an image (PNG)"),
    (b"\xff\xd8\xff", 0, "an image (JPEG)"),
    (b"GIF87a", 0, "an image (GIF)"),
    (b"GIF89a", 0, "an image (GIF)"),
    (b"WEBP", 8, "an image (WebP)"),
    (b"II*\x00", 0, "an image (TIFF)"),
    (b"MM\x00*", 0, "an image (TIFF)"),
    (b"ftyp", 4, "a video or audio file"),
    (b"ID3", 0, "an audio file (MP3)"),
    (b"\x1f\x8b", 0, "a compressed archive (gzip)"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a compressed archive (7z)"),
    (b"Rar!", 0, "a compressed archive (RAR)"),
    (b"\x7fELF", 0, "a program"),
)


def binary_format(head: bytes) -> str | None:
    """What an unreadable binary file is ("an image (PNG)"), from its first bytes; None when
    the signature is not one of those formats."""
    for magic, offset, description in _BINARY_MAGIC:
        if head[offset : offset + len(magic)] == magic:
            return description
    return None
