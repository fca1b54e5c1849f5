"""WooCommerce product CSV exports: simple and variable products, variations that reference
their parent by id or SKU from anywhere in the file, and the bounded wait for them."""

from __future__ import annotations

import tracemalloc
from decimal import Decimal
from pathlib import Path

import pytest

from apps.catalog.importing.common.records import ImportFileError
from apps.catalog.importing.products import preview, read_products, woocommerce
from tests.catalog.importing.conftest import by_id, read_all, write_csv

# The built-in exporter's columns (WooCommerce 9), with three attribute slots.
HEADER = [
    "ID", "Type", "SKU", "GTIN, UPC, EAN, or ISBN", "Name", "Published", "Is featured?",
    "Visibility in catalog", "Short description", "Description", "Date sale price starts",
    "Date sale price ends", "Tax status", "Tax class", "In stock?", "Stock", "Low stock amount",
    "Backorders allowed?", "Sold individually?", "Weight (kg)", "Length (cm)", "Width (cm)",
    "Height (cm)", "Allow customer reviews?", "Purchase note", "Sale price", "Regular price",
    "Categories", "Tags", "Shipping class", "Images", "Download limit", "Download expiry days",
    "Parent", "Grouped products", "Upsells", "Cross-sells", "External URL", "Button text",
    "Position", "Brands", "Attribute 1 name", "Attribute 1 value(s)", "Attribute 1 visible",
    "Attribute 1 global", "Attribute 2 name", "Attribute 2 value(s)", "Attribute 2 visible",
    "Attribute 2 global", "Attribute 3 name", "Attribute 3 value(s)", "Attribute 3 visible",
    "Attribute 3 global", "Meta: _wpcom_is_markdown", "Download 1 ID", "Download 1 name",
    "Download 1 URL",
]  # fmt: skip
MEDIA = "https://shop.example/wp-content/uploads/2024/05"


def row(**cells: str) -> list[str]:
    """Cells by header; attributes as attr1=("Color", "Blue, Green")."""
    values = {
        "In stock?": "1",
        "Published": "1",
        "Tax status": "taxable",
        "Visibility in catalog": "visible",
        "Meta: _wpcom_is_markdown": "1",
    }
    for key, value in cells.items():
        if key.startswith("attr"):
            n = key[4:]
            name, vals = value
            values |= {
                f"Attribute {n} name": name,
                f"Attribute {n} value(s)": vals,
                f"Attribute {n} visible": "1",
                f"Attribute {n} global": "1",
            }
        elif key in HEADER:
            values[key] = value
        else:  # Regular_price → "Regular price", Backorders_allowedQ → "Backorders allowed?"
            values[key.replace("_", " ").removesuffix("Q") + ("?" if key.endswith("Q") else "")] = (
                value
            )
    return [values.get(h, "") for h in HEADER]


def simple(**cells: str) -> list[str]:
    return row(Type="simple", **cells)


def variation(parent: str, **cells: str) -> list[str]:
    return row(Type="variation", Parent=parent, Published="1", **cells)


def export_rows() -> list[list[str]]:
    return [
        HEADER,
        simple(
            ID="10",
            SKU="woo-beanie",
            Name="Beanie",
            Short_description="Warm & cosy.",
            Description="<p>Knitted wool.</p>\\n<p>Care: see the guide.</p>",
            Sale_price="18",
            Regular_price="20",
            Categories="Clothing > Accessories, Winter",
            Tags="warm, wool\\, knitted",
            Images=f"{MEDIA}/beanie.jpg, {MEDIA}/beanie-2.jpg",
            Stock="5",
            Brands="Woo Knits",
            attr1=("Material", "Wool"),
            **{
                "Weight (kg)": "0.2",
                "Download 1 URL": "https://shop.example/docs/beanie-care.pdf",
            },
        ),
        row(
            Type="variable",
            ID="11",
            SKU="woo-hoodie",
            Name="Hoodie",
            Description="<p>Pullover.</p>",
            Categories="Clothing > Hoodies",
            Images=f"{MEDIA}/hoodie.jpg",
            attr1=("Color", "Blue, Green"),
            attr2=("Size", "M, L"),
            attr3=("Material", "Cotton"),
        ),
        variation(
            "id:11",
            ID="12",
            SKU="woo-hoodie-blue-m",
            Name="Hoodie - Blue, M",
            Regular_price="45",
            Stock="3",
            Images=f"{MEDIA}/hoodie-blue.jpg",
            attr1=("Color", "Blue"),
            attr2=("Size", "M"),
        ),
        variation(
            "id:11",
            ID="13",
            SKU="woo-hoodie-blue-l",
            Name="Hoodie - Blue, L",
            Regular_price="45",
            Sale_price="40",
            Stock="0",
            attr1=("Color", "Blue"),
            attr2=("Size", "L"),
        ),
        # another product between the variations of the hoodie
        simple(ID="20", SKU="woo-cap", Name="Cap", Regular_price="12,50", Published="-1"),
        # the polo's first variation comes before the polo itself (parent named by SKU)
        variation(
            "woo-polo",
            ID="31",
            SKU="woo-polo-s",
            Regular_price="30",
            Stock="0",
            Backorders_allowedQ="notify",
            attr1=("Size", "S"),
        ),
        row(
            Type="variable",
            ID="30",
            SKU="woo-polo",
            Name="Polo",
            attr1=("Size", "S, M"),
        ),
        variation(
            "id:11",
            ID="14",
            SKU="woo-hoodie-green-m",
            Name="Hoodie - Green, M",
            Regular_price="45",
            attr1=("Color", "Green"),
            attr2=("Size", "M"),
        ),
        variation("woo-polo", ID="32", SKU="woo-polo-m", Regular_price="30", attr1=("Size", "M")),
        row(
            Type="external",
            ID="40",
            SKU="woo-partner-tent",
            Name="Partner Tent",
            Regular_price="199",
            External_URL="https://partner.example/tent",
            Button_text="Buy at partner",
        ),
        simple(
            ID="41",
            SKU="woo-sold-out",
            Name="Sold Out Socks",
            Regular_price="5",
            **{"In stock?": "0"},
        ),
    ]


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "wc-product-export-21-5-2024.csv", export_rows())


