"""Whole-file concerns: encodings, file types, row limits, empty rows, and flat memory on a
50 MB+ file."""

from __future__ import annotations

import codecs
import re
import tracemalloc
from pathlib import Path

import pytest

from apps.catalog.importing.common.records import ImportFileError
from apps.catalog.importing.products import ProductRecord, preview, read_products
from tests.catalog.importing.conftest import read_all

SHOPIFY_HEADER = (
    "Handle,Title,Body (HTML),Vendor,Type,Tags,Option1 Name,Option1 Value,Option2 Name,"
    "Option2 Value,Variant SKU,Variant Inventory Qty,Variant Inventory Policy,Variant Price,"
    "Image Src,Image Position,Status\n"
)


def shopify_file(path: Path, body: str, *, encoding: str = "utf-8", bom: bytes = b"") -> Path:
    path.write_bytes(bom + (SHOPIFY_HEADER + body).encode(encoding))
    return path


def test_utf8_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    body = "grosse-tasse,Große Tasse,<p>Für Kaffee</p>,Müller,,,,,,,T-1,3,deny,9.90,,,active\r\n"
    path = shopify_file(tmp_path / "p.csv", body.replace("\n", "\r\n"), bom=codecs.BOM_UTF8)
    [record] = read_all(path)[0]
    assert record.title == "Große Tasse" and record.vendor == "Müller"
    assert preview(path, filename="p.csv").columns[0] == "Handle"


def test_utf16_with_bom(tmp_path: Path) -> None:
    body = "tasse,Tasse,,Müller,,,,,,,T-1,3,deny,9.90,,,active\n"
    path = shopify_file(tmp_path / "p.csv", body, encoding="utf-16")
    assert read_all(path)[0][0].vendor == "Müller"


def test_broken_utf8_is_refused_with_its_position(tmp_path: Path) -> None:
    good = "tasse-{n},Große Tasse {n},<p>Für Kaffee</p>,Müller,,,,,,,T-{n},3,deny,9.90,,,active\n"
    lines = "".join(good.format(n=n) for n in range(40)).encode()
    broken = lines + b"kaputt,Kaputt \xc3\x28 Tasse,,M\xfcller,,,,,,,K-1,1,deny,1,,,active\n"
    path = tmp_path / "broken.csv"
    path.write_bytes(SHOPIFY_HEADER.encode() + broken)
    offset = len(SHOPIFY_HEADER.encode()) + len(lines) + len("kaputt,Kaputt ")
    for call in (
        lambda: preview(path, filename="broken.csv"),
        lambda: list(read_products(path, filename="broken.csv")),
    ):
        with pytest.raises(ImportFileError) as caught:
            call()
        assert caught.value.code == "encoding"
        assert f"byte {offset:,}" in caught.value.message and "(line 42)" in caught.value.message


