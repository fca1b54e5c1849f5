"""A shopper's order in words: its state, what is in it and where its parcels are. Only what
the store recorded is said: no order date when the store has none, and no parcel news for a
cancelled order (a tracking number left on it does not mean it is on its way)."""

from __future__ import annotations

from typing import Any

from apps.conversations.pipeline.citations import Sources

_SHIPMENT = {
    "label_created": "has a shipping label but hasn't been picked up yet",
    "shipped": "has shipped",
    "in_transit": "is in transit",
    "out_for_delivery": "is out for delivery",
    "ready_for_pickup": "is ready for pickup",
    "delivered": "was delivered",
    "exception": "is delayed: the carrier reported a problem",
    "cancelled": "was cancelled",
}
_FULFILMENT = {
    "unfulfilled": "is being prepared and hasn't shipped yet",
    "partial": "has partly shipped",
    "fulfilled": "has shipped",
    "restocked": "was returned to stock",
}
_CANCELLED_PAYMENT = {
    "refunded": "was cancelled and refunded",
    "partially_refunded": "was cancelled and partly refunded",
    "voided": "was cancelled and the payment voided",
}


def order_answer(*, order: dict[str, Any], sources: Sources) -> str:
    marker = sources.add_order(order["number"])
    cancelled = order["status"] == "cancelled"
    if cancelled:
        state = _CANCELLED_PAYMENT.get(order["payment_status"], "was cancelled")
    else:
        state = _FULFILMENT.get(order["fulfilment_status"], f"is {order['fulfilment_status']}")
    placed = f" (placed {order['placed_at']})" if order["placed_at"] else ""
    lines = [f"Order {order['number']}{placed} {state}. [{marker}]"]
    if items := _items(order["items"]):
        lines.append(f"Items: {items}.")
    if not cancelled:
        lines.extend(_parcel(parcel) for parcel in order["shipments"])
    return "\n".join(lines)


def _items(items: list[dict[str, Any]]) -> str:
    return ", ".join(
        f"{item['quantity']} x {item['title']}"
        + (
            f" ({item['variant']})"
            if item["variant"] and item["variant"] not in item["title"]
            else ""
        )
        for item in items
    )


def _parcel(parcel: dict[str, Any]) -> str:
    when = parcel["delivered_at"] if parcel["status"] == "delivered" else parcel["shipped_at"]
    text = (
        f"{parcel['carrier'] or 'The'} parcel {_SHIPMENT.get(parcel['status'], parcel['status'])}"
    )
    text += f" ({when})" if when else ""
    if parcel["tracking_number"]:
        text += f"; tracking number {parcel['tracking_number']}"
    if parcel["tracking_url"]:
        text += f": {parcel['tracking_url']}"
    return text + "."