def test_simple_and_variable_products(export: Path) -> None:
    records, errors = read_all(export)
    assert errors == []
    products = by_id(records)
    # simple products stream out at once; variable ones when their last variation is read
    assert list(products) == ["10", "20", "11", "30", "40", "41"]

    beanie = products["10"]
    assert beanie.title == "Beanie" and beanie.handle == "beanie" and beanie.vendor == "Woo Knits"
    assert beanie.description_html == "<p>Knitted wool.</p>\n<p>Care: see the guide.</p>"
    assert beanie.attributes == {"Short description": "Warm & cosy.", "Material": "Wool"}
    assert beanie.collections == ["Clothing > Accessories", "Winter"]
    assert beanie.tags == ["warm", "wool, knitted"]
    assert beanie.images == [f"{MEDIA}/beanie.jpg", f"{MEDIA}/beanie-2.jpg"]
    assert beanie.pdf_links == ["https://shop.example/docs/beanie-care.pdf"]
    [variant] = beanie.variants
    assert (variant.sku, variant.price, variant.compare_at_price) == (
        "woo-beanie",
        Decimal("18.00"),
        Decimal("20.00"),
    )
    assert variant.inventory_quantity == 5 and variant.available and variant.weight_grams == 200

    hoodie = products["11"]
    assert hoodie.lines == (3, 9)
    assert hoodie.attributes == {"Material": "Cotton"}  # not used by any variation
    blue_m, blue_l, green_m = (
        (v.external_id, v.sku, v.options, v.price, v.compare_at_price) for v in hoodie.variants
    )
    assert blue_m == (
        "12",
        "woo-hoodie-blue-m",
        {"Color": "Blue", "Size": "M"},
        Decimal("45"),
        None,
    )
    assert blue_l == ("13", "woo-hoodie-blue-l", {"Color": "Blue", "Size": "L"}, Decimal("40"),
                      Decimal("45"))  # fmt: skip
    assert green_m == ("14", "woo-hoodie-green-m", {"Color": "Green", "Size": "M"}, Decimal("45"),
                       None)  # fmt: skip
    assert [v.available for v in hoodie.variants] == [True, False, True]
    assert hoodie.images == [f"{MEDIA}/hoodie.jpg", f"{MEDIA}/hoodie-blue.jpg"]

    polo = products["30"]
    assert [(v.sku, v.inventory_quantity, v.available) for v in polo.variants] == [
        ("woo-polo-s", 0, True),  # backorders "notify"
        ("woo-polo-m", None, True),
    ]

    cap = products["20"]
    assert cap.status == "draft" and cap.variants[0].price == Decimal("12.50")
    assert products["40"].url == "https://partner.example/tent"
    assert products["41"].variants[0].available is False


def test_preview_of_a_woocommerce_export(export: Path) -> None:
    result = preview(export, filename="export.csv")
    assert result.format == "woocommerce"
    assert result.mapping["title"] == "Name" and result.mapping["price"] == "Regular price"
    assert result.mapping["external_id"] == "ID"
    assert result.mapping["option:Material"] == "Attribute 1 value(s)"
    assert result.row_estimate == 11 and len(result.sample) == 11


def write(tmp_path: Path, *rows: list[str]) -> Path:
    return write_csv(tmp_path / "woo.csv", [HEADER, *rows])


