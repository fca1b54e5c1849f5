"""JSON product lists: our own shape, Shopify's Admin REST shape, streaming, and bad JSON."""

from __future__ import annotations

import json
import tracemalloc
from decimal import Decimal
from pathlib import Path

import pytest

from apps.catalog.importing.common.jsonstream import iter_items
from apps.catalog.importing.common.records import ImportFileError
from apps.catalog.importing.products import preview, read_products
from tests.catalog.importing.conftest import by_id, read_all

OWN = [
    {
        "id": "sku-lamp",
        "handle": "desk-lamp",
        "title": "Desk Lamp",
        "description_html": '<p>Dimmable. <a href="https://x.example/lamp-manual.pdf">Manual</a></p>',
        "vendor": "Lumen",
        "product_type": "Lighting",
        "tags": ["desk", "led"],
        "status": "active",
        "url": "https://shop.example/products/desk-lamp",
        "images": ["https://x.example/lamp.jpg", {"src": "https://x.example/lamp-2.jpg"}],
        "collections": ["Home > Lighting"],
        "attributes": {"Wattage": 9, "Dimmable": True},
        "variants": [
            {
                "id": 501,
                "sku": "LAMP-B",
                "options": {"Finish": "Brass"},
                "price": 49.9,
                "compare_at_price": "59,90",
                "inventory_quantity": 4,
                "available": True,
                "barcode": "4006381333931",
                "weight_grams": 1200,
            },
            {
                "sku": "LAMP-K",
                "options": {"Finish": "Black"},
                "price": "49.90",
                "inventory_quantity": 0,
                "available": False,
            },
        ],
    },
    {"handle": "gift-card", "title": "Gift Card", "tags": "gift, card", "price": 25},
]

SHOPIFY_REST = {
    "products": [
        {
            "id": 632910392,
            "title": "IPod Nano - 8GB",
            "body_html": "<p>It's the small iPod with one very big idea: Video.</p>",
            "vendor": "Apple",
            "product_type": "Cult Products",
            "handle": "ipod-nano",
            "status": "active",
            "published_at": "2007-12-31T19:00:00-05:00",
            "tags": "Emotive, Flash Memory, MP3, Music",
            "options": [
                {
                    "id": 594680422,
                    "product_id": 632910392,
                    "name": "Color",
                    "position": 1,
                    "values": ["Pink", "Red"],
                }
            ],
            "variants": [
                {
                    "id": 808950810,
                    "product_id": 632910392,
                    "title": "Pink",
                    "price": "199.00",
                    "sku": "IPOD2008PINK",
                    "position": 1,
                    "inventory_policy": "continue",
                    "compare_at_price": None,
                    "fulfillment_service": "manual",
                    "inventory_management": "shopify",
                    "option1": "Pink",
                    "option2": None,
                    "option3": None,
                    "barcode": "1234_pink",
                    "grams": 567,
                    "image_id": 562641783,
                    "weight": 1.25,
                    "weight_unit": "lb",
                    "inventory_quantity": 0,
                },
                {
                    "id": 49148385,
                    "product_id": 632910392,
                    "title": "Red",
                    "price": "199.00",
                    "sku": "IPOD2008RED",
                    "position": 2,
                    "inventory_policy": "deny",
                    "compare_at_price": "249.00",
                    "inventory_management": None,
                    "option1": "Red",
                    "option2": None,
                    "option3": None,
                    "barcode": "1234_red",
                    "grams": 567,
                    "image_id": None,
                    "inventory_quantity": 20,
                },
            ],
            "images": [
                {"id": 850703190, "position": 2, "src": "https://cdn.shopify.com/ipod-back.jpg"},
                {"id": 562641783, "position": 1, "src": "https://cdn.shopify.com/ipod-pink.jpg"},
            ],
            "image": {"id": 562641783, "src": "https://cdn.shopify.com/ipod-pink.jpg"},
        },
        {
            "id": 921728736,
            "title": "IPod Touch 8GB",
            "body_html": None,
            "vendor": "Apple",
            "handle": "ipod-touch",
            "status": "draft",
            "tags": "",
            "options": [{"name": "Title", "values": ["Default Title"]}],
            "variants": [
                {
                    "id": 447654529,
                    "price": "199.00",
                    "sku": "IPOD2009BLACK",
                    "option1": "Default Title",
                    "inventory_quantity": 13,
                    "inventory_management": "shopify",
                    "inventory_policy": "deny",
                }
            ],
            "images": [],
        },
    ]
}


