"""Column names of the known export formats, format detection, and the best-guess mapping for
generic files.

Shopify: the product CSV ("Handle, Title, Body (HTML), Vendor, Product Category, Type, Tags,
Published, Option1 Name, Option1 Value, … Variant SKU, Variant Grams, Variant Inventory Tracker,
Variant Inventory Qty, Variant Inventory Policy, Variant Fulfillment Service, Variant Price,
Variant Compare At Price, Variant Requires Shipping, Variant Taxable, Variant Barcode, Image Src,
Image Position, Image Alt Text, Gift Card, SEO Title, SEO Description, Google Shopping / …,
Variant Image, Variant Weight Unit, Variant Tax Code, Cost per item, Price / <market>, …,
Status"), and the renamed headers of Shopify's newer exports ("URL handle", "Description",
"SKU", "Price", "Compare-at price", "Inventory quantity", "Continue selling when out of stock",
"Product image URL", "Variant image URL", "Weight value (grams)", …) as aliases.

WooCommerce: the built-in product CSV exporter's columns ("ID, Type, SKU, GTIN, UPC, EAN, or
ISBN, Name, Published, Is featured?, Visibility in catalog, Short description, Description, …,
In stock?, Stock, Low stock amount, Backorders allowed?, …, Weight (kg), …, Sale price, Regular
price, Categories, Tags, Shipping class, Images, …, Parent, Grouped products, Upsells,
Cross-sells, External URL, Button text, Position, Attribute 1 name, Attribute 1 value(s),
Attribute 1 visible, Attribute 1 global, Attribute 1 default, Meta: …").
"""

from __future__ import annotations

import re
from pathlib import PurePath

from apps.catalog.importing.common.mapping import norm, squash
from apps.catalog.importing.common.records import ImportFileError

# canonical (classic export) name → other spellings (newer exports). Matching ignores case and
# repeated spaces.
SHOPIFY: dict[str, tuple[str, ...]] = {
    "Handle": ("URL handle",),
    "Title": (),
    "Body (HTML)": ("Description",),
    "Vendor": (),
    "Product Category": (),
    "Type": (),
    "Tags": (),
    "Published": ("Published on online store",),
    "Status": (),
    "Option1 Name": (),
    "Option1 Value": (),
    "Option2 Name": (),
    "Option2 Value": (),
    "Option3 Name": (),
    "Option3 Value": (),
    "Variant SKU": ("SKU",),
    "Variant Grams": ("Weight value (grams)",),
    "Variant Inventory Tracker": ("Inventory tracker",),
    "Variant Inventory Qty": ("Inventory quantity",),
    "Variant Inventory Policy": ("Continue selling when out of stock",),
    "Variant Price": ("Price",),
    "Variant Compare At Price": ("Compare-at price",),
    "Variant Barcode": ("Barcode",),
    "Image Src": ("Product image URL",),
    "Image Position": (),
    "Image Alt Text": (),
    "Variant Image": ("Variant image URL",),
    "Collection": ("Collections", "Custom Collections"),
}
SHOPIFY_REQUIRED = ("Handle", "Title")
# Headers only Shopify writes: one is enough to call a file a Shopify export.
SHOPIFY_MARKERS = {
    "body (html)",
    "option1 name",
    "option1 value",
    "variant sku",
    "variant price",
    "variant compare at price",
    "variant inventory qty",
    "variant inventory policy",
    "variant inventory tracker",
    "variant grams",
    "variant barcode",
    "variant image",
    "variant fulfillment service",
    "variant requires shipping",
    "image src",
    "url handle",
    "product image url",
    "variant image url",
    "continue selling when out of stock",
    "compare-at price",
    "weight value (grams)",
    "published on online store",
}

WOO: dict[str, tuple[str, ...]] = {
    "ID": (),
    "Type": (),
    "SKU": (),
    "GTIN, UPC, EAN, or ISBN": ("GTIN", "EAN", "UPC"),
    "Name": (),
    "Published": (),
    "Short description": (),
    "Description": (),
    "In stock?": (),
    "Stock": (),
    "Backorders allowed?": (),
    "Sale price": (),
    "Regular price": (),
    "Categories": (),
    "Tags": (),
    "Images": (),
    "Parent": (),
    "External URL": (),
    "Grouped products": (),
    "Brands": ("Brand",),
}
WOO_MARKERS = {
    "regular price",
    "sale price",
    "in stock?",
    "backorders allowed?",
    "short description",
    "is featured?",
    "visibility in catalog",
    "sold individually?",
    "allow customer reviews?",
    "tax status",
    "tax class",
    "date sale price starts",
    "date sale price ends",
    "low stock amount",
    "grouped products",
    "upsells",
    "cross-sells",
    "button text",
    "download limit",
    "gtin, upc, ean, or isbn",
    "attribute 1 name",
    "attribute 1 value(s)",
    "parent",
}