def test_orphans_and_variable_products_without_variations(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        row(Type="variable", ID="1", SKU="lonely", Name="Lonely", attr1=("Size", "S")),
        variation("id:999", ID="2", SKU="orphan", Regular_price="1", attr1=("Size", "S")),
        simple(ID="3", SKU="plain", Name="Plain", Regular_price="1"),
        variation("plain", ID="4", SKU="wrong-parent", Regular_price="1"),
        variation("", ID="5", SKU="no-parent", Regular_price="1"),
    )
    records, errors = read_all(path)
    assert [r.external_id for r in records] == ["3"]  # the ID, not the SKU
    messages = {e.external_id: (e.errors[0].code, e.errors[0].message) for e in errors}
    assert messages == {
        "1": ("required", 'Variable product "Lonely" has no variations in the file'),
        "2": ("orphan_variant", 'This variation\'s parent "id:999" is not in the file'),
        "4": ("orphan_variant", 'This variation\'s parent "plain" is not a variable product'),
        "5": ("orphan_variant", "This variation has no Parent"),
    }
    assert [e.lines for e in errors if e.external_id == "2"] == [(3, 3)]


def test_bad_variation_rejects_its_whole_product(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        row(Type="variable", ID="1", SKU="shirt", Name="Shirt", attr1=("Size", "S, M")),
        variation("id:1", ID="2", SKU="shirt-s", Regular_price="10", attr1=("Size", "S")),
        variation("id:1", ID="3", SKU="shirt-m", Regular_price="ten", attr1=("Size", "M")),
    )
    [error] = read_all(path)[1]
    assert error.external_id == "1" and error.lines == (2, 4)
    assert [(e.line, e.column, e.code) for e in error.errors] == [
        (4, "Regular price", "invalid_price")
    ]


def test_simple_products_need_a_price_and_a_name(tmp_path: Path) -> None:
    path = write(tmp_path, simple(ID="1", SKU="a", Name="No Price"), simple(ID="2", SKU="b"))
    errors = read_all(path)[1]
    assert [(e.errors[0].column, e.errors[0].code) for e in errors] == [
        ("Regular price", "required"),
        ("Name", "required"),
    ]


def test_escaped_cells_and_formulas(tmp_path: Path) -> None:
    """The exporter writes "'" before = + - @; a real formula is still refused, text is not."""
    path = write(
        tmp_path,
        simple(ID="1", SKU="evil", Name="'=HYPERLINK(\"http://evil\",\"x\")", Regular_price="1"),
        simple(ID="2", SKU="dash", Name="Dash", Description="'- 100% cotton", Regular_price="1",
               Stock="'-3"),
        simple(ID="3", SKU="ok", Name="Ok", Description="'- 100% cotton", Regular_price="1"),
    )  # fmt: skip
    records, errors = read_all(path)
    assert [(e.external_id, [x.code for x in e.errors]) for e in errors] == [
        ("1", ["formula"]),
        ("2", ["negative_stock"]),
    ]
    assert records[0].description_html == "- 100% cotton"


def test_missing_columns(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "w.csv",
        [["ID", "Type", "SKU", "Short description", "In stock?"], ["1", "simple", "a", "", "1"]],
    )
    with pytest.raises(ImportFileError) as caught:
        list(read_products(path, filename="w.csv"))
    assert caught.value.code == "missing_column"
    assert '"Name", "Regular price"' in caught.value.message


def test_variations_too_far_from_their_product_are_refused_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(woocommerce, "MAX_PENDING_PRODUCTS", 2)
    rows = [
        row(Type="variable", ID=str(n), SKU=f"v{n}", Name=f"V{n}", attr1=("Size", "S, M"))
        for n in (1, 2, 3)
    ]
    rows += [
        variation(f"id:{n}", ID=f"{n}{s}", SKU=f"v{n}-{s}", Regular_price="5", attr1=("Size", s))
        for n in (2, 3, 1)
        for s in ("S", "M")
    ]
    records, errors = read_all(write(tmp_path, *rows))
    assert sorted(r.external_id for r in records) == ["2", "3"]
    [error] = errors
    assert error.external_id == "1" and error.errors[0].code == "orphan_variant"
    assert "spread too far" in error.errors[0].message and "line 10" in error.errors[0].message


def test_memory_stays_bounded_when_variations_follow_their_products(tmp_path: Path) -> None:
    rows = [HEADER]
    for n in range(1, 1501):
        rows.append(
            row(Type="variable", ID=str(n * 10), SKU=f"p{n}", Name=f"Product {n}",
                Description="<p>" + "lorem ipsum " * 40 + "</p>", attr1=("Size", "S, M, L"))
        )  # fmt: skip
        rows += [
            variation(f"id:{n * 10}", ID=str(n * 10 + i), SKU=f"p{n}-{s}", Regular_price="9.90",
                      Stock="4", attr1=("Size", s))
            for i, s in enumerate(("S", "M", "L"), start=1)
        ]  # fmt: skip
    path = write_csv(tmp_path / "big.csv", rows)
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_products(path, filename="big.csv"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 1500
    assert peak < 8 * 1024 * 1024
