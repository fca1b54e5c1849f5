"""Deterministic demo catalogue and order history for "Demo Outfitters", the demo store.

`demo_products()` expands the product families in catalogue.py into Shopify-shaped products
(sizes x colours, sale and stock levels, copy); `demo_orders()` builds an order history over
them. Nothing is random: every choice is a hash of stable keys, so the output is identical on
every run and adding a family does not reshuffle the others. See README.md for the shapes.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any

from . import catalogue as data

STORE_URL = "https://demooutfitters.example"
OWN_BRAND = "Demo Outfitters"
CENT = Decimal("0.01")

# key -> (display name, SKU code)
COLOURS: dict[str, tuple[str, str]] = {
    "slate": ("Slate Blue", "SLB"), "moss": ("Moss", "MOS"), "ember": ("Ember Red", "EMB"),
    "glacier": ("Glacier White", "GLW"), "black": ("Black", "BLK"), "charcoal": ("Charcoal", "CHR"),
    "ochre": ("Ochre", "OCH"), "fern": ("Fern Green", "FRN"), "dusk": ("Dusk Purple", "DSK"),
    "sand": ("Sand", "SND"), "navy": ("Navy", "NVY"), "rust": ("Rust", "RST"),
    "sky": ("Sky Blue", "SKY"), "heather": ("Heather Grey", "HTR"), "olive": ("Olive", "OLV"),
    "sun": ("Sunflower Yellow", "SUN"), "coral": ("Coral", "CRL"), "plum": ("Plum", "PLM"),
    "forest": ("Forest Green", "FGN"), "orange": ("Safety Orange", "ORG"),
    "bark": ("Bark Brown", "BRN"), "stone": ("Stone Grey", "STN"), "teal": ("Deep Teal", "TEL"),
}  # fmt: skip

# product type -> (SKU code, collections)
TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Jacket": ("JKT", ("Hiking",)), "Vest": ("VST", ("Hiking",)), "Fleece": ("FLC", ("Hiking",)),
    "Base layer": ("BSL", ("Hiking",)), "Shirt": ("SHT", ("Hiking",)),
    "Pants": ("PNT", ("Hiking",)), "Shorts": ("SRT", ("Hiking",)),
    "Headwear": ("HDW", ("Accessories",)), "Gloves": ("GLV", ("Accessories",)),
    "Socks": ("SCK", ("Accessories",)), "Boots": ("BTS", ("Footwear", "Hiking")),
    "Trail shoes": ("TRS", ("Footwear", "Hiking")), "Sandals": ("SND", ("Footwear",)),
    "Backpack": ("BPK", ("Packs", "Hiking")), "Bag": ("BAG", ("Packs", "Travel")),
    "Tent": ("TNT", ("Camping",)), "Sleeping bag": ("SLB", ("Camping",)),
    "Sleeping pad": ("PAD", ("Camping",)), "Trekking poles": ("TPL", ("Hiking",)),
    "Camp kitchen": ("CKT", ("Camping",)), "Lighting": ("LGT", ("Camping",)),
    "Camp furniture": ("FRN", ("Camping",)), "Accessory": ("ACC", ("Accessories",)),
    "Care": ("CAR", ("Gear care",)), "Gift card": ("GFT", ("Gifts",)),
}  # fmt: skip
APPAREL = {"Jacket", "Vest", "Fleece", "Base layer", "Shirt", "Pants", "Shorts"}
FOOTWEAR = {"Boots", "Trail shoes", "Sandals"}
TOPS = {"Jacket", "Vest", "Fleece", "Shirt"}
WEARABLE = APPAREL | FOOTWEAR | {"Headwear", "Gloves", "Socks"}
GIFTABLE = {"Headwear", "Gloves", "Socks", "Shirt", "Lighting", "Camp kitchen", "Accessory"}
AUDIENCES = {"M": ("Men's", "Men"), "W": ("Women's", "Women"), "K": ("", "Kids"), "U": ("", "")}
EXTRA_COLLECTIONS = {
    "rain": "Rain gear", "winter": "Winter", "running": "Running", "climbing": "Climbing",
    "travel": "Travel", "new": "New arrivals", "flagship": "Best sellers",
}  # fmt: skip

ALPHA_SIZES = {"M": "S M L XL XXL", "W": "XS S M L XL", "U": "XS S M L XL XXL", "K": "XS S M L XL"}
SHOE_SIZES = {"M": "7 8 9 10 11 12 13", "W": "5 6 7 8 9 10 11", "K": "11K 12K 13K 1Y 2Y 3Y 4Y"}
HALF_SIZES = {"M": "7 8 8.5 9 9.5 10 10.5 11 12 13", "W": "5 6 6.5 7 7.5 8 8.5 9 10 11"}
WIDE_SIZES = {"M": "8 8.5 9 9.5 10 10.5 11 12 13", "W": "6 6.5 7 7.5 8 8.5 9 10"}
TALL_SIZES = "M L XL XXL"


@dataclass
class Family:
    name: str
    product_type: str
    audience: str
    price: Decimal
    colours: list[str]
    flags: set[str]
    options: dict[str, str] = field(default_factory=dict)
    pitch: str = ""
    features: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)

    def flag_value(self, name: str) -> str | None:
        return next((f.split(":", 1)[1] for f in self.flags if f.startswith(name + ":")), None)


def _h(*parts: object) -> int:
    """A stable 64-bit hash of the parts: the generator's only source of "randomness"."""
    data = "|".join(str(part) for part in parts).encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def _pick(options: Sequence[Any], *parts: object) -> Any:
    return options[_h(*parts) % len(options)]


