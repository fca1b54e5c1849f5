"""Writes products.json and orders.json for "Brightwell Home", the second demo store:
home electronics and household goods, written independently of Demo Outfitters and never
tuned on. Run `python -m apps.catalog.demo.second_store.generate` after editing a family;
nothing is random (every choice is a hash of stable keys), so the output is identical on
every run. Products have no descriptions on purpose: titles, types, tags, options, prices and
stock only, as many real catalogs are."""

from __future__ import annotations

import hashlib
import itertools
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STORE_URL = "https://brightwellhome.example"
VENDOR = "Brightwell Home"

# (title, product type, tags, base price, [(option name, [(value, price delta), ...]), ...])
Option = tuple[str, list[tuple[str, int]]]
FAMILIES: list[tuple[str, str, str, int, list[Option]]] = [
    ("Lumo 10 Tablet", "Tablet", "tablet android", 279, [
        ("Storage", [("64 GB", 0), ("128 GB", 50), ("256 GB", 130)]),
        ("Frame color", [("Graphite", 0), ("Silver", 0), ("Rose Gold", 0)]),
        ("Connectivity", [("Wi-Fi", 0), ("Wi-Fi + LTE", 120)]),
        ("Screen size", [("10.4-inch", 0)]),
    ]),
    ("Lumo 8 Mini Tablet", "Tablet", "tablet kids android", 149, [
        ("Storage", [("32 GB", 0), ("64 GB", 30), ("128 GB", 70)]),
        ("Frame color", [("Graphite", 0), ("Mint", 0)]),
        ("Connectivity", [("Wi-Fi", 0)]),
        ("Screen size", [("8-inch", 0)]),
    ]),
    ("Pagewise E-Reader", "E-reader", "ereader reading", 119, [
        ("Storage", [("8 GB", 0), ("32 GB", 30)]),
        ("Frame color", [("Black", 0), ("Sand", 0)]),
        ("Lock screen ads", [("With offers", 0), ("Without offers", 20)]),
        ("Connectivity", [("Wi-Fi", 0), ("Wi-Fi + 4G", 70)]),
    ]),
    ("Pagewise Pro E-Reader", "E-reader", "ereader reading waterproof", 189, [
        ("Storage", [("16 GB", 0), ("32 GB", 25)]),
        ("Frame color", [("Black", 0), ("Denim Blue", 0)]),
        ("Front light", [("Warm light", 0)]),
        ("Screen size", [("7-inch", 0)]),
        ("Connectivity", [("Wi-Fi", 0), ("Wi-Fi + 4G", 70)]),
    ]),
    ("Soundnest Over-Ear Headphones", "Headphones", "audio wireless noise-cancelling", 229, [
        ("Color", [("Midnight", 0), ("Chalk", 0), ("Sage", 0)]),
        ("Connectivity", [("Bluetooth 5.3", 0)]),
        ("Noise cancelling", [("Active", 0)]),
        ("Cable", [("USB-C cable", 0), ("USB-C + 3.5 mm cable", 10)]),
    ]),
    ("Soundnest Buds", "Earbuds", "audio wireless earbuds", 129, [
        ("Color", [("Midnight", 0), ("Chalk", 0), ("Coral", 0)]),
        ("Charging case", [("Standard", 0), ("Wireless charging", 20)]),
        ("Ear tip material", [("Silicone", 0), ("Memory foam", 15)]),
        ("Connectivity", [("Bluetooth 5.3", 0)]),
    ]),
    ("Beacon Smart Speaker", "Speaker", "audio smart-home voice-assistant", 79, [
        ("Color", [("Charcoal", 0), ("Fog", 0)]),
        ("Size", [("Mini", 0), ("Standard", 40), ("Max", 120)]),
        ("Power source", [("Mains", 0), ("Rechargeable battery", 30)]),
        ("Connectivity", [("Wi-Fi + Bluetooth", 0)]),
    ]),
    ("Beacon Soundbar 300", "Soundbar", "audio tv home-theater", 299, [
        ("Color", [("Black", 0), ("White", 0)]),
        ("Channels", [("2.1", 0), ("3.1", 80), ("5.1", 200)]),
        ("Connectivity", [("HDMI eARC", 0), ("Optical + Bluetooth", 0)]),
        ("Mount", [("Shelf", 0), ("Wall bracket", 25)]),
    ]),
    ("Clearview 4K Smart TV", "TV", "tv 4k smart-tv", 599, [
        ("Screen size", [("43-inch", -200), ("55-inch", 0), ("65-inch", 300)]),
        ("Panel", [("LED", 0), ("QLED", 250)]),
        ("Stand", [("Feet", 0), ("Center pedestal", 40)]),
        ("Smart platform", [("Google TV", 0)]),
    ]),
    ("Clearview Home Projector", "Projector", "projector home-theater", 499, [
        ("Resolution", [("1080p", 0), ("4K", 400)]),
        ("Lens type", [("Standard throw", 0), ("Short throw", 250)]),
        ("Light source", [("LED", 0)]),
        ("Color", [("White", 0), ("Grey", 0)]),
    ]),
    ("Snapline Action Camera", "Camera", "camera action waterproof", 249, [
        ("Color", [("Black", 0), ("Arctic White", 0)]),
        ("Memory card", [("None", 0), ("64 GB", 25), ("128 GB", 45)]),
        ("Mount kit", [("Basic", 0), ("Bike", 15), ("Dive housing", 35)]),
        ("Battery", [("Single", 0), ("Double", 29)]),
    ]),
    ("Snapline Instant Camera", "Camera", "camera instant film gift", 79, [
        ("Color", [("Blush", 0), ("Mint", 0), ("Ink", 0)]),
        ("Film pack", [("No film", 0), ("10 shots", 12), ("20 shots", 22)]),
        ("Lens type", [("Standard", 0), ("Close-up", 15)]),
        ("Power source", [("AA batteries", 0), ("Rechargeable", 10)]),
    ]),
    ("Prism M50 Mirrorless Camera", "Camera", "camera mirrorless photography", 749, [
        ("Kit", [("Body only", 0), ("15-45mm lens", 150), ("18-150mm lens", 380)]),
        ("Color", [("Black", 0), ("Silver", 0)]),
        ("Memory card", [("No card", 0), ("128 GB", 40)]),
        ("Menu language", [("English", 0)]),
    ]),
    ("Orbit Robot Vacuum", "Vacuum", "cleaning robot vacuum smart-home", 299, [
        ("Model", [("R5", 0), ("R7", 150)]),
        ("Color", [("Black", 0), ("White", 0)]),
        ("Mop attachment", [("No", 0), ("Yes", 60)]),
        ("Dock", [("Standard dock", 0), ("Self-empty base", 200)]),
        ("Power source", [("Battery", 0)]),
    ]),
    ("Tidewell Cordless Stick Vacuum", "Vacuum", "cleaning cordless vacuum", 249, [
        ("Color", [("Lilac", 0), ("Slate", 0)]),
        ("Battery", [("Single", 0), ("Dual", 79)]),
        ("Capacity", [("0.5 L", 0), ("0.8 L", 40)]),
        ("Power source", [("Battery", 0)]),
    ]),
    ("Aerio Air Purifier", "Air purifier", "air allergy hepa", 149, [
        ("Room size", [("Small room", 0), ("Large room", 80)]),
        ("Filter type", [("HEPA", 0), ("HEPA + Carbon", 30)]),
        ("Color", [("White", 0), ("Stone", 0)]),
        ("Connectivity", [("None", 0), ("Wi-Fi", 40)]),
    ]),
    ("Aerio Dehumidifier", "Dehumidifier", "air damp basement", 189, [
        ("Capacity", [("12 L/day", 0), ("20 L/day", 60), ("30 L/day", 120)]),
        ("Drain", [("Tank only", 0), ("With pump", 40)]),
        ("Color", [("White", 0)]),
        ("Plug type", [("US", 0)]),
    ]),
    ("Kettlebrook Electric Kettle", "Kettle", "kitchen kettle tea", 49, [
        ("Capacity", [("1.0 L", 0), ("1.7 L", 10)]),
        ("Material", [("Stainless steel", 0), ("Glass", 5), ("Matte ceramic", 25)]),
        ("Color", [("Black", 0), ("Cream", 0), ("Sage", 0)]),
        ("Temperature control", [("Fixed", 0), ("Variable", 20)]),
    ]),
    ("Brewline Espresso Machine", "Coffee machine", "kitchen coffee espresso", 399, [
        ("Type", [("Manual", 0), ("Automatic", 300)]),
        ("Pressure", [("9 bar", 0), ("15 bar", 50)]),
        ("Milk frother", [("Steam wand", 0), ("Auto frother", 80)]),
        ("Color", [("Steel", 0), ("Black", 0)]),
    ]),
    ("Brewline Drip Coffee Maker", "Coffee machine", "kitchen coffee", 59, [
        ("Capacity", [("6 cups", 0), ("10 cups", 20), ("12 cups", 30)]),
        ("Carafe", [("Glass", 0), ("Thermal", 25)]),
        ("Color", [("Black", 0), ("White", 0)]),
        ("Timer", [("No timer", 0), ("Programmable", 15)]),
    ]),
    ("Crumb Toaster", "Toaster", "kitchen toaster breakfast", 59, [
        ("Slots", [("2-slice", 0), ("4-slice", 25)]),
        ("Material", [("Brushed steel", 0), ("Matte plastic", -10)]),
        ("Color", [("Cream", 0), ("Black", 0), ("Sage", 0)]),
        ("Bagel setting", [("Yes", 0)]),
    ]),
    ("Pressa Multi Cooker", "Multi cooker", "kitchen pressure-cooker air-fryer", 99, [
        ("Capacity", [("3 qt", 0), ("6 qt", 30), ("8 qt", 60)]),
        ("Inner pot", [("Stainless steel", 0), ("Ceramic nonstick", 15)]),
        ("Lid", [("Pressure", 0), ("Pressure + Air fry", 70)]),
        ("Plug type", [("US", 0)]),
    ]),
    ("Freshkeep Blender", "Blender", "kitchen blender smoothie", 89, [
        ("Power", [("800 W", 0), ("1200 W", 50)]),
        ("Jar material", [("Glass", 0), ("Tritan", 10)]),
        ("Jar capacity", [("1.5 L", 0), ("2 L", 20)]),
        ("Color", [("Black", 0), ("Red", 0)]),
    ]),
    ("Chillbox Mini Fridge", "Fridge", "kitchen fridge dorm", 129, [
        ("Capacity", [("25 L", 0), ("45 L", 60)]),
        ("Color", [("Black", 0), ("Retro Blue", 0), ("Cream", 0)]),
        ("Power source", [("Mains", 0), ("Mains + 12 V car", 35)]),
        ("Door hinge", [("Right", 0), ("Left", 0)]),
    ]),
    ("Glowpath Smart Bulb 4-Pack", "Smart lighting", "lighting smart-home bulb", 39, [
        ("Fitting", [("E26", 0), ("E12", 0), ("GU10", 5)]),
        ("Light color", [("Tunable white", 0), ("White + color", 20)]),
        ("Connectivity", [("Wi-Fi", 0), ("Zigbee", 0)]),
        ("Brightness", [("800 lm", 0), ("1100 lm", 8)]),
    ]),
    ("Glowpath LED Light Strip", "Smart lighting", "lighting smart-home led", 29, [
        ("Length", [("2 m", 0), ("5 m", 15), ("10 m", 35)]),
        ("Connectivity", [("Wi-Fi", 0), ("Bluetooth", -5)]),
        ("Power source", [("USB", 0), ("Mains adapter", 6)]),
        ("Rating", [("Indoor", 0), ("Waterproof", 10)]),
    ]),
    ("Lumen Desk Lamp", "Lamp", "lighting office desk", 69, [
        ("Finish", [("Matte black", 0), ("Brushed brass", 20), ("White", 0)]),
        ("Base", [("Weighted base", 0), ("Clamp", 0)]),
        ("Wireless charger", [("No", 0), ("Yes", 25)]),
        ("Color temperature", [("Adjustable", 0)]),
    ]),
    ("Homeguard Video Doorbell", "Security", "security smart-home doorbell", 129, [
        ("Power source", [("Wired", 0), ("Battery", 20)]),
        ("Color", [("Satin Nickel", 0), ("Black", 0)]),
        ("Resolution", [("1080p", 0), ("2K", 40)]),
        ("Chime", [("No chime", 0), ("Plug-in chime", 25)]),
    ]),
    ("Homeguard Indoor Camera", "Security", "security smart-home camera", 39, [
        ("Resolution", [("1080p", 0), ("2K", 15)]),
        ("Lens type", [("Fixed", 0), ("Pan and tilt", 20)]),
        ("Color", [("White", 0), ("Black", 0)]),
        ("Storage", [("Cloud only", 0), ("microSD 32 GB", 10)]),
    ]),
    ("Homeguard Smart Lock", "Lock", "security smart-home lock", 199, [
        ("Finish", [("Satin Nickel", 0), ("Matte Black", 0), ("Bronze", 10)]),
        ("Keypad", [("Touchscreen", 0), ("Fingerprint", 60)]),
        ("Connectivity", [("Bluetooth", 0), ("Wi-Fi", 40)]),
        ("Door thickness", [("1.375-2 in", 0)]),
    ]),
    ("Thermo Smart Thermostat", "Thermostat", "smart-home heating energy", 169, [
        ("Color", [("White", 0), ("Black", 0), ("Mirror", 20)]),
        ("Room sensors", [("None", 0), ("1 sensor", 39), ("3 sensors", 99)]),
        ("Power source", [("C-wire", 0), ("Power adapter", 15)]),
        ("Connectivity", [("Wi-Fi", 0)]),
    ]),
    ("Ventora Tower Fan", "Fan", "cooling summer fan", 79, [
        ("Height", [("36-inch", 0), ("42-inch", 20)]),
        ("Color", [("White", 0), ("Black", 0)]),
        ("Remote", [("No remote", 0), ("With remote", 10)]),
        ("Connectivity", [("None", 0), ("Wi-Fi", 30)]),
    ]),
    ("Ventora Space Heater", "Heater", "heating winter heater", 59, [
        ("Wattage", [("750 W", 0), ("1500 W", 20)]),
        ("Type", [("Ceramic", 0), ("Oil-filled", 40)]),
        ("Color", [("White", 0), ("Grey", 0)]),
        ("Thermostat", [("Manual", 0), ("Digital", 15)]),
    ]),
    ("Kindlewood Cast Iron Skillet", "Cookware", "kitchen cookware cast-iron", 35, [
        ("Size", [("8-inch", 0), ("10-inch", 10), ("12-inch", 20)]),
        ("Finish", [("Pre-seasoned", 0), ("Enameled", 30)]),
        ("Color", [("Black", 0), ("Red", 0), ("Teal", 0)]),
        ("Handle", [("Standard", 0), ("Helper handle", 5)]),
    ]),
    ("Stackwise Cookware Set", "Cookware", "kitchen cookware pots pans", 149, [
        ("Pieces", [("5-piece", 0), ("10-piece", 90)]),
        ("Material", [("Stainless steel", 0), ("Hard-anodized", 20), ("Ceramic nonstick", 10)]),
        ("Color", [("Graphite", 0), ("Cream", 0)]),
        ("Lids", [("Glass", 0)]),
    ]),
    ("Sharpline Chef's Knife", "Knife", "kitchen knife cutlery", 59, [
        ("Blade length", [("6-inch", 0), ("8-inch", 15), ("10-inch", 30)]),
        ("Steel", [("German steel", 0), ("Japanese VG-10", 60)]),
        ("Handle material", [("Walnut", 0), ("Black composite", 0)]),
        ("Sheath", [("No sheath", 0), ("With sheath", 12)]),
    ]),
    ("Cloudrest Pillow", "Bedding", "bedroom pillow sleep", 39, [
        ("Size", [("Standard", 0), ("Queen", 10), ("King", 20)]),
        ("Fill", [("Memory foam", 0), ("Down alternative", 0)]),
        ("Firmness", [("Soft", 0), ("Medium", 0), ("Firm", 0)]),
        ("Cover material", [("Cotton", 0), ("Bamboo", 8)]),
    ]),
    ("Cloudrest Duvet", "Bedding", "bedroom duvet comforter sleep", 129, [
        ("Size", [("Twin", 0), ("Queen", 40), ("King", 70)]),
        ("Warmth", [("Light", 0), ("All-season", 20), ("Winter", 40)]),
        ("Fill", [("Down", 0), ("Down alternative", -50)]),
        ("Cover material", [("Cotton", 0)]),
    ]),
    ("Loomline Bath Towel Set", "Towels", "bathroom towels", 39, [
        ("Pieces", [("2-piece", 0), ("4-piece", 20), ("6-piece", 40)]),
        ("Color", [("White", 0), ("Sea Glass", 0), ("Charcoal", 0), ("Blush", 0)]),
        ("Material", [("Cotton", 0), ("Turkish cotton", 15)]),
        ("Weight", [("600 gsm", 0)]),
    ]),
    ("Loomline Bed Sheet Set", "Bedding", "bedroom sheets", 79, [
        ("Size", [("Twin", 0), ("Full", 15), ("Queen", 25), ("King", 40)]),
        ("Material", [("Percale cotton", 0), ("Sateen", 20), ("Linen", 70)]),
        ("Color", [("White", 0), ("Oat", 0), ("Slate", 0)]),
        ("Pillowcases", [("2 included", 0)]),
    ]),
    ("Tidy Laundry Hamper", "Laundry", "laundry storage", 35, [
        ("Capacity", [("60 L", 0), ("90 L", 10)]),
        ("Material", [("Seagrass", 0), ("Cotton canvas", -5)]),
        ("Lid", [("With lid", 0), ("No lid", -5)]),
        ("Color", [("Natural", 0), ("Grey", 0)]),
    ]),
    ("Aquaflow Shower Head", "Bathroom", "bathroom shower", 45, [
        ("Finish", [("Chrome", 0), ("Matte Black", 10), ("Brushed Nickel", 8)]),
        ("Spray modes", [("3 modes", 0), ("5 modes", 10)]),
        ("Flow rate", [("1.8 GPM", 0), ("2.5 GPM", 0)]),
        ("Filter", [("No filter", 0), ("With filter", 15)]),
    ]),
    ("Brightwell Power Bank", "Charging", "charging portable battery travel", 29, [
        ("Capacity", [("10,000 mAh", 0), ("20,000 mAh", 20), ("26,800 mAh", 40)]),
        ("Color", [("Black", 0), ("White", 0), ("Lilac", 0)]),
        ("Ports", [("USB-C", 0), ("USB-C + USB-A", 5)]),
        ("Wireless charging", [("No", 0), ("Yes", 15)]),
    ]),
    ("Brightwell USB-C Wall Charger", "Charging", "charging charger travel", 25, [
        ("Wattage", [("30 W", 0), ("65 W", 15), ("100 W", 30)]),
        ("Ports", [("1 port", 0), ("3 ports", 12)]),
        ("Plug type", [("US", 0), ("UK", 0), ("EU", 0)]),
        ("Color", [("White", 0), ("Black", 0)]),
    ]),
    ("Brightwell Charging Cable", "Charging", "charging cable", 12, [
        ("Length", [("1 m", 0), ("2 m", 4)]),
        ("Connector", [("USB-C to USB-C", 0), ("USB-C to Lightning", 3)]),
        ("Material", [("Braided nylon", 0), ("Silicone", 2)]),
        ("Color", [("Black", 0), ("White", 0), ("Blue", 0)]),
    ]),
    ("Keystroke Mechanical Keyboard", "Keyboard", "office computer gaming keyboard", 99, [
        ("Layout", [("Full size", 0), ("TKL", -15), ("75%", -10)]),
        ("Switch type", [("Red linear", 0), ("Brown tactile", 0), ("Blue clicky", 0)]),
        ("Connectivity", [("Wired", 0), ("Wireless", 30)]),
        ("Keycap material", [("ABS", 0), ("PBT", 15)]),
    ]),
    ("Glide Wireless Mouse", "Mouse", "office computer mouse", 39, [
        ("Color", [("Black", 0), ("White", 0), ("Pink", 0)]),
        ("Connectivity", [("Bluetooth", 0), ("USB receiver", 0)]),
        ("Grip", [("Right-handed", 0), ("Left-handed", 5)]),
        ("Battery", [("AA", 0), ("Rechargeable", 10)]),
    ]),
    ("Vista Monitor", "Monitor", "office computer monitor display", 329, [
        ("Screen size", [("24-inch", -70), ("27-inch", 0), ("32-inch", 120)]),
        ("Resolution", [("QHD", 0), ("4K", 150)]),
        ("Refresh rate", [("60 Hz", 0), ("144 Hz", 60)]),
        ("Stand", [("Fixed", 0), ("Height-adjustable", 35)]),
    ]),
    ("Deskline Standing Desk", "Desk", "office furniture desk", 399, [
        ("Top size", [("48 x 24 in", 0), ("55 x 28 in", 50), ("60 x 30 in", 80)]),
        ("Top material", [("Bamboo", 0), ("Walnut laminate", 0), ("White laminate", -20)]),
        ("Frame color", [("Black", 0), ("White", 0), ("Silver", 0)]),
        ("Motor", [("Single motor", 0), ("Dual motor", 100)]),
    ]),
    ("Deskline Office Chair", "Chair", "office furniture chair ergonomic", 249, [
        ("Color", [("Black", 0), ("Grey", 0), ("Navy", 0)]),
        ("Material", [("Mesh", 0), ("Fabric", 0), ("Vegan leather", 60)]),
        ("Armrests", [("Fixed", 0), ("4D adjustable", 45)]),
        ("Headrest", [("No headrest", 0), ("With headrest", 35)]),
    ]),
    ("Trailhop Smartwatch", "Smartwatch", "wearable fitness watch gps", 249, [
        ("Case size", [("41 mm", 0), ("45 mm", 30)]),
        ("Case material", [("Aluminum", 0), ("Stainless steel", 150)]),
        ("Band", [("Sport band", 0), ("Leather", 40), ("Milanese loop", 60)]),
        ("Connectivity", [("GPS", 0), ("GPS + Cellular", 100)]),
    ]),
    ("Pixelframe Digital Photo Frame", "Photo frame", "gift photo frame", 99, [
        ("Screen size", [("8-inch", 0), ("10-inch", 30), ("15-inch", 90)]),
        ("Frame color", [("Black", 0), ("White", 0), ("Walnut", 10)]),
        ("Storage", [("16 GB", 0), ("32 GB", 15)]),
        ("Connectivity", [("Wi-Fi", 0)]),
    ]),
    ("Snug Electric Blanket", "Bedding", "bedroom heated blanket winter", 69, [
        ("Size", [("Throw", 0), ("Queen", 50), ("King", 80)]),
        ("Material", [("Fleece", 0), ("Sherpa", 15)]),
        ("Color", [("Grey", 0), ("Oatmeal", 0)]),
        ("Controller", [("Single", 0), ("Dual", 20)]),
        ("Auto shut-off", [("10 hours", 0)]),
    ]),
    ("Frostline Ice Maker", "Kitchen appliance", "kitchen ice summer", 139, [
        ("Capacity", [("26 lb/day", 0), ("40 lb/day", 60)]),
        ("Color", [("Silver", 0), ("Black", 0), ("Red", 0)]),
        ("Ice shape", [("Bullet", 0), ("Nugget", 120)]),
        ("Self-cleaning", [("Yes", 0)]),
    ]),
]  # fmt: skip

