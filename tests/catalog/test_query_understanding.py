from decimal import Decimal

import pytest

from apps.catalog.query_understanding import understand


@pytest.mark.parametrize(
    ("query", "text", "min_price", "max_price"),
    [
        ("red running shoes under 100", "red running shoes", None, Decimal("100")),
        ("tent below $250", "tent", None, Decimal("250")),
        ("jacket between 100 and 200 dollars", "jacket", Decimal("100"), Decimal("200")),
        ("socks 10-20", "socks", Decimal("10"), Decimal("20")),
        ("sleeping bag over 300", "sleeping bag", Decimal("300"), None),
        ("gift under 49,99", "gift", None, Decimal("49.99")),
        ("Cascade 3L shell", "Cascade 3L shell", None, None),
    ],
)
def test_prices_are_read_and_removed_from_the_text(query, text, min_price, max_price) -> None:
    understood = understand(query)
    assert (understood.text, understood.min_price, understood.max_price) == (
        text,
        min_price,
        max_price,
    )


def test_colours_sizes_and_stock() -> None:
    understood = understand("Black rain jacket size M in stock")
    assert understood.colours == ["black"]
    assert understood.sizes == ["m"]
    assert understood.in_stock is True
    assert understood.text == "Black rain jacket"


def test_gray_is_grey_and_numeric_sizes() -> None:
    understood = understand("gray trail shoe size 10.5")
    assert understood.colours == ["grey"] and understood.sizes == ["10.5"]