def _slug(text: str) -> str:
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text.lower().replace("&", "and").replace("'", ""))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _money(value: Decimal) -> str:
    return str(value.quantize(CENT))


def parse_families(text: str = data.FAMILIES) -> list[Family]:
    families: list[Family] = []
    product_type = ""
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.strip().splitlines()
        if lines[0].startswith("## "):
            product_type, lines = lines[0][3:].strip(), lines[1:]
        if not lines:
            continue
        name, audience, price, colours, flags = (part.strip() for part in lines[0].split("|"))
        family = Family(
            name=name,
            product_type=product_type,
            audience=audience,
            price=Decimal(price),
            colours=[] if colours == "-" else colours.split(),
            flags=set(flags.split()),
        )
        pitch: list[str] = []
        for line in lines[1:]:
            if line.startswith("+ "):
                family.features += [item.strip() for item in line[2:].split(";")]
            elif line.startswith("= "):
                for item in line[2:].split("; "):
                    key, value = item.split(": ", 1)
                    family.attributes[key.strip()] = value.strip()
            else:
                pitch.append(line.strip())
        family.pitch = " ".join(pitch)
        for flag in family.flags:
            if flag.startswith("opt:"):
                key, values = flag[4:].split("=", 1)
                family.options[key.replace("_", " ")] = values.replace("_", " ")
        families.append(family)
    return families


def _size_token(value: str) -> str:
    token = re.sub(r"[^A-Za-z0-9]", "", value).upper()
    return token if len(token) <= 5 else token[:3]