FIRST_NAMES = [
    "Amara",
    "Bastian",
    "Chidi",
    "Delphine",
    "Emeka",
    "Farah",
    "Gideon",
    "Hana",
    "Ilse",
    "Jomo",
    "Keiko",
    "Lorenzo",
    "Mireille",
    "Nils",
    "Odette",
    "Pavel",
    "Quinn",
    "Rosalind",
    "Soren",
    "Tamsin",
    "Ugo",
    "Valentina",
    "Wendell",
    "Ximena",
    "Yusuf",
    "Zofia",
    "Anouk",
    "Bertrand",
    "Carmela",
    "Dashiell",
    "Esme",
    "Florian",
    "Greer",
    "Hamid",
    "Ines",
    "Joaquin",
]
LAST_NAMES = [
    "Abernathy",
    "Bergstrom",
    "Castellanos",
    "Dubois",
    "Eze",
    "Fairweather",
    "Gallagher",
    "Hoang",
    "Ivanova",
    "Jaramillo",
    "Kowalczyk",
    "Lindqvist",
    "Mbeki",
    "Nakashima",
    "Okafor",
    "Petrakis",
    "Quintero",
    "Rasmussen",
    "Szabo",
    "Thorne",
    "Umarov",
    "Vasquez",
    "Whitlock",
    "Yilmaz",
    "Zimmerman",
    "Achebe",
    "Brennan",
    "Costa",
]
CARRIERS = (
    ("UPS", "1Z{}", "https://www.ups.com/track?tracknum={}"),
    ("FedEx", "{}", "https://www.fedex.com/fedextrack/?trknbr={}"),
    ("USPS", "9400{}", "https://tools.usps.com/go/TrackConfirmAction?tLabels={}"),
)
# the store's own order states, with how often they occur (per 100 orders)
STATE_SHARES = (
    ("pending", 6),
    ("processed", 10),
    ("shipped", 22),
    ("delivered", 48),
    ("cancelled", 8),
    ("return requested", 6),
)


