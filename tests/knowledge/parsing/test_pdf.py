"""PDF: page numbers, outline headings, encryption, damage, and the OCR path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from apps.knowledge.parsing import ParseError, parse_document
from apps.knowledge.parsing import ocr as ocr_module
from tests.knowledge.parsing import files

LONG = "Orders ship from our warehouse in Lyon within two business days of payment. " * 3


def test_text_per_page_with_page_numbers_and_title() -> None:
    data = files.pdf_bytes(
        [f"{LONG} Page one.", "Returns are accepted within thirty days of delivery.", LONG],
        title="Shipping and returns",
    )
    parsed = parse_document(data=data, filename="policies.pdf")
    assert parsed.title == "Shipping and returns"
    assert parsed.content_type == "application/pdf"
    assert {block.page for block in parsed.blocks} == {1, 2, 3}
    returns = next(b for b in parsed.blocks if "thirty days" in b.text)
    assert returns.page == 2
    assert returns.kind == "paragraph"
    assert parsed.notes == []


def test_outline_gives_headings_and_heading_paths() -> None:
    data = files.pdf_bytes(
        [LONG, "Customs duties are paid by the buyer on delivery."],
        sections={1: [("Shipping", 0)], 2: [("International", 1)]},
    )
    parsed = parse_document(data=data, filename="guide.pdf")
    headings = [
        (b.text, b.level, b.page, b.heading_path) for b in parsed.blocks if b.kind == "heading"
    ]
    assert headings == [("Shipping", 1, 1, ()), ("International", 2, 2, ("Shipping",))]
    customs = next(b for b in parsed.blocks if "Customs" in b.text)
    assert customs.heading_path == ("Shipping", "International")
    # The heading line itself is not repeated as a paragraph.
    assert not any(b.kind == "paragraph" and b.text == "International" for b in parsed.blocks)
    assert parsed.title == "Shipping"  # no metadata title: the first outline entry


def test_title_falls_back_to_the_filename() -> None:
    parsed = parse_document(data=files.pdf_bytes([LONG]), filename="size_guide.pdf")
    assert parsed.title == "size guide"


def test_link_annotations_to_pdfs_are_collected() -> None:
    data = files.pdf_bytes([LONG], link="https://example.com/manuals/boot.pdf")
    parsed = parse_document(data=data, filename="a.pdf")
    assert parsed.links == ["https://example.com/manuals/boot.pdf"]


def test_corrupt_pdf() -> None:
    with pytest.raises(ParseError) as caught:
        parse_document(data=b"%PDF-1.7\n" + b"garbage " * 200, filename="broken.pdf")
    assert caught.value.code == "corrupt"


def test_truncated_pdf_is_corrupt_or_read_partially() -> None:
    data = files.pdf_bytes([LONG, LONG])
    with pytest.raises(ParseError) as caught:
        parse_document(data=data[: len(data) // 3], filename="cut.pdf")
    assert caught.value.code in {"corrupt", "no_text"}


def test_password_protected_pdf_is_refused() -> None:
    data = files.pdf_bytes([LONG], owner_password="owner", user_password="secret")
    with pytest.raises(ParseError) as caught:
        parse_document(data=data, filename="locked.pdf")
    assert caught.value.code == "encrypted"
    assert "password" in caught.value.message


def test_aes_encrypted_pdf_is_refused() -> None:
    data = files.aes_encrypted_pdf([LONG], password="secret")
    with pytest.raises(ParseError) as caught:
        parse_document(data=data, filename="locked.pdf")
    assert caught.value.code == "encrypted"


def test_pdf_with_only_an_owner_password_opens() -> None:
    data = files.pdf_bytes([LONG], owner_password="owner")
    parsed = parse_document(data=data, filename="restricted.pdf")
    assert "Lyon" in parsed.blocks[0].text


def _scanned_pdf() -> bytes:
    return files.pdf_bytes([LONG, ""], image_pages={2: "Refunds take five days"})


def test_ocr_skipped_without_tesseract_is_noted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_module, "tesseract_binary", lambda: None)
    parsed = parse_document(data=_scanned_pdf(), filename="scan.pdf")
    assert parsed.notes == [
        "OCR skipped on 1 page(s) without a text layer (2): tesseract is not installed."
    ]
    assert {b.page for b in parsed.blocks} == {1}


def test_ocr_turned_off_is_noted() -> None:
    parsed = parse_document(data=_scanned_pdf(), filename="scan.pdf", ocr=False)
    assert parsed.notes == ["OCR skipped on 1 page(s) without a text layer (2): OCR is turned off."]


def test_image_only_pdf_without_ocr_is_no_text_with_ocr_status(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr_module, "tesseract_binary", lambda: None)
    data = files.pdf_bytes([""], image_pages={1: "Refunds take five days"})
    with pytest.raises(ParseError) as caught:
        parse_document(data=data, filename="scan.pdf")
    assert caught.value.code == "no_text"
    assert "tesseract is not installed" in caught.value.message


def test_ocr_pipeline_renders_the_page_and_reads_the_engine_output(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A stand-in engine checks it is fed a PNG on stdin and answers with text, so the render,
    subprocess and merge path is covered whether or not tesseract is installed."""
    engine = tmp_path / "tesseract"
    engine.write_text(
        "#!/bin/sh\n"
        'head -c 8 | od -An -c | grep -q "P   N   G" || exit 3\n'
        "cat > /dev/null\n"
        "echo 'Refunds take five days'\n"
    )
    engine.chmod(0o755)
    monkeypatch.setattr(ocr_module, "tesseract_binary", lambda: str(engine))
    parsed = parse_document(data=_scanned_pdf(), filename="scan.pdf")
    scanned = [b for b in parsed.blocks if b.page == 2]
    assert [b.text for b in scanned] == ["Refunds take five days"]
    assert parsed.notes == []


def test_ocr_failure_is_noted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    engine = tmp_path / "tesseract"
    engine.write_text("#!/bin/sh\ncat > /dev/null\necho 'no language data' >&2\nexit 1\n")
    engine.chmod(0o755)
    monkeypatch.setattr(ocr_module, "tesseract_binary", lambda: str(engine))
    parsed = parse_document(data=_scanned_pdf(), filename="scan.pdf")
    assert parsed.notes == ["OCR failed on page(s) 2."]


def test_real_tesseract_reads_a_scanned_page() -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed; the note path is covered above")
    parsed = parse_document(data=_scanned_pdf(), filename="scan.pdf")
    scanned = " ".join(b.text for b in parsed.blocks if b.page == 2).lower()
    assert "refunds" in scanned
    assert "five days" in scanned
