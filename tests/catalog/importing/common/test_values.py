"""Cell parsing: prices in every common notation, stock, the formula check, links, slugs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from apps.catalog.importing.common.values import (
    BadValue,
    NumberCell,
    http_url,
    looks_like_formula,
    parse_count,
    parse_price,
    pdf_links,
    slugify,
    split_list,
)


@pytest.mark.parametrize(
    ("raw", "currency", "expected"),
    [
        ("19.99", "USD", "19.99"),
        ("19,99", "EUR", "19.99"),
        ("1,234.50", "USD", "1234.50"),
        ("1.234,50", "EUR", "1234.50"),
        ("$1,234.50", "USD", "1234.50"),
        ("€ 12,50", "EUR", "12.50"),
        ("12,50 €", "EUR", "12.50"),
        ("12.5 EUR", "EUR", "12.50"),
        ("EUR 12.5", "EUR", "12.50"),
        ("1,234", "USD", "1234.00"),  # one comma + exactly three digits: thousands
        ("12.500", "EUR", "12500.00"),
        ("1.234.567,89", "EUR", "1234567.89"),
        ("1,234,567", "USD", "1234567.00"),
        ("1'234.50", "CHF", "1234.50"),
        ("CHF 1'234.50", "CHF", "1234.50"),
        ("0.125", "USD", "0.13"),  # a leading 0 is never a thousands group
        ("1234.5", "USD", "1234.50"),
        ("1 234,50", "EUR", "1234.50"),
        ("\u00a01\u00a0234,50\u00a0€", "EUR", "1234.50"),
        (".99", "USD", "0.99"),
        ("0", "USD", "0.00"),
        ("US$ 5", "USD", "5.00"),
        ("$5", "CAD", "5.00"),  # "$" fits every dollar currency
        ("'19.99", "USD", "19.99"),  # spreadsheet text marker
    ],
)
def test_prices_in_common_notations(raw: str, currency: str, expected: str) -> None:
    value = parse_price(raw, currency=currency)
    assert value == Decimal(expected)
    assert value.as_tuple().exponent == -2


def test_blank_price_is_none() -> None:
    assert parse_price("") is None
    assert parse_price("   ") is None


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("abc", "is not a number"),
        ("NaN", "is not a number"),
        ("inf", "is not a number"),
        ("-infinity", "is not a number"),
        ("-5", "is negative"),
        ("-$5.00", "is negative"),
        ("(12.00)", "is negative"),
        ("1,234,56", "is not a number"),
        ("1.2.3,4,5", "is not a number"),
        ("12..5", "is not a number"),
        ("=1+1", "is not a number"),
        ("19.99 abc", "is not a number"),
        ("€ 12,50", "is in EUR, but this import is in USD"),
        ("12 GBP", "is in GBP, but this import is in USD"),
        ("1e400", "is not a number"),
    ],
)
def test_bad_prices(raw: str, reason: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_price(raw, currency="USD")
    assert caught.value.code == "invalid_price"
    assert caught.value.reason == reason


def test_exact_numbers_from_json_and_spreadsheets() -> None:
    assert parse_price(Decimal("19.999")) == Decimal("20.00")
    assert parse_price(7) == Decimal("7.00")
    # a numeric XLSX cell 1.234 is one point two three, not one thousand two hundred …
    assert parse_price(NumberCell(Decimal("1.234"), "1.234")) == Decimal("1.23")
    with pytest.raises(BadValue):
        parse_price(Decimal("NaN"))
    with pytest.raises(BadValue):
        parse_price(True)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12", 12), ("0", 0), ("", None), ("  ", None), ("1,234", 1234), ("12.0", 12), ("'7", 7)],
)
def test_stock_counts(raw: str, expected: int | None) -> None:
    assert parse_count(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [("-3", "negative_stock"), ("abc", "invalid_number"), ("2.5", "invalid_number")],
)
def test_bad_stock(raw: str, code: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_count(raw)
    assert caught.value.code == code


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("http://evil","x")',
        "=cmd|' /C calc'!A0",
        "=1+1",
        "@SUM(A1:A2)",
        "+1+1",
        "-2-3",
        "-HYPERLINK(1)",
        "+cmd|' /C calc'!A0",
        "\t=1+1",
        "\r@SUM(1)",
    ],
)
def test_formulas_are_recognised(value: str) -> None:
    assert looks_like_formula(value)


@pytest.mark.parametrize(
    "value",
    [
        "- 100% cotton",
        "-10% off",
        "+49 30 1234567",
        "+1-555-0100",
        "@brand",
        "=== SALE ===",
        "=",
        "Regular title",
        "",
        "-",
        "- 2-pack socks",
    ],
)
def test_text_that_merely_starts_with_a_trigger_is_not_a_formula(value: str) -> None:
    assert not looks_like_formula(value)


def test_pdf_links_anywhere() -> None:
    text = (
        '<p>See <a href="https://cdn.example/specs/Manual.PDF?v=2&amp;dl=1">manual</a>, '
        "http://x.example/a.pdf. Not https://x.example/a.pdf.html nor /relative/b.pdf "
        "nor https://x.example/pdf-guide</p>"
    )
    assert pdf_links(text) == [
        "https://cdn.example/specs/Manual.PDF?v=2&dl=1",
        "http://x.example/a.pdf",
    ]
    assert pdf_links("no links here") == []


def test_urls_slugs_and_lists() -> None:
    assert http_url("//cdn.example/a b.jpg") == "https://cdn.example/a%20b.jpg"
    assert http_url("image.jpg") is None
    assert http_url("ftp://x.example/a.jpg") is None
    assert slugify("Größe M / T-Shirt für Männer!") == "groesse-m-t-shirt-fuer-maenner"
    assert slugify("日本の茶").startswith("product-")
    assert split_list("a, b ,, A, c\\, d") == ["a", "b", "c, d"]
