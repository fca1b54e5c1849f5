"""XLSX uploads (written with openpyxl here): typed cells, formulas, and sheets that end in
hundreds of thousands of empty rows."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from apps.catalog.importing.common.records import ImportFileError
from apps.catalog.importing.products import preview, read_products
from tests.catalog.importing.conftest import read_all

HEADER = ["Handle", "Title", "Vendor", "Option1 Name", "Option1 Value", "Variant SKU",
          "Variant Price", "Variant Inventory Qty", "Image Src", "Status"]  # fmt: skip


def workbook(path: Path, rows: list[list[object]], *, empty_rows: int = 0, title: str = "Sheet1"):
    book = openpyxl.Workbook(write_only=True)
    if title != "Sheet1":
        notes = book.create_sheet("Notes")
        notes.append(["This sheet is not the product list"])
    sheet = book.create_sheet(title)
    for values in rows:
        sheet.append(values)
    for _ in range(empty_rows):
        sheet.append([None] * len(rows[0]))
    book.save(path)
    return path


def test_products_from_a_spreadsheet(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "products.xlsx",
        [
            HEADER,
            [
                "lamp",
                "Desk Lamp",
                "Lumen",
                "Finish",
                "Brass",
                10001,
                1.234,
                7,
                "https://cdn.example/lamp.jpg",
                "active",
            ],
            ["lamp", None, None, None, "Black", "10002", 49, 0, None, None],
            [None] * len(HEADER),
            [
                "vase",
                "Vase",
                "Lumen",
                "Title",
                "Default Title",
                "V-1",
                "12,50",
                None,
                None,
                "draft",
            ],
        ],
        title="Products",
    )
    result = preview(path, filename="products.xlsx")
    assert result.format == "shopify" and result.columns == HEADER
    assert (
        result.sample[0]["Variant Price"] == "1.234" and result.sample[0]["Variant SKU"] == "10001"
    )
    assert result.row_estimate == 3

    records, errors = read_all(path)
    assert errors == []
    lamp, vase = records
    # a numeric cell 1.234 is 1.23, not 1234 as the text "1.234" would be
    assert [(v.sku, v.price, v.inventory_quantity) for v in lamp.variants] == [
        ("10001", Decimal("1.23"), 7),
        ("10002", Decimal("49.00"), 0),
    ]
    assert lamp.lines == (2, 3) and vase.lines == (5, 5)  # sheet row numbers
    assert vase.variants[0].price == Decimal("12.50") and vase.status == "draft"


def padded_workbook(path: Path, rows: list[list[object]], *, empty_rows: int) -> Path:
    """An XLSX whose sheet goes on for `empty_rows` empty cell rows, as Excel saves a sheet
    after someone formats whole columns. openpyxl writes the data; the padding is spliced into
    the sheet's XML (writing a million rows with openpyxl would take minutes)."""
    plain = workbook(path.with_suffix(".plain.xlsx"), rows)
    first, last = len(rows) + 1, len(rows) + empty_rows
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for item in source.infolist():
            data = source.read(item)
            if not item.filename.startswith("xl/worksheets/"):
                book.writestr(item, data)
                continue
            head, tail = data.decode().split("</sheetData>")
            with book.open(item.filename, "w") as sheet:
                sheet.write(head.encode())
                for start in range(first, last + 1, 10_000):
                    sheet.write(
                        "".join(
                            f'<row r="{n}"><c r="A{n}"/><c r="B{n}"/></row>'
                            for n in range(start, min(start + 10_000, last + 1))
                        ).encode()
                    )
                sheet.write(f"</sheetData>{tail}".encode())
    return path


def test_a_million_empty_rows_are_not_read(tmp_path: Path, monkeypatch) -> None:
    # Given a two-product sheet padded with 1,000,000 formatted empty rows
    rows: list[list[object]] = [["Name", "Price"], ["Mug", 5], ["Cup", 3]]
    path = padded_workbook(tmp_path / "padded.xlsx", rows, empty_rows=1_000_000)
    # When it is previewed and read, counting the rows the reader pulls from openpyxl
    pulled = 0
    original = ReadOnlyWorksheet._cells_by_row

    def counting(self, *args, **kwargs):
        nonlocal pulled
        for row in original(self, *args, **kwargs):
            pulled += 1
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", counting)
    result = preview(path, filename="padded.xlsx")
    records, errors = read_all(path)
    # Then both products are found and the reading stopped soon after the last one
    assert [r.title for r in records] == ["Mug", "Cup"] and errors == []
    assert result.row_estimate == 2
    assert any("1,000 empty rows" in note for note in result.notes)
    assert pulled < 5_000


def test_rows_after_a_long_empty_gap_are_ignored(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Name", "Price"], ["Mug", 5]]
    path = workbook(tmp_path / "gap.xlsx", [*rows, *[[None, None]] * 1500, ["Hidden", 9]])
    assert [r.title for r in read_all(path)[0]] == ["Mug"]


def test_short_gaps_of_empty_rows_are_skipped(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Name", "Price"], ["Mug", 5]]
    rows += [[None, None]] * 500 + [["Cup", 3]]
    path = workbook(tmp_path / "gaps.xlsx", rows)
    assert [(r.title, r.lines) for r in read_all(path)[0]] == [("Mug", (2, 2)), ("Cup", (503, 503))]


def test_formula_cells_in_shopper_fields_are_refused(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "f.xlsx",
        [["Name", "Price", "SKU"], ['=HYPERLINK("http://evil","x")', 5, "A"], ["Ok", "=2*3", "B"]],
    )
    records, errors = read_all(path)
    assert records == []
    assert [[(e.column, e.code) for e in err.errors] for err in errors] == [
        [("Name", "formula")],
        [("Price", "invalid_price")],
    ]


def test_too_many_rows_in_a_sheet(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Name", "Price"]] + [[f"Item {n}", 1] for n in range(30)]
    path = workbook(tmp_path / "many.xlsx", rows)
    with pytest.raises(ImportFileError) as caught:
        list(read_products(path, filename="many.xlsx", max_rows=20))
    assert caught.value.code == "too_many_rows"
    assert len(list(read_products(path, filename="many.xlsx", max_rows=30))) == 30


def test_the_quick_dimension_lookup_agrees_with_openpyxl(tmp_path: Path) -> None:
    from apps.catalog.importing.common.sources import _load_workbook

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name", "Price"])
    sheet["D40"] = "far away"
    book.save(tmp_path / "dim.xlsx")
    ours = _load_workbook(tmp_path / "dim.xlsx").active
    theirs = openpyxl.load_workbook(tmp_path / "dim.xlsx", read_only=True).active
    assert (ours.max_row, ours.max_column) == (theirs.max_row, theirs.max_column) == (40, 4)