def test_broken_bytes_beyond_the_sample_refuse_the_file_before_any_product(tmp_path: Path) -> None:
    row = "tasse-{n},Tasse {n},<p>{pad}</p>,Müller,,,,,,,T-{n},3,deny,9.90,,,active\n"
    path = tmp_path / "late.csv"
    with open(path, "wb") as handle:
        handle.write(SHOPIFY_HEADER.encode())
        for n in range(3000):  # ~1.5 MB: past the encoding sample
            handle.write(row.format(n=n, pad="x" * 450).encode())
        handle.write(b"bad,Bad \xff,,,,,,,,,B-1,1,deny,1,,,active\n")
    products = read_products(path, filename="late.csv")
    with pytest.raises(ImportFileError) as caught:
        next(products)
    assert caught.value.code == "encoding" and "(line 3002)" in caught.value.message


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("catalog.pdf", b"%PDF-1.7\n...", "This file is a PDF, not a product file"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "is an image (PNG), not a product"),
        ("blob.csv", b"Name,Price\nMug,5\n\x00\x01\x02\x03", "binary"),
        ("fake.xlsx", b"Name,Price\nMug,5\n", "not a valid XLSX"),
        ("zip.xlsx", b"PK\x03\x04" + b"\x00" * 100, "cannot be opened"),
        ("empty.csv", b"", "empty"),
        ("blank.csv", b"\n\n  \n", "no header"),
    ],
)
def test_files_that_are_not_product_tables(
    tmp_path: Path, name: str, content: bytes, needle: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        preview(path, filename=name)
    assert caught.value.code == "unknown_format"
    assert needle in caught.value.message
    assert not re.search(r"\b[A-Z][a-z]+[A-Z]\w*(Error|Exception|File)\b", caught.value.message)


def test_unterminated_quote_is_a_clear_csv_error(tmp_path: Path, monkeypatch) -> None:
    from apps.catalog.importing.common import sources

    monkeypatch.setattr(sources, "FIELD_SIZE_LIMIT", 1000)
    import csv

    old = csv.field_size_limit(1000)
    try:
        path = tmp_path / "q.csv"
        path.write_text('Name,Price\n"Mug,5\n' + "x" * 2000 + "\n")
        with pytest.raises(ImportFileError) as caught:
            list(read_products(path, filename="q.csv"))
        assert caught.value.code == "invalid_csv" and "Line 2" in caught.value.message
    finally:
        csv.field_size_limit(old)


def test_too_many_rows_before_the_first_product(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("Name,Price\n" + "".join(f"Item {n},1\n" for n in range(101)))
    products = read_products(path, filename="many.csv", max_rows=100)
    with pytest.raises(ImportFileError) as caught:
        next(products)
    assert caught.value.code == "too_many_rows" and "100" in caught.value.message
    # blank lines and multi-line cells do not count as rows
    path.write_text(
        "Name,Description,Price\n"
        + "".join(f'Item {n},"line one\nline two",1\n\n' for n in range(100))
    )
    assert len(read_all(path, max_rows=100)[0]) == 100


def test_blank_rows_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("Name,Price\n\nMug,5\n,,\n ; \n\nCup,3\n")
    records = read_all(path)[0]
    assert [(r.title, r.lines) for r in records] == [("Mug", (3, 3)), ("Cup", (7, 7))]


def test_semicolon_tab_and_pipe_delimiters(tmp_path: Path) -> None:
    for delimiter in (";", "\t", "|"):
        path = tmp_path / "d.csv"
        path.write_text(f"Name{delimiter}Price\nMug{delimiter}5,50\n")
        [record] = read_all(path)[0]
        assert record.title == "Mug" and str(record.variants[0].price) == "5.50"


def test_a_50mb_shopify_export_streams_with_flat_memory(tmp_path: Path) -> None:
    """~52 MB, 10,000 products x (product row with a 5 KB description + 4 variant rows)."""
    path = tmp_path / "big.csv"
    description = "<p>" + ("Organic cotton, fair trade, heavyweight jersey. " * 110) + "</p>"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(SHOPIFY_HEADER)
        for n in range(10_000):
            handle.write(
                f'tee-{n},Tee {n},"{description}",Northwind,Shirts,"a, b",Size,S,Color,Black,'
                f"TEE-{n}-S,5,deny,19.99,https://cdn.example/tee-{n}.jpg,1,active\n"
            )
            for size, color in (("M", "Black"), ("S", "Sand"), ("M", "Sand")):
                handle.write(
                    f"tee-{n},,,,,,,{size},,{color},TEE-{n}-{size}{color},5,deny,19.99,,,\n"
                )
    assert path.stat().st_size > 50 * 1024 * 1024
    tracemalloc.start()
    try:
        count = variants = 0
        for item in read_products(path, filename="big.csv"):
            assert isinstance(item, ProductRecord), item
            count += 1
            variants += len(item.variants)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (count, variants) == (10_000, 40_000)
    assert peak < 50 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_excel_sep_line(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("sep=;\nName;Price\nMug;5,50\n")
    result = preview(path, filename="excel.csv")
    assert result.columns == ["Name", "Price"]
    [record] = read_all(path)[0]
    assert record.title == "Mug" and record.lines == (3, 3)


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("a UTF-16 byte-order mark", b"Blue \xff\xfe Shirt"),
        ("a cut-off UTF-8 sequence", b"Caf\xc3 Mug"),
        ("bytes no Western encoding has", b"Shirt \x81\x8d"),
    ],
)
def test_a_few_stray_bytes_are_refused_not_guessed_into_an_encoding(
    tmp_path: Path, name: str, bad: bytes
) -> None:
    # given a file that is ASCII but for a few bytes that are not UTF-8 and do not read as text
    row = b"tasse,%s,,Acme,,,,,,,T-1,3,deny,9.90,,,active\n" % bad
    path = tmp_path / "stray.csv"
    path.write_bytes(SHOPIFY_HEADER.encode() + row)
    # when it is read, then it is refused with the first bad byte's line, not imported garbled
    with pytest.raises(ImportFileError) as caught:
        list(read_products(path, filename="stray.csv"))
    assert caught.value.code == "encoding", name
    assert "(line 2)" in caught.value.message


def test_a_windows_1252_file_with_few_accents_is_read_as_windows_1252(tmp_path: Path) -> None:
    # given an Excel export with only a handful of accented letters (too few for statistics)
    body = "caneca,SÃO PAULO caneca,,Tarte à la crème,,,,,,,C-1,3,deny,9.90,,,active\n"
    path = shopify_file(tmp_path / "excel.csv", body, encoding="cp1252")
    # when it is read, then the accents come out as written
    [record] = read_all(path)[0]
    assert record.title == "SÃO PAULO caneca" and record.vendor == "Tarte à la crème"


def test_a_cyrillic_legacy_file_is_still_detected(tmp_path: Path) -> None:
    body = "".join(
        f"rubashka-{n},Синяя рубашка {n},,Москва Текстиль,,,,,,,R-{n},3,deny,9.90,,,active\n"
        for n in range(5)
    )
    path = shopify_file(tmp_path / "ru.csv", body, encoding="cp1251")
    records = read_all(path)[0]
    assert records[0].title == "Синяя рубашка 0" and records[0].vendor == "Москва Текстиль"