def _size_entries(family: Family, audience: str) -> list[tuple[dict[str, str], str, Decimal]]:
    """(options, SKU token, price) for each size-like choice, before colours."""
    if family.options:
        name, values = next(iter(family.options.items()))
        entries = []
        for raw in values.split(","):
            value, price = raw, family.price
            if "+" in raw:
                value, delta = raw.rsplit("+", 1)
                price += Decimal(delta)
            elif "=" in raw:
                value, absolute = raw.rsplit("=", 1)
                price = Decimal(absolute)
            entries.append(({name: value}, _size_token(value), price))
        return entries
    sizes: list[str] = []
    if family.product_type in APPAREL:
        sizes = ALPHA_SIZES[audience].split()
    elif family.product_type in FOOTWEAR:
        table = HALF_SIZES if "half" in family.flags and audience in HALF_SIZES else SHOE_SIZES
        sizes = table.get(audience, SHOE_SIZES["M"]).split()
    if not sizes:
        return [({}, "", family.price)]
    if "wide" in family.flags:
        wide = WIDE_SIZES[audience].split()
        return [
            ({"Size": s, "Width": width}, _size_token(s) + suffix, family.price)
            for width, suffix, values in (("Regular", "", sizes), ("Wide", "W", wide))
            for s in values
        ]
    entries = [({"Size": s}, _size_token(s), family.price) for s in sizes]
    if "tall" in family.flags and audience == "M":
        entries += [({"Size": f"{s} Tall"}, s + "T", family.price) for s in TALL_SIZES.split()]
    return entries


def _sale_price(price: Decimal, pct: int, outlet: bool) -> Decimal:
    whole = (price * (100 - pct) / 100).to_integral_value(rounding=ROUND_FLOOR)
    return whole - (Decimal("0.03") if outlet else Decimal("0.05"))


def _variants(family: Family, audience: str, sku_base: str) -> list[dict[str, Any]]:
    sale, outlet = family.flag_value("sale"), family.flag_value("outlet")
    pct = int(sale or outlet or 0)
    colours = family.colours or [""]
    on_sale = colours if len(colours) <= 2 else colours[-1:]  # 3+ colours: last season's only
    entries = _size_entries(family, audience)
    variants = []
    for index, (options, token, price) in enumerate(entries):
        extreme = index in (0, len(entries) - 1) and len(entries) > 2
        for colour in colours:
            sku = "-".join(p for p in (sku_base, token, COLOURS[colour][1] if colour else "") if p)
            stock_roll = _h("stock", sku) % 100
            out_chance = (14 if extreme else 6) + (12 if pct else 0)
            if len(entries) * len(colours) == 1:
                out_chance = 3  # one-variant gear is rarely out of stock
            if "soldout" in family.flags or stock_roll < out_chance:
                quantity = 0
            elif family.product_type == "Gift card":
                quantity = 1000
            else:
                quantity = 1 + _h("qty", sku) % (48 if price < 100 else 24)
            discounted = bool(pct) and colour in on_sale
            variants.append(
                {
                    "sku": sku,
                    "options": {**options, **({"Color": COLOURS[colour][0]} if colour else {})},
                    "price": _money(_sale_price(price, pct, bool(outlet)) if discounted else price),
                    "compare_at_price": _money(price) if discounted else None,
                    "inventory_quantity": quantity,
                    "available": quantity > 0,
                }
            )
    return variants


def _title(family: Family, audience: str) -> str:
    prefix = AUDIENCES[audience][0]
    if not prefix or prefix in family.name:
        return family.name
    return f"{prefix} {family.name}"


def _tags(family: Family, audience: str, partner: bool) -> list[str]:
    material = family.attributes.get("Material", "").lower()
    waterproof = family.attributes.get("Waterproof rating", "")
    tags = {_slug(family.product_type)}
    if family.product_type in WEARABLE:
        tags.add({"M": "mens", "W": "womens", "K": "kids", "U": "unisex"}[audience])
    tags |= {f[1:] for f in family.flags if f.startswith("#")}
    tags |= {f for f in family.flags if f in EXTRA_COLLECTIONS and f != "flagship"}
    words = ("merino", "down", "recycled", "leather", "titanium", "carbon", "organic cotton")
    tags |= {_slug(word) for word in words if word in material}
    if "pfas-free" in material:
        tags.add("pfas-free")
    if "mm" in waterproof or "membrane" in waterproof:
        tags.add("waterproof")
    for flag, tag in (("flagship", "bestseller"), ("hazmat", "hazmat"), ("shell", "rain-shell")):
        if flag in family.flags:
            tags.add(tag)
    if family.flag_value("sale"):
        tags.add("sale")
    outlet = bool(family.flag_value("outlet"))
    if outlet or "hazmat" in family.flags or family.product_type == "Gift card":
        tags |= {"final-sale", "outlet"} if outlet else {"final-sale"}
    if partner:
        tags.add("partner-brand")
    return sorted(tags)


