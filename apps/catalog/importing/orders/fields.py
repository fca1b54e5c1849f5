"""Order vocabularies (statuses as Shopify, WooCommerce-style files and people write them),
cell parsers for order fields, and the column names of order exports.

Shopify's order CSV export: "Name" (the order number, "#1001"), "Email", "Financial Status",
"Paid at", "Fulfillment Status", "Fulfilled at", "Currency", "Subtotal", "Shipping", "Taxes",
"Total", "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku",
"Billing Name", "Shipping Name", …, "Cancelled at", one row per line item with the order's
fields on its first row. Tracking columns come from apps and other exports ("Tracking Company",
"Tracking Number", "Tracking URL").
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from apps.catalog.importing.common.mapping import norm, squash
from apps.catalog.importing.common.values import BadValue, parse_count

MAX_EMAIL_CHARS = 254

_ORDER_STATUS = {
    "open": "open",
    "closed": "closed",
    "archived": "closed",
    "completed": "closed",
    "cancelled": "cancelled",
    "canceled": "cancelled",
}
_FINANCIAL_STATUS = {
    "pending": "pending",
    "authorized": "authorized",
    "authorised": "authorized",
    "partially_paid": "partially_paid",
    "paid": "paid",
    "partially_refunded": "partially_refunded",
    "refunded": "refunded",
    "voided": "voided",
    "expired": "voided",
}
_FULFILMENT_STATUS = {
    "unfulfilled": "unfulfilled",
    "pending": "unfulfilled",
    "partial": "partial",
    "partially_fulfilled": "partial",
    "fulfilled": "fulfilled",
    "restocked": "restocked",
}
_SHIPMENT_STATUS = {
    "shipped": "shipped",
    "success": "shipped",
    "label_created": "label_created",
    "label_printed": "label_created",
    "label_purchased": "label_created",
    "confirmed": "label_created",
    "in_transit": "in_transit",
    "out_for_delivery": "out_for_delivery",
    "ready_for_pickup": "ready_for_pickup",
    "delivered": "delivered",
    "exception": "exception",
    "failure": "exception",
    "attempted_delivery": "exception",
    "cancelled": "cancelled",
    "canceled": "cancelled",
}


def status_word_key(raw: object) -> str:
    """A status word as the vocabularies (and a store's own status words) spell it."""
    return "_".join(str(raw if raw is not None else "").replace("-", " ").lower().split())


def _vocabulary(words: dict[str, str], what: str) -> Callable[[object], str | None]:
    allowed = ", ".join(dict.fromkeys(words.values()))

    def parse(raw: object) -> str | None:
        text = status_word_key(raw)
        if not text:
            return None
        if text not in words:
            raise BadValue(
                "invalid_status",
                f"is not {what} ({allowed}) nor one of the store's status words mapped",
            )
        return words[text]

    return parse


parse_order_status = _vocabulary(_ORDER_STATUS, "an order status")
parse_financial_status = _vocabulary(_FINANCIAL_STATUS, "a payment status")
parse_fulfilment_status = _vocabulary(_FULFILMENT_STATUS, "a fulfilment status")
parse_shipment_status = _vocabulary(_SHIPMENT_STATUS, "a shipment status")
# the order's own status columns, which a store's own words may be mapped onto
STATUS_VOCABULARIES = {
    "status": _ORDER_STATUS,
    "financial_status": _FINANCIAL_STATUS,
    "fulfilment_status": _FULFILMENT_STATUS,
}
STATUS_PARSERS = {
    "status": parse_order_status,
    "financial_status": parse_financial_status,
    "fulfilment_status": parse_fulfilment_status,
}


def parse_quantity(raw: object) -> int | None:
    try:
        return parse_count(raw)
    except BadValue as problem:
        if problem.code == "negative_stock":
            raise BadValue("negative_quantity", "is negative") from None
        raise


def parse_email(raw: object) -> str | None:
    """Trimmed and lower-cased (shoppers are matched on it); None for a blank cell."""
    text = str(raw if raw is not None else "").strip().lower()
    if not text:
        return None
    if len(text) > MAX_EMAIL_CHARS:
        raise BadValue("invalid_email", "is too long for an email address")
    try:
        validate_email(text)
    except ValidationError:
        raise BadValue("invalid_email", "is not an email address") from None
    return text


# target → header spellings, compared without case, spaces or punctuation; Shopify's first.
ORDER_GUESSES: dict[str, tuple[str, ...]] = {
    "number": ("number", "ordernumber", "orderno", "order", "ordername", "bestellnummer", "name"),
    "email": ("email", "customeremail", "emailaddress"),
    "customer_name": ("billingname", "customername", "customer", "shippingname", "name"),
    "status": ("status", "orderstatus"),
    "financial_status": ("financialstatus", "paymentstatus"),
    "fulfilment_status": ("fulfillmentstatus", "fulfilmentstatus"),
    "currency": ("currency",),
    "subtotal": ("subtotal",),
    "shipping": ("shipping", "shippingcost", "shippingprice"),
    "tax": ("taxes", "tax", "totaltax"),
    "total": ("total", "ordertotal"),
    "placed_at": ("createdat", "placedat", "orderdate", "date", "processedat"),
    "cancelled_at": ("cancelledat", "canceledat"),
    "line_quantity": ("lineitemquantity", "quantity", "qty"),
    "line_title": ("lineitemname", "title", "product", "productname", "item"),
    "line_variant_title": ("lineitemvariant", "varianttitle", "variant"),
    "line_price": ("lineitemprice", "price", "unitprice"),
    "line_sku": ("lineitemsku", "sku"),
    "carrier": ("trackingcompany", "carrier", "shippingcarrier", "trackingcarrier"),
    "tracking_number": ("trackingnumber", "tracking"),
    "tracking_url": ("trackingurl", "trackinglink"),
    "shipment_status": ("shipmentstatus", "trackingstatus", "deliverystatus"),
    "shipped_at": ("fulfilledat", "shippedat"),
    "delivered_at": ("deliveredat",),
}
# Headers only Shopify's order export writes: one is enough to call a file a Shopify export.
SHOPIFY_ORDER_MARKERS = {
    "lineitem quantity",
    "lineitem name",
    "lineitem price",
    "lineitem sku",
    "financial status",
    "billing name",
}


def detect_order_format(columns: list[str]) -> str:
    return "shopify" if {norm(c) for c in columns} & SHOPIFY_ORDER_MARKERS else "generic"


def guess_order_mapping(columns: list[str]) -> dict[str, str]:
    squashed = [(squash(c), c) for c in columns]
    used: set[str] = set()
    mapping: dict[str, str] = {}
    for target, spellings in ORDER_GUESSES.items():
        for spelling in spellings:
            found = next((c for s, c in squashed if s == spelling and c not in used), None)
            if found:
                mapping[target] = found
                used.add(found)
                break
    return mapping
