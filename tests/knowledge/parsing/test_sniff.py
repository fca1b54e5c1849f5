"""The real type comes from the bytes; names and declared types only pick among textual types."""

from __future__ import annotations

import pytest

from apps.knowledge.parsing import ParseError, parse_document, sniff_content_type
from apps.knowledge.parsing.document import CSV, DOCX, HTML, MARKDOWN, PDF, PLAIN, XLSX
from tests.knowledge.parsing import files


def _error(data: bytes, **kwargs: object) -> ParseError:
    with pytest.raises(ParseError) as caught:
        sniff_content_type(data, **kwargs)  # type: ignore[arg-type]
    return caught.value


def test_png_renamed_txt_is_binary_content() -> None:
    error = _error(files.png_bytes(), filename="notes.txt", declared="text/plain")
    assert error.code == "binary_content"
    assert "image (PNG)" in error.message


def test_nul_bytes_without_a_bom_are_binary() -> None:
    assert _error(b"abc\x00\x01\x02def" * 10, filename="a.txt").code == "binary_content"


def test_pdf_named_txt_is_parsed_as_pdf() -> None:
    data = files.pdf_bytes(["A PDF that was renamed to look like text, still a PDF."])
    assert sniff_content_type(data, filename="notes.txt", declared="text/plain") == PDF
    parsed = parse_document(data=data, filename="notes.txt")
    assert parsed.content_type == PDF
    assert "renamed" in parsed.blocks[0].text


def test_docx_named_xlsx_is_docx() -> None:
    assert sniff_content_type(files.docx_bytes(), filename="prices.xlsx") == DOCX


def test_xlsx_is_recognised_by_content() -> None:
    assert sniff_content_type(files.xlsx_bytes(), filename="upload.bin") == XLSX


def test_zip_that_is_not_office_is_unsupported() -> None:
    data = files.zip_bytes({"readme.txt": b"hello"})
    assert _error(data, filename="file.docx").code == "unsupported_type"


def test_legacy_office_file_is_unsupported_with_advice() -> None:
    error = _error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, filename="old.doc")
    assert error.code == "unsupported_type"
    assert ".docx" in error.message


def test_truncated_zip_is_corrupt() -> None:
    data = files.docx_bytes()[:200]
    assert _error(data, filename="a.docx").code == "corrupt"


@pytest.mark.parametrize(
    ("data", "filename", "declared", "expected"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "page.txt", None, HTML),
        (b"# Title\n\nText", "readme.md", "text/plain", MARKDOWN),
        (b"a,b\n1,2\n", None, "text/csv; charset=utf-8", CSV),
        (b"a\tb\n1\t2\n", "export.tsv", None, CSV),
        (b"<p>fragment</p>", None, "text/html", HTML),
        (b"Just some words.", "report.pdf", "application/pdf", PLAIN),
        (b"Just some words.", None, None, PLAIN),
    ],
)
def test_textual_types(
    data: bytes, filename: str | None, declared: str | None, expected: str
) -> None:
    assert sniff_content_type(data, filename=filename, declared=declared) == expected


def test_empty_and_whitespace_only_files() -> None:
    assert _error(b"").code == "empty_file"
    assert _error(b" \n\t \r\n").code == "empty_file"