def _collections(family: Family, audience: str, variants: list[dict[str, Any]]) -> list[str]:
    found = list(TYPES[family.product_type][1])
    group = AUDIENCES[audience][1]
    if group:
        found.append(group)
    elif family.product_type in WEARABLE:
        found.append("Unisex")
    found += [EXTRA_COLLECTIONS[f] for f in sorted(family.flags) if f in EXTRA_COLLECTIONS]
    if family.flag_value("sale"):
        found.append("Sale")
    if family.flag_value("outlet"):
        found.append("Outlet")
    cheapest = min(Decimal(v["price"]) for v in variants)
    gift_ok = "hazmat" not in family.flags and family.product_type in GIFTABLE
    if cheapest <= 50 and gift_ok and "draft" not in family.flags:
        found.append("Gifts under $50")
    return list(dict.fromkeys(found))


def _extras(family: Family, handle: str, partner: bool, key: str) -> list[str]:
    """Care, warranty and spec-sheet sentences (consistent with the help pages)."""
    material = family.attributes.get("Material", "").lower()
    kind = family.product_type
    cares, warranties = data.CARE, data.WARRANTY
    care = (
        cares["shell"] if "shell" in family.flags
        else cares["down"] if "#down" in family.flags
        else cares["merino"] if "merino" in material and kind in APPAREL
        else cares["nubuck"] if "nubuck" in material
        else cares.get(kind)
    )  # fmt: skip
    insulated = bool({"#down", "#synthetic", "#softshell"} & family.flags)
    consumable = "hazmat" in family.flags or "Material" not in family.attributes
    warranty = (
        (None if consumable and kind == "Camp kitchen" else warranties["partner"]) if partner
        else None if "hazmat" in family.flags
        else warranties["shell"] if "shell" in family.flags and kind in {"Jacket", "Pants"}
        else warranties["insulated"] if insulated and kind in {"Jacket", "Vest"}
        else warranties["footwear"] if kind in FOOTWEAR
        else warranties["accessory"] if kind in {"Gloves", "Headwear", "Lighting", "Trekking poles"}
        else warranties.get(kind)
    )  # fmt: skip
    sentences = [s for s in (care, warranty) if s and _h("extra", key, s) % 3]
    if "hazmat" in family.flags or kind == "Gift card":
        sentences.append("This item is final sale and can't be returned.")
    elif family.flag_value("outlet"):
        sentences.append("Outlet items are final sale, but still covered against defects.")
    if "spec" in family.flags:
        url = f"{STORE_URL}/specs/{handle}.pdf"
        sentences.append(f'Full measurements and test results are in the <a href="{url}">'
                         "spec sheet (PDF)</a>.")  # fmt: skip
    return sentences


def _description(family: Family, audience: str, handle: str, partner: bool) -> str:
    e = functools.partial(html.escape, quote=False)
    key = handle
    opening = [e(family.pitch)]
    if audience in data.FIT_NOTES and family.product_type in TOPS and _h("fit", key) % 2:
        opening.append(_pick(data.FIT_NOTES[audience], "fit-note", key))
    blocks = []
    if family.features:
        items = [f[0].upper() + f[1:] for f in family.features]
        if _h("list", key) % 5 < 3:
            blocks.append("<ul>" + "".join(f"<li>{e(item)}</li>" for item in items) + "</ul>")
        else:
            lead = _pick(data.FEATURE_LEADS, "lead", key)
            blocks.append(f"<p>{lead} {e('; '.join(family.features))}.</p>")
    body = []
    if material := family.attributes.get("Material"):
        body.append(_pick(data.MATERIAL_LINES, "material", key).format(m=e(material)))
    if (weight := family.attributes.get("Weight")) and _h("weight", key) % 2:
        body.append(_pick(data.WEIGHT_LINES, "weight", key).format(w=e(weight)))
    body.append(_pick(data.USES[family.product_type], "use", key))
    if len(body) > 1 and _h("merge", key) % 4 == 0:  # sometimes material joins the opening
        opening, body = opening + body[:1], body[1:]
    paragraphs = [" ".join(opening), *blocks]
    if body:
        paragraphs.insert(2 if blocks and _h("order", key) % 2 else 1, " ".join(body))
    if extras := _extras(family, handle, partner, key):
        paragraphs.append(" ".join(extras))
    return "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs[:4])


