"""Word and Excel files, and the ZIP-bomb guard in front of them."""

from __future__ import annotations

import pytest

from apps.knowledge.parsing import ParseError, parse_document, safety, spreadsheet
from tests.knowledge.parsing import files


def test_docx_headings_lists_and_tables() -> None:
    parsed = parse_document(
        data=files.docx_bytes(link="https://example.com/files/warranty.pdf"), filename="h.docx"
    )
    assert parsed.title == "Store handbook"
    summary = [(b.kind, b.text, b.heading_path, b.level) for b in parsed.blocks]
    assert summary == [
        ("heading", "Store handbook", (), 1),
        ("paragraph", "Welcome to the handbook.", ("Store handbook",), None),
        ("heading", "Shipping", (), 1),
        ("paragraph", "We ship within two business days.", ("Shipping",), None),
        ("heading", "International", ("Shipping",), 2),
        (
            "paragraph",
            "Customs fees are paid by the customer.",
            ("Shipping", "International"),
            None,
        ),
        ("list_item", "Canada", ("Shipping", "International"), None),
        ("list_item", "Mexico", ("Shipping", "International"), None),
        ("heading", "Returns", (), 1),
        ("table_row", "Item | Window", ("Returns",), None),
        ("table_row", "Shoes | 30 days", ("Returns",), None),
        ("table_row", "Hats | 14 days", ("Returns",), None),
    ]
    assert parsed.links == ["https://example.com/files/warranty.pdf"]


def test_docx_title_falls_back_to_the_title_style() -> None:
    parsed = parse_document(data=files.docx_bytes(title=None), filename="x.docx")
    assert parsed.title == "Store handbook"


def test_xlsx_rows_with_headers_anchors_and_sheets() -> None:
    parsed = parse_document(
        data=files.xlsx_bytes(link="https://example.com/docs/jacket.pdf"), filename="catalog.xlsx"
    )
    assert parsed.title == "catalog"
    rows = [(b.text, b.anchor, b.heading_path) for b in parsed.blocks if b.kind == "table_row"]
    assert rows == [
        ("SKU | Name | Price | Manual", "Products!A1", ("Products",)),
        (
            "SKU: A-1; Name: Trail shoe; Price: 89.5; Manual: https://example.com/docs/trail.pdf",
            "Products!A2",
            ("Products",),
        ),
        (
            "SKU: B-2; Name: Rain jacket; Price: 120; Manual: Jacket manual",
            "Products!A4",
            ("Products",),
        ),
        ("Size | Chest (cm)", "Sizes!A1", ("Sizes",)),
        ("Size: M; Chest (cm): 100", "Sizes!A2", ("Sizes",)),
    ]
    # From a cell value and from a cell hyperlink.
    assert sorted(parsed.links) == [
        "https://example.com/docs/jacket.pdf",
        "https://example.com/docs/trail.pdf",
    ]


def test_xlsx_row_cap_is_noted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 1)
    parsed = parse_document(data=files.xlsx_bytes(), filename="catalog.xlsx")
    data_rows = [b for b in parsed.blocks if b.kind == "table_row" and ":" in b.text]
    assert len(data_rows) == 1
    assert parsed.notes[0] == "Sheet 'Products' was cut short: at most 1 rows are read."


def test_zip_bomb_with_default_limits_is_refused() -> None:
    # 20 MB of zeros deflates to ~20 KB: a ratio of ~1000 on an entry over 10 MB.
    data = files.xlsx_shaped_zip({"xl/worksheets/sheet1.xml": bytes(20 * 1024 * 1024)})
    assert len(data) < 100_000
    with pytest.raises(ParseError) as caught:
        parse_document(data=data, filename="prices.xlsx")
    assert caught.value.code == "archive_bomb"


def test_zip_total_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ZIP_TOTAL_BYTES", 50_000)
    data = files.xlsx_shaped_zip({"xl/sharedStrings.xml": b"<sst>" + b"a" * 60_000 + b"</sst>"})
    with pytest.raises(ParseError) as caught:
        parse_document(data=data, filename="prices.xlsx")
    assert caught.value.code == "archive_bomb"


def test_zip_entry_count_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ZIP_ENTRIES", 5)
    data = files.xlsx_shaped_zip({f"xl/media/{i}.xml": b"<x/>" for i in range(5)})
    with pytest.raises(ParseError) as caught:
        parse_document(data=data, filename="prices.xlsx")
    assert caught.value.code == "archive_bomb"


def test_zip_ratio_applies_only_to_large_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "ZIP_RATIO_MIN_BYTES", 100_000)
    small = files.xlsx_shaped_zip({"xl/styles.xml": bytes(90_000)})
    assert safety.zip_entry_names(small)  # compresses >100x but is small: fine
    large = files.xlsx_shaped_zip({"xl/styles.xml": bytes(200_000)})
    with pytest.raises(ParseError) as caught:
        safety.zip_entry_names(large)
    assert caught.value.code == "archive_bomb"


def test_damaged_workbook_is_corrupt() -> None:
    data = files.xlsx_shaped_zip({"xl/worksheets/sheet1.xml": b"<not closed"})
    with pytest.raises(ParseError) as caught:
        parse_document(data=data, filename="prices.xlsx")
    assert caught.value.code == "corrupt"
