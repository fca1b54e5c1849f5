"""Any other table: guessed or given column mappings, German headers, semicolons, grouping rows
into products with variants."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from apps.catalog.importing.common.records import ImportFileError
from apps.catalog.importing.products import detect_format, preview, read_products
from tests.catalog.importing.conftest import read_all, write_csv

GERMAN = [
    ["Artikelnummer", "Produktname", "Beschreibung", "Marke", "Kategorie", "Preis", "UVP",
     "Lagerbestand", "Größe", "Farbe", "Bild-URL", "Material", "Link"],
    ["TS-S-W", "Basic T-Shirt", "<p>Bio-Baumwolle</p>", "Grünwald", "Herren > Shirts", "19,99",
     "24,99", "12", "S", "Weiß", "https://shop.example/ts-weiss.jpg", "Baumwolle",
     "https://shop.example/p/basic-t-shirt"],
    ["TS-M-W", "Basic T-Shirt", "", "", "", "19,99", "24,99", "0", "M", "Weiß",
     "https://shop.example/ts-weiss.jpg", "", ""],
    ["TS-M-S", "Basic T-Shirt", "", "", "", "19,99", "24,99", "3", "M", "Schwarz",
     "https://shop.example/ts-schwarz.jpg", "", ""],
    ["JK-1", "Winterjacke „Alpin“", "Datenblatt: https://shop.example/alpin.pdf", "Grünwald",
     "Herren > Jacken; Outdoor", "1.234,50", "", "", "L", "Rot", "", "Daune", ""],
]  # fmt: skip


@pytest.fixture
def german(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "artikel.csv", GERMAN, delimiter=";")


def test_german_headers_are_mapped_and_rows_grouped(german: Path) -> None:
    result = preview(german, filename="artikel.csv")
    assert result.format == "generic"
    assert result.mapping == {
        "title": "Produktname",
        "description_html": "Beschreibung",
        "vendor": "Marke",
        "url": "Link",
        "images": "Bild-URL",
        "collections": "Kategorie",
        "sku": "Artikelnummer",
        "price": "Preis",
        "compare_at_price": "UVP",
        "inventory_quantity": "Lagerbestand",
        "option:Größe": "Größe",
        "option:Farbe": "Farbe",
    }
    assert result.required_missing == []
    assert result.sample[0]["Preis"] == "19,99"

    records, errors = read_all(german)
    assert errors == []
    shirt, jacket = records
    assert shirt.external_id == "basic-t-shirt" and shirt.handle == "basic-t-shirt"
    assert shirt.vendor == "Grünwald" and shirt.collections == ["Herren > Shirts"]
    assert shirt.url == "https://shop.example/p/basic-t-shirt"
    assert shirt.attributes == {"Material": "Baumwolle"}  # unmapped columns are kept
    variants = [
        (v.sku, v.options, v.price, v.inventory_quantity, v.available) for v in shirt.variants
    ]
    assert variants == [
        ("TS-S-W", {"Größe": "S", "Farbe": "Weiß"}, Decimal("19.99"), 12, True),
        ("TS-M-W", {"Größe": "M", "Farbe": "Weiß"}, Decimal("19.99"), 0, False),
        ("TS-M-S", {"Größe": "M", "Farbe": "Schwarz"}, Decimal("19.99"), 3, True),
    ]
    assert shirt.variants[0].compare_at_price == Decimal("24.99")
    assert shirt.images == [
        "https://shop.example/ts-weiss.jpg",
        "https://shop.example/ts-schwarz.jpg",
    ]
    assert shirt.lines == (2, 4)
    assert jacket.title == "Winterjacke „Alpin“" and jacket.handle == "winterjacke-alpin"
    assert jacket.variants[0].price == Decimal("1234.50")
    assert jacket.collections == ["Herren > Jacken", "Outdoor"]
    assert jacket.pdf_links == ["https://shop.example/alpin.pdf"]


def test_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "excel.csv", GERMAN, delimiter=";", encoding="cp1252")
    records, errors = read_all(path)
    assert errors == [] and records[0].vendor == "Grünwald"
    assert records[1].title == "Winterjacke „Alpin“"


def test_an_explicit_mapping(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "feed.csv",
        [
            ["id", "name", "cost", "qty", "variant", "pic"],
            ["A1", "Mug", "8.50", "10", "", "https://x.example/mug.jpg https://x.example/mug2.jpg"],
            ["A1", "Mug", "9.50", "-1", "Large", ""],
        ],
    )
    mapping = {"external_id": "id", "title": "name", "price": "cost",
               "inventory_quantity": "qty", "option:Size": "variant", "images": "pic"}  # fmt: skip
    [error] = read_all(path, mapping=mapping)[1]
    assert [(e.line, e.column, e.code) for e in error.errors] == [(3, "qty", "negative_stock")]
    path.write_text(path.read_text().replace("-1", "1"))
    [mug] = read_all(path, mapping=mapping)[0]
    assert mug.external_id == "A1"
    assert [(v.options, v.price) for v in mug.variants] == [
        ({}, Decimal("8.50")),
        ({"Size": "Large"}, Decimal("9.50")),
    ]
    assert mug.images == ["https://x.example/mug.jpg", "https://x.example/mug2.jpg"]


def test_required_fields_must_be_mapped(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["Foo", "Bar"], ["1", "2"]])
    result = preview(path, filename="x.csv")
    assert result.format == "generic" and result.required_missing == ["title", "price"]
    with pytest.raises(ImportFileError) as caught:
        list(read_products(path, filename="x.csv"))
    assert caught.value.code == "missing_column"
    assert "title and price" in caught.value.message


def test_unknown_targets_or_columns_in_a_mapping(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["Name", "Price"], ["Mug", "5"]])
    for mapping, needle in (
        ({"title": "Name", "price": "Price", "colour": "Name"}, '"colour"'),
        ({"title": "Name", "price": "Preis"}, '"Preis"'),
        ({"title": "Name", "price": "Price", "option:": "Name"}, '"option:"'),
    ):
        with pytest.raises(ImportFileError) as caught:
            list(read_products(path, filename="x.csv", mapping=mapping))
        assert caught.value.code == "unknown_column" and needle in caught.value.message


def test_rows_without_price_or_title(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "x.csv",
        [["Name", "SKU", "Price"], ["Mug", "M-1", ""], ["", "M-2", "4"], ["Cup", "C-1", ""]],
    )
    records, errors = read_all(path)
    # a row without a title of its own continues the product above: one price is enough
    [mug] = records
    assert [(v.sku, v.price) for v in mug.variants] == [("M-1", None), ("M-2", Decimal("4.00"))]
    [error] = errors
    assert error.external_id == "C-1"
    assert [(e.line, e.column, e.code, e.message) for e in error.errors] == [
        (4, "Price", "required", "Price is required")
    ]


def test_format_detection() -> None:
    assert detect_format(["Handle", "Title", "Variant Price"], filename="a.csv") == "shopify"
    assert detect_format(["Title", "Variant SKU"], filename="a.csv") == "shopify"
    assert (
        detect_format(["ID", "Type", "Name", "Regular price", "In stock?"], filename="a.csv")
        == "woocommerce"
    )
    assert detect_format(["Name", "Price", "SKU"], filename="a.csv") == "generic"
    assert detect_format(["Name", "Regular price"], filename="a.csv") == "generic"
    assert detect_format([], filename="products.JSON") == "json"