def dump(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, indent=2))
    return path


def test_our_own_shape(tmp_path: Path) -> None:
    records, errors = read_all(dump(tmp_path / "catalog.json", OWN))
    assert errors == []
    lamp, card = records
    assert lamp.external_id == "sku-lamp" and lamp.handle == "desk-lamp" and lamp.lines == (1, 1)
    assert lamp.url == "https://shop.example/products/desk-lamp"
    assert lamp.images == ["https://x.example/lamp.jpg", "https://x.example/lamp-2.jpg"]
    assert lamp.attributes == {"Wattage": "9", "Dimmable": "true"}
    assert lamp.pdf_links == ["https://x.example/lamp-manual.pdf"]
    assert lamp.collections == ["Home > Lighting"] and lamp.tags == ["desk", "led"]
    brass, black = lamp.variants
    assert brass == brass.__class__(
        sku="LAMP-B",
        options={"Finish": "Brass"},
        price=Decimal("49.90"),
        compare_at_price=Decimal("59.90"),
        inventory_quantity=4,
        available=True,
        external_id="501",
        barcode="4006381333931",
        image_url=None,
        weight_grams=1200,
    )
    assert black.available is False and black.external_id is None
    # a product without variants, priced directly
    assert card.external_id == "gift-card" and card.tags == ["gift", "card"]
    assert [(v.price, v.options, v.external_id) for v in card.variants] == [
        (Decimal("25.00"), {}, None)
    ]


def test_shopify_admin_rest_shape(tmp_path: Path) -> None:
    path = dump(tmp_path / "products.json", SHOPIFY_REST)
    products = by_id(read_all(path)[0])
    nano = products["632910392"]
    assert nano.title == "IPod Nano - 8GB" and nano.handle == "ipod-nano"
    assert nano.description_html.startswith("<p>It's the small iPod")
    assert nano.tags == ["Emotive", "Flash Memory", "MP3", "Music"]
    assert nano.images == [
        "https://cdn.shopify.com/ipod-pink.jpg",
        "https://cdn.shopify.com/ipod-back.jpg",
    ]  # by position
    pink, red = nano.variants
    assert (pink.sku, pink.options, pink.price, pink.inventory_quantity, pink.available) == (
        "IPOD2008PINK",
        {"Color": "Pink"},
        Decimal("199.00"),
        0,
        True,  # inventory_policy "continue"
    )
    assert pink.image_url == "https://cdn.shopify.com/ipod-pink.jpg" and pink.weight_grams == 567
    assert red.inventory_quantity is None and red.available  # inventory not managed
    assert red.compare_at_price == Decimal("249.00") and red.external_id == "49148385"
    touch = products["921728736"]
    assert touch.status == "draft" and touch.variants[0].options == {}
    assert touch.description_html == ""

    result = preview(path, filename="products.json")
    assert result.format == "json" and result.row_estimate == 2
    assert result.mapping["title"] == "title" and result.mapping["external_id"] == "id"
    assert result.mapping["description_html"] == "body_html"
    assert result.sample[0]["handle"] == "ipod-nano"


def test_single_product_objects(tmp_path: Path) -> None:
    product = SHOPIFY_REST["products"][1]
    for data in ({"product": product}, product):
        assert [r.title for r in read_all(dump(tmp_path / "one.json", data))[0]] == [
            "IPod Touch 8GB"
        ]


