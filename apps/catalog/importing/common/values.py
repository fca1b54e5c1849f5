"""Cell-level parsing shared by every format: prices, whole numbers, booleans, statuses, dates,
currency codes, lists, URLs, slugs, PDF links, and the spreadsheet-formula check.

Parsers raise BadValue(code, reason); the caller turns it into a RowError that names the column
and quotes the cell, e.g. 'Variant Price "abc" is not a number'.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from datetime import UTC, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.dateparse import parse_date
from django.utils.dateparse import parse_datetime as parse_iso_datetime

CENT = Decimal("0.01")
MAX_PRICE = Decimal("1000000000000")  # anything above is a typo or a number in the wrong column


class BadValue(ValueError):
    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class NumberCell(str):
    """A spreadsheet number: behaves as its display text, `.number` is the exact value, so a
    numeric XLSX cell 1.234 is never re-read as "one thousand two hundred thirty-four"."""

    number: Decimal

    def __new__(cls, number: Decimal, text: str) -> NumberCell:
        cell = super().__new__(cls, text)
        cell.number = number
        return cell


def quote(value: str, limit: int = 60) -> str:
    """A cell shortened for a message, control characters made visible."""
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return '"' + text.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n") + '"'


# --- numbers -----------------------------------------------------------------------------------

# Currency markers accepted before or after a price, lower-cased → the ISO codes they may mean.
_DOLLAR = {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "ARS", "CLP", "COP", "TWD"}
_SYMBOLS: dict[str, set[str]] = {
    "$": _DOLLAR,
    "us$": {"USD"},
    "ca$": {"CAD"},
    "c$": {"CAD"},
    "a$": {"AUD"},
    "au$": {"AUD"},
    "nz$": {"NZD"},
    "hk$": {"HKD"},
    "s$": {"SGD"},
    "r$": {"BRL"},
    "€": {"EUR"},
    "£": {"GBP"},
    "¥": {"JPY", "CNY"},
    "₹": {"INR"},
    "₩": {"KRW"},
    "₽": {"RUB"},
    "₺": {"TRY"},
    "₪": {"ILS"},
    "₫": {"VND"},
    "฿": {"THB"},
    "₴": {"UAH"},
    "₦": {"NGN"},
    "₱": {"PHP"},
    "zł": {"PLN"},
    "kč": {"CZK"},
    "kr": {"SEK", "NOK", "DKK", "ISK"},
    "kr.": {"SEK", "NOK", "DKK", "ISK"},
    "fr.": {"CHF"},
    "ft": {"HUF"},
    "lei": {"RON"},
}
_ISO_CODES = {
    "USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "JPY", "CNY", "HKD", "SGD", "SEK", "NOK",
    "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "TRY", "ILS", "INR", "KRW", "BRL", "MXN",
    "ARS", "CLP", "COP", "ZAR", "AED", "SAR", "THB", "VND", "UAH", "NGN", "PHP", "RUB", "TWD",
    "MYR", "IDR",
}  # fmt: skip
_PREFIX = re.compile(
    r"^(?:(?P<code>[A-Za-z]{3})(?=[\s\d.,(+\-])|(?P<sym>(?:US|CA|AU|NZ|HK|[CASR])?\$|[€£¥₹₩₽₺₪₫฿₴₦₱]))"
)
_SUFFIX = re.compile(r"(?:(?P<sym>[€£¥₹₩₽₺₪₫฿₴₦₱$])|(?P<word>[^\W\d_]{2,3}\.?))$")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_NUMBER = re.compile(r"^(?:\d[\d.,]*|[.,]\d+)$")


def _currencies(marker: str) -> set[str] | None:
    key = marker.lower()
    if key in _SYMBOLS:
        return _SYMBOLS[key]
    if marker.upper() in _ISO_CODES:
        return {marker.upper()}
    return None


def _grouped(digits: str, sep: str) -> bool:
    groups = digits.split(sep)
    return (
        groups[0].isdigit()
        and 1 <= len(groups[0]) <= 3
        and all(len(g) == 3 and g.isdigit() for g in groups[1:])
    )


def plain_number(text: str) -> str | None:
    """ "1.234,50" → "1234.50", "1,234" → "1234", "19,99" → "19.99"; None when malformed.

    With both separators, the last one is the decimal point. With one kind only: repeated means
    thousands; a single one followed by exactly three digits after a 1-3 digit group ("1,234",
    "12.500") means thousands; otherwise it is the decimal point."""
    if not _NUMBER.match(text):
        return None
    comma, dot = text.rfind(","), text.rfind(".")
    if comma >= 0 and dot >= 0:
        decimal, thousands = (",", ".") if comma > dot else (".", ",")
        whole, _, fraction = text.rpartition(decimal)
        if not fraction.isdigit() or decimal in whole or not _grouped(whole, thousands):
            return None
        return whole.replace(thousands, "") + "." + fraction
    sep = "," if comma >= 0 else "." if dot >= 0 else ""
    if not sep:
        return text
    parts = text.split(sep)
    if len(parts) > 2:
        return "".join(parts) if _grouped(text, sep) else None
    whole, fraction = parts
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and whole.isdigit() and whole[0] != "0":
        return whole + fraction
    if not fraction.isdigit() or (whole and not whole.isdigit()):
        return None
    return (whole or "0") + "." + fraction


def _split_amount(raw: str) -> tuple[str, bool, set[str] | None]:
    """Strip currency markers and sign: ("1.234,50", negative, currencies named or None)."""
    text = raw.strip()
    if text.startswith("'"):  # spreadsheet text marker / WooCommerce's formula escape
        text = text[1:].strip()
    negative = False
    if text.startswith("(") and text.endswith(")"):  # accounting notation
        negative, text = True, text[1:-1].strip()
    if text.startswith("-"):
        negative, text = True, text[1:].strip()
    elif text.startswith("+"):
        text = text[1:].strip()
    named: set[str] | None = None
    if match := _PREFIX.match(text):
        marker = match.group("code") or match.group("sym")
        if (found := _currencies(marker)) is not None:
            named, text = found, text[match.end() :].strip()
    if match := _SUFFIX.search(text):
        marker = match.group("sym") or match.group("word")
        if (found := _currencies(marker)) is not None:
            named, text = found, text[: match.start()].strip()
    if text.startswith("-"):  # "$-5", "€ -5"
        negative, text = True, text[1:].strip()
    if text.endswith("-"):  # "5-" (some ERP exports)
        negative, text = True, text[:-1].strip()
    return _SPACES.sub("", text), negative, named


def _as_decimal(raw: object) -> Decimal | None:
    """Exact numbers from JSON and spreadsheets; None for text."""
    if isinstance(raw, bool):
        raise BadValue("invalid_number", "is not a number")
    if isinstance(raw, NumberCell):
        return raw.number
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(repr(raw))
    return None


def _written_amount(raw: object) -> tuple[Decimal | None, set[str] | None] | None:
    """A cell's signed number (None when it is not one) and the currencies it names; None for
    a blank cell."""
    number = _as_decimal(raw)
    if number is not None:
        return number, None
    text = str(raw).strip()
    if not text:
        return None
    amount, negative, named = _split_amount(text)
    plain = plain_number(amount)
    if plain is None:
        return None, named
    value = Decimal(plain)
    return (-value if negative and value else value), named  # "-0" is 0


def parse_price(raw: object, *, currency: str = "USD") -> Decimal | None:
    """A non-negative amount with two decimal places; None for a blank cell.

    Accepts "19.99", "19,99", "1,234.50", "1.234,50", "$1,234.50", "€ 12,50", "12.5 EUR",
    "1'234.50". A currency named in the cell must be the import's currency."""
    written = _written_amount(raw)
    if written is None:
        return None
    number, named = written
    if number is None or not number.is_finite():
        raise BadValue("invalid_price", "is not a number")
    if named is not None and currency.upper() not in named:
        shown = "/".join(sorted(named))
        raise BadValue("invalid_price", f"is in {shown}, but this import is in {currency.upper()}")
    if number < 0:
        raise BadValue("invalid_price", "is negative")
    if number >= MAX_PRICE:
        raise BadValue("invalid_price", "is too large to be a price")
    return number.quantize(CENT, rounding=ROUND_HALF_UP)