def _build_product(family: Family, audience: str, number: int) -> dict[str, Any]:
    title = _title(family, audience)
    handle = _slug(title)
    vendor = (family.flag_value("vendor") or OWN_BRAND).replace("_", " ")
    partner = vendor != OWN_BRAND
    code = TYPES[family.product_type][0]
    variants = _variants(family, audience, f"DO-{code}-{number:03d}")
    return {
        "id": str(8_000_000_000_000 + _h("product-id", handle) % 10**12),
        "handle": handle,
        "title": title,
        "description_html": _description(family, audience, handle, partner),
        "vendor": vendor,
        "product_type": family.product_type,
        "tags": _tags(family, audience, partner),
        "status": "draft" if "draft" in family.flags else "active",
        "url": f"{STORE_URL}/products/{handle}",
        "images": [f"/static/catalog/demo/{_slug(family.product_type)}.svg"],
        "collections": _collections(family, audience, variants),
        "attributes": dict(family.attributes),
        "variants": variants,
    }


def all_demo_products() -> list[dict[str, Any]]:
    """Every product in the catalogue: flagships first, then a stable shuffled order."""
    numbers: dict[str, int] = {}
    flagships: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    for family in parse_families():
        audiences = ["M", "W"] if family.audience == "MW" else [family.audience]
        for audience in audiences:
            code = TYPES[family.product_type][0]
            numbers[code] = numbers.get(code, 0) + 1
            product = _build_product(family, audience, numbers[code])
            (flagships if "flagship" in family.flags else others).append(product)
    others.sort(key=lambda p: _h("position", p["handle"]))
    return flagships + others


def demo_products(count: int = 300) -> list[dict[str, Any]]:
    """The first `count` demo products (all flagship products come first)."""
    products = all_demo_products()
    if not 1 <= count <= len(products):
        raise ValueError(f"count must be between 1 and {len(products)}")
    return products[:count]


# --- orders ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Service:
    carriers: tuple[str, ...]
    cost: str
    free_over: int | None  # free-shipping threshold in local currency
    transit: tuple[int, int]  # business days


@dataclass(frozen=True)
class Region:
    currency: str
    rate: Decimal  # local price per USD
    weight: int  # share of customers, %
    standard: Service
    fast: Service


# Carriers, costs and thresholds as in apps/knowledge/demo/shipping.md.
REGIONS = {
    "US": Region("USD", Decimal(1), 76, Service(("USPS", "UPS"), "6.95", 75, (3, 7)),
                 Service(("UPS",), "18.00", None, (2, 2))),
    "CA": Region("CAD", Decimal("1.38"), 9, Service(("UPS",), "19.95", 200, (5, 10)),
                 Service(("UPS",), "44.00", None, (3, 5))),
    "GB": Region("GBP", Decimal("0.79"), 8, Service(("DHL eCommerce",), "12.95", 150, (6, 10)),
                 Service(("DHL Express",), "22.00", None, (3, 5))),
    "EU": Region("EUR", Decimal("0.92"), 7, Service(("DHL eCommerce",), "14.95", 175, (6, 12)),
                 Service(("DHL Express",), "25.00", None, (3, 5))),
}  # fmt: skip
TRACKING_URLS = {
    "UPS": "https://www.ups.com/track?tracknum={}",
    "USPS": "https://tools.usps.com/go/TrackConfirmAction?tLabels={}",
    "DHL Express": "https://www.dhl.com/us-en/home/tracking.html?tracking-id={}",
    "DHL eCommerce": "https://www.dhl.com/us-en/home/tracking.html?tracking-id={}",
}
PACIFIC = timezone(timedelta(hours=-7), "PT")  # a fixed offset keeps the data tz-database free
ORDERS_START = datetime(2026, 8, 1, tzinfo=PACIFIC)
ORDERS_NOW = datetime(2026, 12, 1, tzinfo=PACIFIC)  # "today" for fulfilment states
BLACK_FRIDAY_DAY = 118  # November 27, 2026
PEAK_SEASON = datetime(2026, 11, 20, tzinfo=PACIFIC)


