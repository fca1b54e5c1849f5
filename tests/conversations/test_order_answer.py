"""Order answers say only what the store recorded: no invented order date, and no parcel news
for a cancelled order."""

from __future__ import annotations

from typing import Any

from apps.conversations.pipeline.citations import Sources
from apps.conversations.pipeline.grounded.order_answer import order_answer


def _order(**changes: Any) -> dict[str, Any]:
    order: dict[str, Any] = {
        "number": "W3197825",
        "status": "open",
        "payment_status": "paid",
        "fulfilment_status": "fulfilled",
        "placed_at": "2026-08-01",
        "total": "35.00",
        "currency": "USD",
        "items": [{"title": "Tee", "variant": "Red / XL", "quantity": 1}],
        "shipments": [
            {
                "carrier": "UPS",
                "status": "in_transit",
                "tracking_number": "1Z999",
                "tracking_url": None,
                "shipped_at": "2026-08-02",
                "delivered_at": None,
            }
        ],
    }
    return order | changes


def test_a_shipped_order_names_its_date_and_parcel() -> None:
    text = order_answer(order=_order(), sources=Sources())
    assert text.startswith("Order W3197825 (placed 2026-08-01) has shipped. [1]")
    assert "UPS parcel is in transit (2026-08-02); tracking number 1Z999." in text


def test_an_order_without_a_date_gets_none_invented() -> None:
    text = order_answer(order=_order(placed_at=None), sources=Sources())
    assert text.startswith("Order W3197825 has shipped. [1]")
    assert "placed" not in text


def test_a_cancelled_order_with_a_tracking_number_is_never_described_as_shipping() -> None:
    # Given a cancelled, refunded order that still carries a parcel with tracking
    order = _order(status="cancelled", payment_status="refunded")
    # When it is answered
    text = order_answer(order=order, sources=Sources())
    # Then it says cancelled and refunded, and nothing about shipping
    assert text.startswith("Order W3197825 (placed 2026-08-01) was cancelled and refunded.")
    assert "Items: 1 x Tee (Red / XL)." in text
    for word in ("ship", "transit", "tracking", "1Z999"):
        assert word not in text.lower()