def _plain_decimal(raw: object, *, what: str) -> Decimal | None:
    """A written number (no currency) as a Decimal; None when blank. BadValue otherwise."""
    written = _written_amount(raw)
    if written is None:
        return None
    number, named = written
    if number is None or named is not None:
        raise BadValue("invalid_number", f"is not {what}")
    return number


def parse_count(raw: object) -> int | None:
    """A stock level: a whole number, None when blank (not tracked). Negative → BadValue
    ("negative_stock")."""
    number = _plain_decimal(raw, what="a whole number")
    if number is None:
        return None
    if not number.is_finite() or number != number.to_integral_value():
        raise BadValue("invalid_number", "is not a whole number")
    if number < 0:
        raise BadValue("negative_stock", "is negative")
    if number > 2**31 - 1:
        raise BadValue("invalid_number", "is too large")
    return int(number)


def parse_weight(raw: object) -> Decimal | None:
    """A non-negative measurement (weights); None when blank."""
    number = _plain_decimal(raw, what="a number")
    if number is None:
        return None
    if not number.is_finite() or number < 0:
        raise BadValue("invalid_number", "is not a positive number")
    return number


def grams(amount: Decimal | None, factor: Decimal = Decimal(1)) -> int | None:
    if amount is None:
        return None
    try:
        return int((amount * factor).to_integral_value(rounding=ROUND_HALF_UP))
    except InvalidOperation:  # pragma: no cover - finite by construction
        return None