@dataclass(frozen=True)
class Customer:
    name: str
    email: str
    region: str


def demo_customers(count: int = 180) -> list[Customer]:
    customers: list[Customer] = []
    seen: set[str] = set()
    index = 0
    while len(customers) < count:
        first = _pick(data.FIRST_NAMES, "first", index)
        last = _pick(data.LAST_NAMES, "last", index)
        index += 1
        if f"{first} {last}" in seen:
            continue
        seen.add(f"{first} {last}")
        roll, region = _h("region", first, last) % 100, "US"
        for code, info in REGIONS.items():
            if roll < info.weight:
                region = code
                break
            roll -= info.weight
        email = f"{first.lower()}.{last.lower()}@example.com"
        customers.append(Customer(f"{first} {last}", email, region))
    return customers


def _add_business_days(moment: datetime, days: int) -> datetime:
    while days > 0 or moment.weekday() >= 5:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            days -= 1
    return moment


def _tracking_number(carrier: str, key: str) -> str:
    digits = str(_h("tracking", key)).zfill(20)
    if carrier == "UPS":
        return f"1ZV83E47{digits[:10]}"
    if carrier == "USPS":
        return f"9400{digits[:18]}"
    return digits[:10] if carrier == "DHL Express" else f"GM{digits[:18]}"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _order_lines(products: list[dict[str, Any]], key: str, rate: Decimal) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    count = 1 + sum(_h("lines", key, n) % 100 < chance for n, chance in enumerate((45, 18, 6)))
    used: set[str] = set()
    for n in range(count * 3):
        product = _pick(products, "product", key, n)
        if product["handle"] in used:
            continue
        used.add(product["handle"])
        in_stock = [v for v in product["variants"] if v["available"]] or product["variants"]
        variant = _pick(in_stock, "variant", key, n)
        multi = product["product_type"] in {"Socks", "Care", "Camp kitchen"}
        quantity = 1 + (_h("qty", key, n) % 3 if multi else int(_h("qty", key, n) % 100 < 6))
        price = Decimal(variant["price"])
        if rate != 1:  # local prices are rounded up to whole units
            price = (price * rate).to_integral_value(rounding=ROUND_CEILING)
        suffix = " / ".join(variant["options"].values())
        title = f"{product['title']} - {suffix}" if suffix else product["title"]
        lines.append({"sku": variant["sku"], "title": title, "quantity": quantity,
                      "price": _money(price)})  # fmt: skip
        if len(lines) == count:
            break
    return lines


def _placed_at(index: int) -> datetime:
    roll = _h("day", index) % 100
    day = BLACK_FRIDAY_DAY + roll % 4 if roll < 16 else _h("day2", index) % 122
    minutes = 7 * 60 + _h("minute", index) % (16 * 60)  # 7:00 am to 11:00 pm Pacific time
    return ORDERS_START + timedelta(days=day, minutes=minutes)