def _h(*keys: object) -> int:
    return int(hashlib.sha256("|".join(map(str, keys)).encode()).hexdigest()[:12], 16)


def _slug(text: str) -> str:
    out = "".join(c.lower() if c.isalnum() else "-" for c in text.replace("'", ""))
    return "-".join(part for part in out.split("-") if part)


def products() -> list[dict[str, Any]]:
    items = []
    for index, (title, product_type, tags, base, options) in enumerate(FAMILIES, start=1):
        handle = _slug(title)
        variants = []
        combos = itertools.product(*(values for _, values in options))
        for number, combo in enumerate(combos, start=1):
            price = Decimal(base + sum(delta for _, delta in combo)) - Decimal("0.01")
            roll = _h("stock", handle, number) % 100
            quantity = 0 if roll < 20 else 1 + _h("quantity", handle, number) % 40
            variants.append(
                {
                    "sku": f"BW-{index:03d}-{number:02d}",
                    "options": {
                        name: value for (name, _), (value, _) in zip(options, combo, strict=True)
                    },
                    "price": f"{price:.2f}",
                    "compare_at_price": None,
                    "inventory_quantity": quantity,
                    "available": quantity > 0,
                }
            )
        items.append(
            {
                "id": str(7_300_000 + index),
                "handle": handle,
                "title": title,
                "vendor": VENDOR,
                "product_type": product_type,
                "tags": sorted(tags.split()),
                "status": "active",
                "url": f"{STORE_URL}/products/{handle}",
                "images": [],
                "collections": [product_type],
                "variants": variants,
            }
        )
    return items


