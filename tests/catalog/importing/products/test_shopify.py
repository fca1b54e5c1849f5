"""Shopify product CSV exports: multi-variant products, image rows, products without options,
inventory policy, and every way a row can be wrong."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from apps.catalog.importing.common.records import ImportFileError
from apps.catalog.importing.products import preview, read_products
from tests.catalog.importing.conftest import by_id, read_all, write_csv

# The column set of a real Shopify product export (Admin → Products → Export).
HEADER = [
    "Handle",
    "Title",
    "Body (HTML)",
    "Vendor",
    "Product Category",
    "Type",
    "Tags",
    "Published",
    "Option1 Name",
    "Option1 Value",
    "Option2 Name",
    "Option2 Value",
    "Option3 Name",
    "Option3 Value",
    "Variant SKU",
    "Variant Grams",
    "Variant Inventory Tracker",
    "Variant Inventory Qty",
    "Variant Inventory Policy",
    "Variant Fulfillment Service",
    "Variant Price",
    "Variant Compare At Price",
    "Variant Requires Shipping",
    "Variant Taxable",
    "Variant Barcode",
    "Image Src",
    "Image Position",
    "Image Alt Text",
    "Gift Card",
    "SEO Title",
    "SEO Description",
    "Google Shopping / Gender",
    "Variant Image",
    "Variant Weight Unit",
    "Variant Tax Code",
    "Cost per item",
    "Included / International",
    "Price / International",
    "Compare At Price / International",
    "Status",
]
CDN = "https://cdn.shopify.com/s/files/1/0001/products"


def row(**cells: str) -> list[str]:
    """A row of the export; keyword names are the headers with spaces/slashes as underscores."""
    named = {
        h.replace(" / ", "_").replace(" ", "_").replace("(", "").replace(")", ""): h for h in HEADER
    }
    values = {named[k]: v for k, v in cells.items()}
    return [values.get(h, "") for h in HEADER]


def tee_rows() -> list[list[str]]:
    """A T-shirt in 3 sizes x 2 colours, 3 images (the later ones on variant and image rows)."""
    rows = []
    first = True
    for color in ("Black", "Sand"):
        for size in ("S", "M", "L"):
            sku = f"TEE-{color[:3].upper()}-{size}"
            cells = {
                "Handle": "organic-tee",
                "Option1_Value": size,
                "Option2_Value": color,
                "Variant_SKU": sku,
                "Variant_Grams": "180",
                "Variant_Inventory_Tracker": "shopify",
                "Variant_Inventory_Qty": "0" if (color, size) == ("Sand", "L") else "12",
                "Variant_Inventory_Policy": "deny",
                "Variant_Fulfillment_Service": "manual",
                "Variant_Price": "29.00",
                "Variant_Compare_At_Price": "35.00",
                "Variant_Requires_Shipping": "true",
                "Variant_Taxable": "true",
                "Variant_Barcode": f"0400000{len(rows):05d}",
                "Variant_Image": f"{CDN}/tee-{color.lower()}.jpg",
                "Variant_Weight_Unit": "kg",
            }
            if first:
                cells.update(
                    {
                        "Title": "Organic Cotton Tee",
                        "Body_HTML": (
                            "<p>Heavyweight organic cotton.</p>"
                            f'<p><a href="{CDN}/../files/tee-care-guide.pdf">Care guide</a></p>'
                        ),
                        "Vendor": "Northwind Apparel",
                        "Product_Category": "Apparel & Accessories > Clothing > Shirts & Tops",
                        "Type": "T-Shirt",
                        "Tags": "organic, cotton, summer",
                        "Published": "true",
                        "Option1_Name": "Size",
                        "Option2_Name": "Color",
                        "Image_Src": f"{CDN}/tee-black.jpg",
                        "Image_Position": "1",
                        "Image_Alt_Text": "Black tee",
                        "Gift_Card": "false",
                        "SEO_Title": "Organic Cotton Tee | Northwind",
                        "SEO_Description": "Soft, heavy, organic.",
                        "Google_Shopping_Gender": "unisex",
                        "Status": "active",
                    }
                )
                first = False
            elif (color, size) == ("Sand", "S"):
                cells.update({"Image_Src": f"{CDN}/tee-sand.jpg", "Image_Position": "2"})
            rows.append(row(**cells))
    rows.append(row(Handle="organic-tee", Image_Src=f"{CDN}/tee-detail.jpg", Image_Position="3"))
    return rows


def catalog_rows() -> list[list[str]]:
    return [
        HEADER,
        *tee_rows(),
        # a hoodie in 2 sizes, sold on backorder ("continue"), one variant at 0
        row(
            Handle="zip-hoodie",
            Title="Zip Hoodie",
            Body_HTML="<p>Brushed fleece.</p>",
            Vendor="Northwind Apparel",
            Type="Hoodie",
            Tags="fleece",
            Published="true",
            Option1_Name="Size",
            Option1_Value="M",
            Variant_SKU="HOOD-M",
            Variant_Inventory_Tracker="shopify",
            Variant_Inventory_Qty="0",
            Variant_Inventory_Policy="continue",
            Variant_Price="59.00",
            Image_Src=f"{CDN}/hoodie.jpg",
            Image_Position="1",
            Status="active",
        ),
        row(
            Handle="zip-hoodie",
            Option1_Value="L",
            Variant_SKU="HOOD-L",
            Variant_Inventory_Tracker="shopify",
            Variant_Inventory_Qty="3",
            Variant_Inventory_Policy="deny",
            Variant_Price="59.00",
        ),
        # no options: Shopify writes Option1 Name "Title" / "Default Title"; not tracked
        row(
            Handle="gift-wrap",
            Title="Gift Wrap",
            Body_HTML="Recycled paper, see https://northwind.example/docs/wrap-specs.pdf",
            Vendor="Northwind Apparel",
            Type="Accessory",
            Published="false",
            Option1_Name="Title",
            Option1_Value="Default Title",
            Variant_SKU="WRAP-1",
            Variant_Inventory_Qty="",
            Variant_Inventory_Policy="deny",
            Variant_Price="4.50",
            Status="draft",
        ),
        # an archived product with a single image row after it
        row(
            Handle="old-cap",
            Title="Old Cap",
            Vendor="Northwind Apparel",
            Option1_Name="Title",
            Option1_Value="Default Title",
            Variant_SKU="CAP-1",
            Variant_Price="15",
            Status="archived",
        ),
        row(Handle="old-cap", Image_Src="//cdn.shopify.com/old-cap.jpg", Image_Position="1"),
    ]


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "products_export_1.csv", catalog_rows())


def test_multi_variant_products_images_and_options(export: Path) -> None:
    records, errors = read_all(export)
    assert errors == []
    products = by_id(records)
    assert list(products) == ["organic-tee", "zip-hoodie", "gift-wrap", "old-cap"]

    tee = products["organic-tee"]
    assert tee.title == "Organic Cotton Tee" and tee.handle == "organic-tee"
    assert tee.vendor == "Northwind Apparel" and tee.product_type == "T-Shirt"
    assert tee.tags == ["organic", "cotton", "summer"]
    assert tee.status == "active"
    assert tee.collections == ["Apparel & Accessories > Clothing > Shirts & Tops"]
    assert tee.lines == (2, 8)  # 6 variant rows + 1 image row after the header
    assert len(tee.variants) == 6
    assert [v.options for v in tee.variants[:4]] == [
        {"Size": "S", "Color": "Black"},
        {"Size": "M", "Color": "Black"},
        {"Size": "L", "Color": "Black"},
        {"Size": "S", "Color": "Sand"},
    ]
    assert list(tee.variants[0].options) == ["Size", "Color"]  # file order
    first = tee.variants[0]
    assert first.sku == "TEE-BLA-S" and first.price == Decimal("29.00")
    assert first.compare_at_price == Decimal("35.00")
    assert first.inventory_quantity == 12 and first.available is True
    assert first.weight_grams == 180 and first.barcode == "040000000000"
    assert first.image_url == f"{CDN}/tee-black.jpg"
    sold_out = tee.variants[5]
    assert sold_out.sku == "TEE-SAN-L" and sold_out.inventory_quantity == 0
    assert sold_out.available is False
    # position order, de-duplicated (variant images repeat product images)
    assert tee.images == [f"{CDN}/tee-black.jpg", f"{CDN}/tee-sand.jpg", f"{CDN}/tee-detail.jpg"]
    assert tee.pdf_links == [f"{CDN}/../files/tee-care-guide.pdf"]
    assert tee.attributes == {
        "Gift Card": "false",
        "SEO Title": "Organic Cotton Tee | Northwind",
        "SEO Description": "Soft, heavy, organic.",
        "Google Shopping / Gender": "unisex",
    }
    assert "<a href=" in tee.description_html  # kept as given

    hoodie = products["zip-hoodie"]
    assert [(v.sku, v.inventory_quantity, v.available) for v in hoodie.variants] == [
        ("HOOD-M", 0, True),  # "continue": sells at 0
        ("HOOD-L", 3, True),
    ]

    wrap = products["gift-wrap"]
    assert len(wrap.variants) == 1 and wrap.variants[0].options == {}
    assert wrap.variants[0].inventory_quantity is None and wrap.variants[0].available
    assert wrap.status == "draft"
    assert wrap.pdf_links == ["https://northwind.example/docs/wrap-specs.pdf"]

    cap = products["old-cap"]
    assert cap.status == "archived" and cap.images == ["https://cdn.shopify.com/old-cap.jpg"]
    assert cap.lines == (12, 13)


def test_reading_twice_gives_identical_records(export: Path) -> None:
    assert list(read_products(export, filename="p.csv")) == list(
        read_products(export, filename="p.csv")
    )


def test_preview_detects_the_format_and_maps_options(export: Path) -> None:
    result = preview(export, filename="products_export_1.csv", rows=5)
    assert result.format == "shopify"
    assert result.columns == HEADER
    assert result.mapping["title"] == "Title" and result.mapping["price"] == "Variant Price"
    assert result.mapping["option:Size"] == "Option1 Value"
    assert result.mapping["option:Color"] == "Option2 Value"
    assert result.required_missing == []
    assert len(result.sample) == 5 and result.sample[0]["Handle"] == "organic-tee"
    assert result.row_estimate == 12  # 12 data rows, estimated from the line count
    # the preview's mapping is accepted back by read_products
    records = [
        r for r in read_products(export, filename="x.csv", format="shopify", mapping=result.mapping)
    ]
    assert len(records) == 4


def bad_file(tmp_path: Path, *rows: list[str]) -> Path:
    return write_csv(tmp_path / "bad.csv", [HEADER, *rows])


def test_invalid_and_valid_prices(tmp_path: Path) -> None:
    path = bad_file(
        tmp_path,
        row(Handle="tent", Title="Tent", Variant_SKU="T-1", Variant_Price="1.234,50"),
        row(Handle="broken", Title="Broken", Variant_SKU="B-1", Variant_Price="abc"),
    )
    records, errors = read_all(path)
    assert [r.variants[0].price for r in records] == [Decimal("1234.50")]
    [error] = errors
    assert error.external_id == "broken" and error.lines == (3, 3)
    [problem] = error.errors
    assert (problem.line, problem.column, problem.code) == (3, "Variant Price", "invalid_price")
    assert problem.message == 'Variant Price "abc" is not a number'


def test_negative_stock_rejects_the_whole_product(tmp_path: Path) -> None:
    path = bad_file(
        tmp_path,
        row(Handle="mug", Title="Mug", Option1_Name="Color", Option1_Value="Red",
            Variant_SKU="MUG-R", Variant_Price="9", Variant_Inventory_Qty="4"),
        row(Handle="mug", Option1_Value="Blue", Variant_SKU="MUG-B", Variant_Price="9",
            Variant_Inventory_Qty="-2"),
    )  # fmt: skip
    records, errors = read_all(path)
    assert records == []  # not even the valid red variant
    [error] = errors
    assert error.lines == (2, 3)
    assert [(e.line, e.code, e.message) for e in error.errors] == [
        (3, "negative_stock", 'Variant Inventory Qty "-2" is negative')
    ]


def test_formula_in_a_title_refuses_the_product(tmp_path: Path) -> None:
    path = bad_file(
        tmp_path,
        row(Handle="evil", Title='=HYPERLINK("http://evil","x")', Variant_Price="1"),
        row(Handle="fine", Title="- 100% cotton", Tags="@home, +1 deal", Variant_Price="1",
            Variant_SKU="=NOT-SHOWN"),
    )  # fmt: skip
    records, errors = read_all(path)
    [error] = errors
    [problem] = error.errors
    assert (problem.line, problem.column, problem.code) == (2, "Title", "formula")
    assert '=HYPERLINK("http://evil","x")' in problem.message
    assert "remove the leading" in problem.message
    [fine] = records
    assert fine.title == "- 100% cotton" and fine.tags == ["@home", "+1 deal"]
    assert fine.variants[0].sku == "=NOT-SHOWN"  # not shown to shoppers: kept as literal text


def test_formula_in_option_values_and_tags(tmp_path: Path) -> None:
    path = bad_file(
        tmp_path,
        row(Handle="a", Title="A", Tags="ok, @SUM(1;2)", Option1_Name="Size",
            Option1_Value="+1+1", Variant_Price="1"),
    )  # fmt: skip
    [error] = read_all(path)[1]
    assert [(e.column, e.code) for e in error.errors] == [
        ("Tags", "formula"),
        ("Option1 Value", "formula"),
    ]


def test_duplicate_skus_first_product_wins(tmp_path: Path) -> None:
    path = bad_file(
        tmp_path,
        row(Handle="first", Title="First", Variant_SKU="SKU-1", Variant_Price="10"),
        row(Handle="second", Title="Second", Variant_SKU="SKU-1", Variant_Price="12"),
        row(Handle="third", Title="Third", Option1_Name="Size", Option1_Value="S",
            Variant_SKU="SKU-3", Variant_Price="1"),
        row(Handle="third", Option1_Value="M", Variant_SKU="SKU-3", Variant_Price="1"),
    )  # fmt: skip
    records, errors = read_all(path)
    assert [r.external_id for r in records] == ["first"]
    assert [(e.external_id, [(x.line, x.code) for x in e.errors]) for e in errors] == [
        ("second", [(3, "duplicate_sku")]),
        ("third", [(5, "duplicate_sku")]),
    ]
    assert "line 2" in errors[0].errors[0].message
    assert "used twice in this product" in errors[1].errors[0].message


def test_a_rejected_product_does_not_claim_its_skus(tmp_path: Path) -> None:
    path = bad_file(
        tmp_path,
        row(Handle="bad", Title="Bad", Variant_SKU="SKU-1", Variant_Price="oops"),
        row(Handle="good", Title="Good", Variant_SKU="SKU-1", Variant_Price="1"),
    )
    records, errors = read_all(path)
    assert [r.external_id for r in records] == ["good"]
    assert [e.external_id for e in errors] == ["bad"]


def test_a_handle_coming_back_later_is_refused(tmp_path: Path) -> None:
    path = bad_file(
        tmp_path,
        row(Handle="lamp", Title="Desk Lamp", Vendor="Lumen", Variant_SKU="L-1",
            Variant_Price="30"),
        row(Handle="chair", Title="Chair", Variant_SKU="C-1", Variant_Price="80"),
        row(Handle="lamp", Title="Floor Lamp", Vendor="Lumen", Variant_SKU="L-2",
            Variant_Price="90"),
        row(Handle="chair", Option1_Value="Oak", Variant_SKU="C-2", Variant_Price="85"),
    )  # fmt: skip
    records, errors = read_all(path)
    assert [r.external_id for r in records] == ["lamp", "chair"]
    assert records[0].title == "Desk Lamp"  # the first block wins
    conflict, separated = errors
    assert conflict.external_id == "lamp" and conflict.lines == (4, 4)
    assert conflict.errors[0].code == "conflicting_duplicate"
    assert "line 2" in conflict.errors[0].message and "title" in conflict.errors[0].message
    assert separated.errors[0].code == "orphan_variant"
    assert "line 3" in separated.errors[0].message


def test_first_row_of_a_handle_needs_a_title(tmp_path: Path) -> None:
    path = bad_file(tmp_path, row(Handle="untitled", Variant_SKU="U-1", Variant_Price="1"))
    [error] = read_all(path)[1]
    assert [(e.line, e.column, e.code, e.message) for e in error.errors] == [
        (2, "Title", "required", "Title is required")
    ]


def test_missing_required_columns_refuse_the_file(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [["Title", "Variant Price"], ["Shell", "10"]])
    with pytest.raises(ImportFileError) as caught:
        preview(path, filename="p.csv")
    assert caught.value.code == "missing_column" and '"Handle"' in caught.value.message
    with pytest.raises(ImportFileError) as caught:
        list(read_products(path, filename="p.csv"))
    assert caught.value.code == "missing_column"


def test_newer_export_headers_are_understood(tmp_path: Path) -> None:
    """Shopify's 2024+ export renamed many columns ("URL handle", "Price", …)."""
    header = [
        "Title", "URL handle", "Description", "Vendor", "Product category", "Type", "Tags",
        "Published on online store", "Status", "SKU", "Barcode", "Option1 name", "Option1 value",
        "Price", "Compare-at price", "Inventory tracker", "Inventory quantity",
        "Continue selling when out of stock", "Weight value (grams)", "Product image URL",
        "Image position", "Variant image URL",
    ]  # fmt: skip
    path = write_csv(
        tmp_path / "new.csv",
        [
            header,
            ["Beanie", "beanie", "<p>Warm</p>", "Knit Co", "Apparel > Hats", "Hat", "wool",
             "TRUE", "Active", "BEA-R", "", "Color", "Red", "19.00", "25.00", "shopify", "0",
             "TRUE", "90", "https://cdn.example/beanie.jpg", "1", ""],
            ["", "beanie", "", "", "", "", "", "", "", "BEA-G", "", "", "Green", "19.00", "",
             "shopify", "5", "FALSE", "90", "", "", "https://cdn.example/beanie-g.jpg"],
        ],
    )  # fmt: skip
    [beanie] = read_all(path)[0]
    assert beanie.external_id == "beanie" and beanie.description_html == "<p>Warm</p>"
    assert beanie.collections == ["Apparel > Hats"]
    assert [(v.sku, v.options, v.available, v.weight_grams) for v in beanie.variants] == [
        ("BEA-R", {"Color": "Red"}, True, 90),  # continue selling at 0
        ("BEA-G", {"Color": "Green"}, True, 90),
    ]
    assert beanie.images == ["https://cdn.example/beanie.jpg", "https://cdn.example/beanie-g.jpg"]


def test_untracked_inventory_and_blank_handles(tmp_path: Path) -> None:
    path = bad_file(
        tmp_path,
        row(Title="No Handle Product", Variant_Price="5", Variant_Inventory_Tracker="",
            Variant_Inventory_Qty="7"),
        row(Option1_Value="", Image_Src="https://cdn.example/x.jpg"),
    )  # fmt: skip
    [record] = read_all(path)[0]
    assert record.external_id == "no-handle-product" and record.handle == "no-handle-product"
    assert record.variants[0].inventory_quantity is None  # tracker empty: not tracked
    assert record.images == ["https://cdn.example/x.jpg"]


def test_duplicate_option_combinations(tmp_path: Path) -> None:
    path = bad_file(
        tmp_path,
        row(Handle="sock", Title="Sock", Option1_Name="Size", Option1_Value="M",
            Variant_SKU="S-1", Variant_Price="3"),
        row(Handle="sock", Option1_Value="M", Variant_SKU="S-2", Variant_Price="3"),
    )  # fmt: skip
    [error] = read_all(path)[1]
    assert [(e.line, e.code) for e in error.errors] == [(3, "conflicting_duplicate")]
    assert "Size=M appears twice (lines 2 and 3)" in error.errors[0].message