# Generic files: target field → header spellings (compared without case, spaces or punctuation),
# most specific first. English and German, the two languages of our merchants' exports.
GENERIC_GUESSES: dict[str, tuple[str, ...]] = {
    "external_id": ("id", "productid", "externalid", "produktid", "itemid", "artikelid"),
    "handle": ("handle", "slug", "urlhandle", "urlkey"),
    "title": (
        "title",
        "name",
        "productname",
        "producttitle",
        "produktname",
        "produkttitel",
        "titel",
        "bezeichnung",
        "artikelname",
        "artikelbezeichnung",
        "itemname",
        "produkt",
        "product",
    ),
    "description_html": (
        "description",
        "descriptionhtml",
        "bodyhtml",
        "productdescription",
        "beschreibung",
        "produktbeschreibung",
        "langbeschreibung",
        "details",
    ),
    "vendor": ("vendor", "brand", "manufacturer", "marke", "hersteller", "brandname"),
    "product_type": ("producttype", "type", "produkttyp", "produktart", "typ", "art"),
    "tags": ("tags", "keywords", "schlagwoerter", "schlagwörter", "stichwoerter", "stichwörter"),
    "status": ("status", "published", "veroeffentlicht", "veröffentlicht", "aktiv", "active"),
    "url": ("url", "link", "producturl", "productlink", "produkturl", "produktlink", "deeplink"),
    "images": (
        "images",
        "image",
        "imageurl",
        "imageurls",
        "imagesrc",
        "imagelink",
        "picture",
        "photo",
        "bild",
        "bilder",
        "bildurl",
        "bildlink",
        "produktbild",
    ),
    "collections": (
        "category",
        "categories",
        "collection",
        "collections",
        "kategorie",
        "kategorien",
        "warengruppe",
        "productcategory",
        "produktkategorie",
    ),
    "sku": (
        "sku",
        "artikelnummer",
        "artnr",
        "artikelnr",
        "itemnumber",
        "productcode",
        "code",
        "mpn",
        "variantsku",
        "referenz",
    ),
    "price": (
        "price",
        "preis",
        "saleprice",
        "verkaufspreis",
        "vkpreis",
        "vk",
        "bruttopreis",
        "unitprice",
        "variantprice",
        "regularprice",
    ),
    "compare_at_price": (
        "compareatprice",
        "compareprice",
        "originalprice",
        "listprice",
        "msrp",
        "rrp",
        "uvp",
        "streichpreis",
        "altpreis",
        "listenpreis",
    ),
    "inventory_quantity": (
        "stock",
        "qty",
        "quantity",
        "inventory",
        "inventoryquantity",
        "stockquantity",
        "bestand",
        "lagerbestand",
        "menge",
        "anzahl",
        "lager",
        "verfuegbarkeit",
    ),
    "available": ("available", "availability", "instock", "verfügbar", "verfuegbar", "lieferbar"),
    "barcode": ("barcode", "ean", "gtin", "upc", "isbn", "ean13", "gtin13"),
}
OPTION_GUESSES = (
    "size",
    "größe",
    "grösse",
    "groesse",
    "color",
    "colour",
    "farbe",
    "taille",
    "couleur",
    "variant",
    "variante",
)
GENERIC_REQUIRED = ("title", "price")


def resolve(columns: list[str], spec: dict[str, tuple[str, ...]]) -> dict[str, str | None]:
    """canonical name → the file's column (case-insensitive, alias-aware), or None."""
    present = {norm(c): c for c in reversed(columns)}  # first occurrence wins
    return {
        canonical: next(
            (present[norm(n)] for n in (canonical, *aliases) if norm(n) in present), None
        )
        for canonical, aliases in spec.items()
    }


def detect_format(columns: list[str], *, filename: str) -> str:
    """ "json" for JSON files, else "shopify" / "woocommerce" from the headers only those
    exports write, else "generic"."""
    if PurePath(filename).suffix.lower() == ".json":
        return "json"
    names = {norm(c) for c in columns}
    shopify = len(names & SHOPIFY_MARKERS)
    woo = len(names & WOO_MARKERS)
    woo += sum(1 for n in names if re.fullmatch(r"attribute \d+ (name|value\(s\))", n)) // 2
    if woo >= 2 and woo > shopify and names & {"name", "type", "id", "sku"}:
        return "woocommerce"
    if shopify >= 1:
        return "shopify"
    return "generic"


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """Best guess target → column for a generic file ("Name"/"Produktname" → title,
    "Preis" → price, "Artikelnummer" → sku, "Größe" → option:Größe, …)."""
    squashed = [(squash(c), c) for c in columns]
    used: set[str] = set()
    mapping: dict[str, str] = {}
    for target, spellings in GENERIC_GUESSES.items():
        for spelling in spellings:
            key = squash(spelling)
            found = next((c for s, c in squashed if s == key and c not in used), None)
            if found:
                mapping[target] = found
                used.add(found)
                break
    for spelling, column in squashed:
        if column not in used and spelling in {squash(o) for o in OPTION_GUESSES}:
            mapping[f"option:{column}"] = column
            used.add(column)
    return mapping


def missing_columns_error(names: list[str], fmt: str) -> ImportFileError:
    label = {"shopify": "Shopify", "woocommerce": "WooCommerce"}.get(fmt, fmt)
    return ImportFileError(
        "missing_column",
        f"This looks like a {label} product export, but it has no "
        + ", ".join(f'"{n}"' for n in names)
        + " column"
        + ("s" if len(names) > 1 else "")
        + ".",
    )