def test_bad_items(tmp_path: Path) -> None:
    items = [
        {"id": 1, "title": "=cmd|' /C calc'!A0", "price": "1"},
        {"id": 2, "title": "Negative", "variants": [{"sku": "N", "price": -5}]},
        {"id": 3, "title": "Bad", "variants": [{"sku": "S", "price": 5, "inventory_quantity": -1}]},
        {"id": 4, "title": "Dup", "variants": [{"sku": "S", "price": 5}]},
        {"id": 5, "title": "Dup", "variants": [{"sku": "S", "price": 5}]},
        {"id": 4, "title": "Again", "price": 1},
        "not an object",
        {"id": 6, "title": "Unpriced"},
    ]  # fmt: skip
    records, errors = read_all(dump(tmp_path / "bad.json", items))
    assert [r.external_id for r in records] == ["4", "6"]
    assert [(e.external_id, [(x.line, x.column, x.code) for x in e.errors]) for e in errors] == [
        ("1", [(1, "title", "formula")]),
        ("2", [(2, "variants[0].price", "invalid_price")]),
        ("3", [(3, "variants[0].inventory_quantity", "negative_stock")]),
        ("5", [(5, "sku", "duplicate_sku")]),
        ("4", [(6, "id", "conflicting_duplicate")]),
        (None, [(7, None, "invalid_json")]),
    ]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b'[{"title": "A"}, {"title": ', "line 1"),
        (b'[{"title": "A"} {"title": "B"}]', 'expected "," or "]"'),
        (b'{"products": [{"title": "A"}], "x": }', "line 1"),
        (b'[{"title": "A"}] trailing', "unexpected data"),
        (b'"just a string"', "expected an array"),
        (b'{"shop": "x"}', "no product list"),
        (b"[\n{\"title\": 'single quotes'}\n]", "line 2"),
    ],
)
def test_invalid_json(tmp_path: Path, content: bytes, needle: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        list(read_products(path, filename="bad.json"))
    assert caught.value.code == "invalid_json" and needle in caught.value.message


def test_non_utf8_json(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes('[{"title": "Müller"}]'.encode("latin-1"))
    with pytest.raises(ImportFileError) as caught:
        list(read_products(path, filename="latin.json"))
    assert caught.value.code == "encoding"


def test_nan_prices_are_invalid(tmp_path: Path) -> None:
    path = tmp_path / "nan.json"
    path.write_text('[{"title": "A", "price": NaN}, {"title": "B", "price": Infinity}]')
    errors = read_all(path)[1]
    assert [e.errors[0].code for e in errors] == ["invalid_price", "invalid_price"]


def test_items_stream_one_at_a_time(tmp_path: Path) -> None:
    """~30 MB of products: items are parsed as they complete, the file is never held."""
    path = tmp_path / "big.json"
    blurb = "<p>" + "Heavy organic cotton, fair trade. " * 100 + "</p>"
    with open(path, "w") as handle:
        handle.write('{"products": [')
        for n in range(8000):
            item = {"id": n, "title": f"Tee {n}", "body_html": blurb,
                    "variants": [{"sku": f"T-{n}-{s}", "price": "19.99", "option1": s}
                                 for s in "SML"],
                    "options": [{"name": "Size"}]}  # fmt: skip
            handle.write(("," if n else "") + json.dumps(item))
        handle.write("]}")
    assert path.stat().st_size > 25 * 1024 * 1024
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_products(path, filename="big.json"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 8000
    assert peak < 15 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_numbers_split_across_read_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from apps.catalog.importing.common import jsonstream

    monkeypatch.setattr(jsonstream, "CHUNK_BYTES", 7)
    path = dump(tmp_path / "tiny.json", [{"title": "A", "price": 123456.78}, {"title": "B"}])
    assert [item.get("price") for item in iter_items(path)] == [Decimal("123456.78"), None]