_TRUE = {"true", "t", "yes", "y", "1", "ja", "j", "wahr", "x", "on", "oui", "si", "sí"}
_FALSE = {"false", "f", "no", "n", "0", "nein", "falsch", "off", "non", "-1"}


def parse_bool(raw: object) -> bool | None:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


_STATUS = {
    "active": "active",
    "activ": "active",
    "aktiv": "active",
    "published": "active",
    "publish": "active",
    "veröffentlicht": "active",
    "online": "active",
    "draft": "draft",
    "entwurf": "draft",
    "hidden": "draft",
    "unpublished": "draft",
    "private": "draft",
    "pending": "draft",
    "inactive": "draft",
    "inaktiv": "draft",
    "offline": "draft",
    "archived": "archived",
    "archive": "archived",
    "archiviert": "archived",
}


def parse_status(raw: object) -> str | None:
    text = str(raw).strip().lower()
    if not text:
        return None
    if text in _STATUS:
        return _STATUS[text]
    flag = parse_bool(text)
    if flag is not None:
        return "active" if flag else "draft"
    return None


_ZONE_NAME = re.compile(r"\s+(?:UTC|GMT)$", re.I)
_CURRENCY = re.compile(r"^[A-Za-z]{3}$")


def parse_datetime(raw: object) -> datetime | None:
    """An aware datetime; None for a blank cell. ISO 8601 with "T" or a space, with or without
    an offset ("2026-08-01T17:15:00Z", Shopify's "2026-08-01 10:15:00 -0700"), or a date
    alone; without an offset the time is UTC."""
    text = _ZONE_NAME.sub("", str(raw).strip()) if raw is not None else ""
    if not text:
        return None
    try:
        moment = parse_iso_datetime(text)
        if moment is None and (day := parse_date(text)) is not None:
            moment = datetime.combine(day, time())
    except ValueError:
        moment = None
    if moment is None:
        raise BadValue("invalid_date", "is not a date and time (e.g. 2026-08-01T10:15:00Z)")
    if not 1970 <= moment.year <= 2100:
        raise BadValue("invalid_date", "is not a plausible date")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_currency(raw: object) -> str | None:
    """A three-letter ISO 4217 code, upper-cased; None for a blank cell."""
    text = str(raw).strip() if raw is not None else ""
    if not text:
        return None
    if not _CURRENCY.match(text):
        raise BadValue("invalid_currency", "is not a three-letter currency code (e.g. USD)")
    return text.upper()