def _state(index: int) -> str:
    roll = _h("state", index) % 100
    for state, share in STATE_SHARES:
        if roll < share:
            return state
        roll -= share
    raise AssertionError("shares add up to 100")


def orders(catalog: list[dict[str, Any]], count: int = 320) -> list[dict[str, Any]]:
    """`count` orders from September to November 2026 in the store's own export shape: its own
    status words in "status" and "placed_at": null where its old system kept no date."""
    start = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
    number = 318_000
    result = []
    for index in range(count):
        number += 1 + _h("number", index) % 17
        first = FIRST_NAMES[_h("first", index) % len(FIRST_NAMES)]
        last = LAST_NAMES[_h("last", index) % len(LAST_NAMES)]
        placed = start + timedelta(minutes=index * 395 + _h("minute", index) % 300)
        lines = []
        for position in range(1 + (_h("lines", index) % 100 > 70)):
            product = catalog[_h("product", index, position) % len(catalog)]
            variant = product["variants"][_h("variant", index, position) % len(product["variants"])]
            lines.append(
                {
                    "sku": variant["sku"],
                    "title": product["title"],
                    "variant_title": " / ".join(variant["options"].values()),
                    "quantity": 1 + (_h("qty", index, position) % 10 == 0),
                    "price": variant["price"],
                }
            )
        state = _state(index)
        tracked = state in {"shipped", "delivered", "return requested"} or (
            state == "cancelled" and _h("label", index) % 2 == 0
        )
        fulfillments = []
        if tracked:
            carrier, pattern, url = CARRIERS[_h("carrier", index) % len(CARRIERS)]
            tracking = pattern.format(f"{_h('tracking', index) % 10**16:016d}")
            shipped = placed + timedelta(hours=20 + _h("ship", index) % 50)
            delivered = shipped + timedelta(days=2 + _h("transit", index) % 5)
            fulfillments.append(
                {
                    "carrier": carrier,
                    "tracking_number": tracking,
                    "tracking_url": url.format(tracking),
                    "shipped_at": None if state == "cancelled" else _iso(shipped),
                    "delivered_at": _iso(delivered)
                    if state in {"delivered", "return requested"}
                    else None,
                }
            )
        total = sum(Decimal(line["price"]) * line["quantity"] for line in lines)
        undated = _h("undated", index) % 100 < 8
        result.append(
            {
                "number": f"BW{number}",
                "email": f"{first}.{last}@example.net".lower(),
                "name": f"{first} {last}",
                "status": state,
                "currency": "USD",
                "placed_at": None if undated else _iso(placed),
                "lines": lines,
                "fulfillments": fulfillments,
                "total": f"{total:.2f}",
            }
        )
    return result


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def main() -> None:
    catalog = products()
    for name, data in (("products.json", catalog), ("orders.json", orders(catalog))):
        text = json.dumps(data, indent=1, ensure_ascii=False)
        (HERE / name).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
