"""Order files: JSON with nested lines and fulfilments, Shopify's order CSV export (one row per
line item, order fields on the first row), simple CSV headers, and every kind of bad input."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from apps.catalog.importing.common.records import ImportFileError
from apps.catalog.importing.orders import OrderError, OrderRecord, preview_orders, read_orders
from tests.catalog.importing.conftest import write_csv

SHOPIFY_HEADER = [
    "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at",
    "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Created at", "Lineitem quantity",
    "Lineitem name", "Lineitem price", "Lineitem sku", "Billing Name", "Cancelled at",
    "Tracking Company", "Tracking Number", "Tracking URL",
]  # fmt: skip
TRACK = "https://www.ups.com/track?tracknum=1Z999"


def shopify_row(name: str, **cells: str) -> list[str]:
    row = dict.fromkeys(SHOPIFY_HEADER, "")
    row["Name"] = name
    for key, value in cells.items():
        row[key.replace("_", " ")] = value
    return [row[column] for column in SHOPIFY_HEADER]


def first_row(name: str, **cells: str) -> list[str]:
    defaults = {
        "Email": "Ada.Lovelace@Example.com",
        "Financial_Status": "paid",
        "Fulfillment_Status": "fulfilled",
        "Currency": "EUR",
        "Subtotal": "1.234,50",
        "Shipping": "4,95",
        "Taxes": "0",
        "Total": "1.239,45",
        "Created_at": "2026-08-01 10:15:00 -0700",
        "Billing_Name": "Ada Lovelace",
    }
    return shopify_row(name, **{**defaults, **cells})


def read(path: Path, **kwargs) -> tuple[list[OrderRecord], list[OrderError]]:
    items = list(read_orders(path, filename=path.name, **kwargs))
    records = [i for i in items if isinstance(i, OrderRecord)]
    errors = [i for i in items if isinstance(i, OrderError)]
    assert len(records) + len(errors) == len(items)
    return records, errors


def codes(error: OrderError) -> list[tuple[int, str | None, str]]:
    return [(e.line, e.column, e.code) for e in error.errors]


def test_shopify_export_with_multi_line_orders(tmp_path: Path) -> None:
    # Given Shopify's order export: order fields on the first row of each order only
    path = write_csv(
        tmp_path / "orders_export.csv",
        [
            SHOPIFY_HEADER,
            first_row(
                "#1001",
                Lineitem_quantity="1",
                Lineitem_name="Cascade 3L Shell - M / Slate Blue",
                Lineitem_price="1.200,00",
                Lineitem_sku="CA-M-BLU",
                Tracking_Company="UPS",
                Tracking_Number="1Z999",
                Tracking_URL=TRACK,
                Fulfilled_at="2026-08-02 16:10:00 -0700",
            ),
            shopify_row(
                "#1001",
                Email="ada.lovelace@example.com",
                Lineitem_quantity="2",
                Lineitem_name="Trail Socks - L",
                Lineitem_price="17,25",
                Lineitem_sku="SO-L",
                Tracking_Number="1Z999",
            ),
            first_row(
                "#1002",
                Email="grace@example.com",
                Billing_Name="Grace Hopper",
                Financial_Status="pending",
                Fulfillment_Status="unfulfilled",
                Currency="USD",
                Subtotal="19.99",
                Shipping="",
                Taxes="",
                Total="",
                Created_at="2026-08-03T08:00:00Z",
                Lineitem_quantity="1",
                Lineitem_name="Camp Mug",
                Lineitem_price="$19.99",
            ),
        ],
    )
    # When it is read
    records, errors = read(path)
    # Then each order comes whole, with its lines and its one parcel
    assert errors == []
    first, second = records
    assert (first.number, first.email, first.customer_name) == (
        "#1001",
        "ada.lovelace@example.com",
        "Ada Lovelace",
    )
    assert (first.financial_status, first.fulfilment_status, first.status) == (
        "paid",
        "fulfilled",
        "open",
    )
    assert (first.currency, first.subtotal, first.shipping, first.total) == (
        "EUR",
        Decimal("1234.50"),
        Decimal("4.95"),
        Decimal("1239.45"),
    )
    assert first.placed_at == datetime(2026, 8, 1, 17, 15, tzinfo=UTC)
    assert [(line.sku, line.quantity, line.unit_price, line.total) for line in first.lines] == [
        ("CA-M-BLU", 1, Decimal("1200.00"), Decimal("1200.00")),
        ("SO-L", 2, Decimal("17.25"), Decimal("34.50")),
    ]
    assert [(f.carrier, f.tracking_number, f.tracking_url) for f in first.fulfilments] == [
        ("UPS", "1Z999", TRACK)
    ]
    assert first.fulfilments[0].shipped_at == datetime(2026, 8, 2, 23, 10, tzinfo=UTC)
    assert first.rows == (2, 3)
    # a total left blank is computed; shipping and tax not given stay unknown
    assert (second.total, second.shipping, second.tax) == (Decimal("19.99"), None, None)
    assert second.fulfilments == []


def test_preview_detects_shopify_order_exports_and_their_mapping(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "orders.csv", [SHOPIFY_HEADER, first_row("#1", Lineitem_sku="X")])
    result = preview_orders(path, filename="orders.csv")
    assert result.format == "shopify" and result.required_missing == []
    assert result.mapping["number"] == "Name" and result.mapping["customer_name"] == "Billing Name"
    assert result.mapping["line_quantity"] == "Lineitem quantity"
    assert result.mapping["carrier"] == "Tracking Company"
    assert result.sample[0]["Name"] == "#1"


def test_simple_headers_with_order_fields_repeated_on_every_row(tmp_path: Path) -> None:
    header = ["number", "email", "customer name", "status", "placed at", "sku", "quantity", "price"]
    path = write_csv(
        tmp_path / "orders.csv",
        [
            header,
            ["A-1", "a@example.com", "Ann", "closed", "2026-08-01", "S-1", "1", "10"],
            ["A-1", "A@EXAMPLE.COM", "Ann", "Closed", "2026-08-01", "S-2", "3", "2.50"],
        ],
    )
    assert preview_orders(path, filename="orders.csv").format == "generic"
    records, errors = read(path, currency="GBP")
    assert errors == []
    (order,) = records
    assert order.status == "closed" and order.currency == "GBP"
    assert order.subtotal == order.total == Decimal("17.50")
    assert order.placed_at == datetime(2026, 8, 1, tzinfo=UTC)


def test_rows_without_a_number_continue_the_order_above(tmp_path: Path) -> None:
    header = ["number", "email", "placed at", "sku", "quantity", "price"]
    path = write_csv(
        tmp_path / "orders.csv",
        [
            header,
            ["", "", "", "ORPHAN", "1", "1"],
            ["A-1", "a@example.com", "2026-08-01", "S-1", "1", "10"],
            ["", "", "", "S-2", "2", "5"],
            ["A-2", "b@example.com", "2026-08-02", "S-3", "1", "7"],
        ],
    )
    records, (orphan,) = read(path)
    assert codes(orphan)[0] == (2, "number", "required")
    assert [[line.sku for line in r.lines] for r in records] == [["S-1", "S-2"], ["S-3"]]


def test_a_custom_mapping_reads_any_table(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "export.csv",
        [
            ["Ref", "Mail", "When", "Article", "Pieces", "Each"],
            ["9", "x@example.com", "2026-09-01T12:00:00+02:00", "Lamp", "1", "30"],
        ],
    )
    mapping = {
        "number": "Ref",
        "email": "Mail",
        "placed_at": "When",
        "line_title": "Article",
        "line_quantity": "Pieces",
        "line_price": "Each",
    }
    records, errors = read(path, mapping=mapping)
    assert errors == [] and records[0].placed_at == datetime(2026, 9, 1, 10, 0, tzinfo=UTC)
    with pytest.raises(ImportFileError) as refused:
        read(path, mapping={**mapping, "colour": "Each"})
    assert refused.value.code == "unknown_column"


def test_missing_required_columns_refuse_the_file(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "o.csv", [["number", "email", "price"], ["1", "a@b.co", "3"]])
    with pytest.raises(ImportFileError) as refused:
        read(path)
    assert refused.value.code == "missing_column"
    assert "line quantity (line_quantity)" in refused.value.message
    assert "placed_at" not in refused.value.message  # optional: some exports have no dates
    # a generic file is previewed with the gaps listed, so the merchant can map them
    assert preview_orders(path, filename="o.csv").required_missing == [
        "line_quantity",
        "line_title",
    ]
    # a Shopify export without its line columns is refused at once
    shopify = write_csv(tmp_path / "s.csv", [["Name", "Email", "Financial Status", "Created at"]])
    with pytest.raises(ImportFileError):
        preview_orders(shopify, filename="s.csv")


def test_bad_values_are_reported_per_row_and_the_whole_order_is_refused(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "orders.csv",
        [
            SHOPIFY_HEADER,
            first_row("#1", Lineitem_quantity="1", Lineitem_name="Shell", Lineitem_price="abc"),
            shopify_row("#1", Lineitem_quantity="-2", Lineitem_name="Socks", Lineitem_price="5"),
            first_row(
                "#2",
                Email="x" * 250 + "@example.com",
                Created_at="yesterday",
                Financial_Status="maybe",
                Lineitem_quantity="1",
                Lineitem_name="Mug",
                Lineitem_price="5",
                Tracking_URL="javascript:alert(1)",
            ),
            first_row("#3", Lineitem_quantity="1", Lineitem_name="Mug", Lineitem_price="5"),
        ],
    )
    records, errors = read(path)
    assert [r.number for r in records] == ["#3"]
    first, second = errors
    assert first.number == "#1" and first.rows == (2, 3)
    assert codes(first) == [
        (2, "Lineitem price", "invalid_price"),
        (3, "Lineitem quantity", "negative_quantity"),
    ]
    assert 'Lineitem price "abc" is not a number' in first.errors[0].message
    assert {code for _line, _column, code in codes(second)} == {
        "invalid_email",
        "invalid_date",
        "invalid_status",
        "invalid_url",
    }
    assert all(line == 4 for line, _column, _code in codes(second))


def test_formula_cells_are_refused(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "orders.csv",
        [
            SHOPIFY_HEADER,
            first_row(
                "#1",
                Billing_Name='=HYPERLINK("http://evil.example","Click")',
                Lineitem_quantity="1",
                Lineitem_name="@SUM(1+1)",
                Lineitem_price="5",
                Lineitem_sku="=literal-sku",
            ),
        ],
    )
    _records, (error,) = read(path)
    assert codes(error) == [(2, "Billing Name", "formula"), (2, "Lineitem name", "formula")]


def test_rows_of_one_order_that_disagree_are_a_conflict(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "orders.csv",
        [
            SHOPIFY_HEADER,
            first_row("#1", Lineitem_quantity="1", Lineitem_name="Shell", Lineitem_price="5"),
            shopify_row(
                "#1",
                Email="someone.else@example.com",
                Lineitem_quantity="1",
                Lineitem_name="Mug",
                Lineitem_price="5",
            ),
        ],
    )
    _records, (error,) = read(path)
    assert codes(error) == [(3, "Email", "conflicting_duplicate")]
    assert "line 2" in error.errors[0].message


def test_an_order_number_repeated_later_in_the_file_is_refused(tmp_path: Path) -> None:
    row = first_row("#1", Lineitem_quantity="1", Lineitem_name="Shell", Lineitem_price="5")
    other = first_row("#2", Lineitem_quantity="1", Lineitem_name="Mug", Lineitem_price="5")
    changed = first_row("#1", Lineitem_quantity="9", Lineitem_name="Shell", Lineitem_price="5")
    path = write_csv(tmp_path / "orders.csv", [SHOPIFY_HEADER, row, other, row, other, changed])
    records, errors = read(path)
    assert [r.number for r in records] == ["#1", "#2"]
    assert records[0].lines[0].quantity == 1  # the first one is kept
    assert [codes(e) for e in errors] == [
        [(4, None, "duplicate_order")],
        [(5, None, "duplicate_order")],
        [(6, None, "conflicting_duplicate")],
    ]
    assert "first on line 2" in errors[2].errors[0].message


def test_broken_utf8_refuses_the_file(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    row = first_row("#1", Billing_Name="Zoë Müller")
    text = ",".join(SHOPIFY_HEADER) + "\n" + ",".join(row) + "\n"
    path.write_bytes(text.encode().replace("ë".encode(), b"\xc3"))  # "ü" stays valid UTF-8
    with pytest.raises(ImportFileError) as refused:
        read(path)
    assert refused.value.code == "encoding" and "line 2" in refused.value.message
    json_path = tmp_path / "orders.json"
    json_path.write_bytes(b'[{"number": "1", "name": "Zo\xc3"}]')
    with pytest.raises(ImportFileError) as refused_json:
        read(json_path)
    assert refused_json.value.code == "encoding"


ORDER: dict[str, Any] = {
    "number": "DO-1",
    "email": " Zara@Example.com ",
    "name": "Zara Andersen",
    "status": "closed",
    "financial_status": "partially_refunded",
    "fulfillment_status": "fulfilled",
    "currency": "usd",
    "placed_at": "2026-08-02T05:12:00Z",
    "lines": [
        {"sku": "DO-1-L", "title": "Tights - L / Black", "quantity": 1, "price": "42.00"},
        {"sku": "DO-2", "title": "Daybreak", "variant_title": "Moss", "quantity": 2, "price": 54.5},
    ],
    "fulfillments": [
        {
            "carrier": "USPS",
            "tracking_number": "9400",
            "tracking_url": "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400",
            "status": "delivered",
            "shipped_at": "2026-08-03T23:10:00Z",
        }
    ],
    "total": "157.95",
}


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data))
    return path


def test_json_orders_with_nested_lines_and_fulfilments(tmp_path: Path) -> None:
    path = write_json(tmp_path / "orders.json", {"orders": [ORDER]})
    (order,), errors = read(path)
    assert errors == []
    assert (order.email, order.customer_name, order.currency) == (
        "zara@example.com",
        "Zara Andersen",
        "USD",
    )
    assert (order.status, order.financial_status, order.fulfilment_status) == (
        "closed",
        "partially_refunded",
        "fulfilled",
    )
    assert (order.subtotal, order.total) == (Decimal("151.00"), Decimal("157.95"))
    assert order.lines[1].variant_title == "Moss" and order.lines[1].total == Decimal("109.00")
    (parcel,) = order.fulfilments
    assert (parcel.carrier, parcel.status) == ("USPS", "delivered")
    preview = preview_orders(path, filename="orders.json")
    assert preview.format == "json" and "lines" in preview.columns


def test_bad_json_orders_name_the_path_of_each_problem(tmp_path: Path) -> None:
    bad_line = {**ORDER["lines"][0], "quantity": -1, "price": "1.234,5x"}
    orders = [
        {**ORDER, "number": "DO-2", "lines": [bad_line], "fulfillments": "UPS"},
        {**ORDER, "number": "DO-3", "lines": []},
        "not an order",
        {**ORDER, "number": "DO-2"},
    ]
    path = write_json(tmp_path / "orders.json", orders)
    records, errors = read(path)
    assert records == []
    assert codes(errors[0]) == [
        (1, "fulfillments", "invalid_value"),
        (1, "lines[0].quantity", "negative_quantity"),
        (1, "lines[0].price", "invalid_price"),
    ]
    assert codes(errors[1]) == [(2, None, "required")]
    assert codes(errors[2]) == [(3, None, "invalid_json")]
    assert codes(errors[3]) == [(4, None, "conflicting_duplicate")]


def test_a_json_file_without_an_order_list_is_refused(tmp_path: Path) -> None:
    path = write_json(tmp_path / "orders.json", {"shop": "x"})
    with pytest.raises(ImportFileError) as refused:
        read(path)
    assert "no order list" in refused.value.message


def test_order_field_parsers() -> None:
    from apps.catalog.importing.common.values import BadValue, parse_datetime
    from apps.catalog.importing.orders.fields import (
        parse_email,
        parse_financial_status,
        parse_order_status,
        parse_shipment_status,
    )

    assert parse_order_status("Canceled") == "cancelled"
    assert parse_financial_status("Partially refunded") == "partially_refunded"
    assert parse_shipment_status("label_printed") == "label_created"
    assert parse_email(" Ada@Example.COM ") == "ada@example.com"
    assert parse_datetime("2026-08-01 10:15:00 UTC") == datetime(2026, 8, 1, 10, 15, tzinfo=UTC)
    for parse, raw in (
        (parse_email, "not-an-email"),
        (parse_order_status, "shipped"),
        (parse_datetime, "31/12/2026"),
        (parse_datetime, "2026-02-30"),
    ):
        with pytest.raises(BadValue):
            parse(raw)