# --- text --------------------------------------------------------------------------------------

_CALL = re.compile(r"^[=+\-@]\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(")
_DDE = re.compile(r"^[=+\-@][^|]*\|[^!]*!", re.S)
_ARITHMETIC = re.compile(r"^[+\-]\d[\d.,]*\s*[-+*/^&]\s*[\d(]")
_PHONE = re.compile(r"^\+\d[\d\s().\-/]*$")


def looks_like_formula(value: str) -> bool:
    """True for a cell a spreadsheet would evaluate: "=anything" ("=HYPERLINK(...)",
    "=cmd|' /C calc'!A0"), "@SUM(", "+1+1", "-2-3", also after a leading tab or carriage return.
    Plain text that merely starts with such a character is not one: "- 100% cotton",
    "+49 30 1234567", "@brand", "-10%", "=== SALE ===" (the caller trims whitespace first)."""
    text = value.lstrip("\t\r")
    if len(text) < 2 or text[0] not in "=+-@":
        return False
    if text[0] == "=":
        return text[1] != "=" and bool(text[1:].strip())
    if text[0] == "+" and _PHONE.match(text):
        return False
    return bool(_CALL.match(text) or _DDE.match(text) or _ARITHMETIC.match(text))


def unescape_woo(value: str) -> str:
    """WooCommerce's exporter prefixes "'" to cells starting with = + - @ (and tab/CR); its
    importer removes it again. So do we, before the formula check sees the real value."""
    if len(value) >= 2 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


_ESCAPED_COMMA = "\x00"


def split_list(value: str, separators: str = ",") -> list[str]:
    """ "a, b ,c" → ["a", "b", "c"]; "\\," keeps a comma inside an item (WooCommerce); empty
    items and repeats dropped, first spelling kept."""
    if not value.strip():
        return []
    text = value.replace("\\,", _ESCAPED_COMMA)
    pattern = "[" + re.escape(separators) + "]"
    seen: dict[str, str] = {}
    for part in re.split(pattern, text):
        item = part.replace(_ESCAPED_COMMA, ",").strip()
        if item and item.casefold() not in seen:
            seen[item.casefold()] = item
    return list(seen.values())


def category_path(value: str) -> str:
    """ "Clothing>Shirts " → "Clothing > Shirts"."""
    return " > ".join(part.strip() for part in value.split(">") if part.strip())


_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, fallback: str = "product") -> str:
    """ "Größe M - T-Shirt" → "groesse-m-t-shirt"; ASCII letters, digits and dashes only."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLIT))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")[:200].rstrip("-")
    if slug:
        return slug
    if text.strip():  # e.g. a title in a non-Latin script: stable, unique enough
        return f"{fallback}-{hashlib.sha1(text.encode()).hexdigest()[:10]}"  # noqa: S324
    return ""


_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$", re.I)


def http_url(value: str) -> str | None:
    """An absolute http(s) URL, or None. "//cdn.example/x.jpg" becomes https; inner spaces are
    percent-encoded."""
    text = value.strip()
    if text.startswith("//"):
        text = "https:" + text
    text = text.replace(" ", "%20")
    return text if _URL.match(text) else None


_PDF_HINT = re.compile(r"\.pdf", re.I)
_PDF = re.compile(
    r"https?://[^\s\"'<>()\[\]{}|\\^`]+?\.pdf(?![\w/-]|\.\w)(?:[?#][^\s\"'<>]*)?", re.I
)


def pdf_links(text: str) -> list[str]:
    """http(s) URLs ending in .pdf (a query or fragment may follow) anywhere in the text,
    e.g. in description hrefs; HTML entities in them are decoded."""
    if not _PDF_HINT.search(text):
        return []
    return [html.unescape(m.group(0)).rstrip(").,;") for m in _PDF.finditer(text)]