def _fulfillments(
    key: str, placed: datetime, service: Service, parcels: int
) -> list[dict[str, Any]]:
    """Parcels shipped so far: same day before the 1:00 pm cut-off, slower in peak season."""
    carrier = _pick(service.carriers, "carrier", key)
    low, high = service.transit
    found = []
    for parcel in range(parcels):
        wait = int(placed.hour >= 13) + (_h("peak", key) % 3 if placed >= PEAK_SEASON else 0)
        if parcel:  # a back-ordered item follows in a second parcel
            wait += 2 + _h("backorder", key) % 8
        shipped = _add_business_days(placed, wait).replace(hour=16, minute=10 + 7 * parcel)
        if shipped > ORDERS_NOW:
            break
        parcel_key = f"{key}-{parcel}"
        arrives = _add_business_days(shipped, low + _h("transit", parcel_key) % (high - low + 1))
        status = "delivered" if arrives <= ORDERS_NOW else "in_transit"
        if status == "in_transit" and arrives.date() == ORDERS_NOW.date():
            status = "out_for_delivery"
        if ORDERS_NOW - shipped < timedelta(hours=12):
            status = "label_created"
        if arrives < ORDERS_NOW - timedelta(days=5) and _h("lost", parcel_key) % 100 < 2:
            status = "exception"  # no carrier scans for days: a trace case for support
        number = _tracking_number(carrier, parcel_key)
        found.append(
            {
                "carrier": carrier,
                "tracking_number": number,
                "tracking_url": TRACKING_URLS[carrier].format(number),
                "status": status,
                "shipped_at": _utc(shipped),
            }
        )
    return found


def demo_orders(products: list[dict[str, Any]], count: int = 300) -> list[dict[str, Any]]:
    """`count` orders placed between August and November 2026 over the given products."""
    sellable = [
        p for p in products
        if p["status"] == "active" and p["product_type"] != "Gift card" and p["variants"]
    ]  # fmt: skip
    weighted = sellable + [p for p in sellable if "bestseller" in p["tags"]] * 2
    no_hazmat = [p for p in weighted if "hazmat" not in p["tags"]]  # US-only goods
    customers = demo_customers()
    orders = []
    for index in range(count):
        key = f"order-{index}"
        customer = _pick(customers, "customer", index)
        region = REGIONS[customer.region]
        placed = _placed_at(index)
        lines = _order_lines(weighted if customer.region == "US" else no_hazmat, key, region.rate)
        subtotal = sum((Decimal(line["price"]) * line["quantity"] for line in lines), Decimal(0))
        service = region.fast if _h("express", key) % 100 < 12 else region.standard
        free = service.free_over is not None and subtotal >= service.free_over
        shipping = Decimal(0) if free else Decimal(service.cost)
        roll = _h("outcome", key) % 100
        cancelled = roll < 3
        parcels = 2 if len(lines) > 1 and _h("split", key) % 100 < 20 else 1
        fulfillments = [] if cancelled else _fulfillments(key, placed, service, parcels)
        shipped = len(fulfillments)
        delivered = all(f["status"] == "delivered" for f in fulfillments)
        fulfillment_status = (
            "unfulfilled" if not shipped else "fulfilled" if shipped == parcels else "partial"
        )
        financial = "paid" if shipped else "pending"  # cards are charged when an order ships
        if cancelled:
            financial = "refunded"
        elif fulfillment_status == "fulfilled" and delivered and 3 <= roll < 14:
            partial = roll >= 7 and (len(lines) > 1 or lines[0]["quantity"] > 1)
            financial = "partially_refunded" if partial else "refunded"
        closed = fulfillment_status == "fulfilled" and delivered
        orders.append(
            {
                "number": "",
                "email": customer.email,
                "name": customer.name,
                "status": "cancelled" if cancelled else "closed" if closed else "open",
                "financial_status": financial,
                "fulfillment_status": fulfillment_status,
                "currency": region.currency,
                "placed_at": _utc(placed),
                "lines": lines,
                "fulfillments": fulfillments,
                "total": _money(subtotal + shipping),
            }
        )
    orders.sort(key=lambda order: order["placed_at"])
    number = 2_041_000
    for index, order in enumerate(orders):
        number += 1 + _h("number", index) % 23  # other sales channels share the sequence
        order["number"] = f"DO-{number:07d}"
    return orders
