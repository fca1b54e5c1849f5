"""The tools the assistant can call: an LLM through tool calls, the grounded responder by
intent. Every result is shopper-safe JSON: `lookup_order` never echoes the customer's email or
name, and answers "not found" alike for an unknown number and a wrong email (no enumeration).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from apps.catalog.search import ProductCard, ProductFilters, product_search
from apps.catalog.selectors import order_get_for_shopper, product_get
from apps.conversations.limits import order_lookup_allowed, order_lookup_failed
from apps.conversations.models import Conversation
from apps.conversations.pipeline.config import Retrieval, TurnConfig
from apps.conversations.pipeline.llm.base import ToolSpec
from apps.conversations.services.handoff import conversation_hand_off
from apps.tenants.models import Tenant

SEARCH_PRODUCTS = ToolSpec(
    name="search_products",
    description="Search the store's catalog. Returns up to 5 product cards.",
    parameters={
        "type": "object",
        "properties": {
            "query": {"type": "string", "description": "What the shopper is looking for"},
            "max_price": {"type": "number"},
            "min_price": {"type": "number"},
            "in_stock": {"type": "boolean"},
        },
        "required": ["query"],
    },
)
GET_PRODUCT = ToolSpec(
    name="get_product",
    description="Details of one product (options, sizes, colours, prices, stock, attributes).",
    parameters={
        "type": "object",
        "properties": {"product_id": {"type": "integer", "description": "id from a product card"}},
        "required": ["product_id"],
    },
)
LOOKUP_ORDER = ToolSpec(
    name="lookup_order",
    description=(
        "Status, items, fulfilment and tracking of the shopper's order. Needs both the order "
        "number and the email address the order was placed with; ask the shopper for them."
    ),
    parameters={
        "type": "object",
        "properties": {"number": {"type": "string"}, "email": {"type": "string"}},
        "required": ["number", "email"],
    },
)
HANDOFF_TO_HUMAN = ToolSpec(
    name="handoff_to_human",
    description="Pass the conversation to the store's team when the shopper asks for a person.",
    parameters={
        "type": "object",
        "properties": {"reason": {"type": "string"}},
        "required": [],
    },
)
TOOL_SPECS = [SEARCH_PRODUCTS, GET_PRODUCT, LOOKUP_ORDER, HANDOFF_TO_HUMAN]
MAX_SEARCH_RESULTS = 5


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def card_json(card: ProductCard) -> dict[str, Any]:
    variant = card.variant
    return {
        "id": card.id,
        "title": card.title,
        "handle": card.handle,
        "url": card.url,
        "image": card.image,
        "min_price": _money(card.min_price),
        "max_price": _money(card.max_price),
        "currency": card.currency,
        "available": card.available,
        "variant": None
        if variant is None
        else {
            "id": variant.id,
            "sku": variant.sku,
            "options": variant.options,
            "price": _money(variant.price),
            "compare_at_price": _money(variant.compare_at_price),
            "available": variant.available,
        },
    }


def _decimal(value: Any) -> Decimal | None:
    try:
        return None if value in (None, "") else Decimal(str(value))
    except ArithmeticError:
        return None


def search_products(
    *,
    query: str,
    retrieval: Retrieval,
    max_price: Any = None,
    min_price: Any = None,
    in_stock: bool = False,
) -> dict[str, Any]:
    filters = ProductFilters(
        max_price=_decimal(max_price), min_price=_decimal(min_price), in_stock=bool(in_stock)
    )
    result = product_search(
        query=str(query)[:300],
        filters=filters,
        k=MAX_SEARCH_RESULTS,
        knowledge=retrieval.knowledge(),
    )
    return {"products": [card_json(card) for card in result.cards]}


def get_product(*, product_id: Any) -> dict[str, Any]:
    try:
        product = product_get(product_id=int(product_id))
    except (TypeError, ValueError):
        product = None
    if product is None or product.status != "active":
        return {"found": False}
    variants = list(product.variants.all())
    options: dict[str, list[str]] = {}
    for variant in variants:
        for name, value in variant.options.items():
            if value not in options.setdefault(name, []):
                options[name].append(value)
    return {
        "found": True,
        "product": {
            "id": product.pk,
            "title": product.title,
            "handle": product.handle,
            "url": product.url,
            "vendor": product.vendor,
            "type": product.product_type,
            "description": product.description_text[:800],
            "min_price": _money(product.min_price),
            "max_price": _money(product.max_price),
            "currency": product.currency,
            "available": product.available,
            "attributes": product.attributes,
            "options": options,
            "unavailable_variants": [
                variant.options for variant in variants if not variant.available
            ][:20],
        },
    }


def lookup_order(*, number: Any, email: Any) -> dict[str, Any]:
    order = order_get_for_shopper(number=str(number or "")[:64], email=str(email or "")[:254])
    if order is None:
        return {"found": False}
    return {
        "found": True,
        "order": {
            "number": order.number,
            "status": order.status,
            "payment_status": order.financial_status,
            "fulfilment_status": order.fulfilment_status,
            "placed_at": order.placed_at.date().isoformat() if order.placed_at else None,
            "total": _money(order.total),
            "currency": order.currency,
            "items": [
                {"title": line.title, "variant": line.variant_title, "quantity": line.quantity}
                for line in order.lines.all()
            ],
            "shipments": [
                {
                    "carrier": parcel.carrier,
                    "status": parcel.status,
                    "tracking_number": parcel.tracking_number,
                    "tracking_url": parcel.tracking_url,
                    "shipped_at": parcel.shipped_at.date().isoformat()
                    if parcel.shipped_at
                    else None,
                    "delivered_at": parcel.delivered_at.date().isoformat()
                    if parcel.delivered_at
                    else None,
                }
                for parcel in order.fulfilments.all()
            ],
        },
    }


def shopper_order_lookup(
    *, tenant: Tenant, conversation: Conversation, ip: str, number: Any, email: Any
) -> dict[str, Any]:
    """`lookup_order` for a shopper, with failed lookups rate limited per session and IP.
    Past the limit nothing is looked up: "not found" with error `rate_limited`, whether or
    not the order exists."""
    session_id = conversation.session_id
    if not order_lookup_allowed(tenant=tenant, session_id=session_id, ip=ip):
        return {"found": False, "error": "rate_limited"}
    result = lookup_order(number=number, email=email)
    if not result["found"]:
        order_lookup_failed(tenant=tenant, session_id=session_id, ip=ip)
    return result


def handoff_to_human(
    *, tenant: Tenant, conversation: Conversation, reason: Any = ""
) -> dict[str, Any]:
    conversation_hand_off(tenant=tenant, conversation=conversation, reason=str(reason or ""))
    return {"handed_off": True}


def tool_specs(config: TurnConfig) -> list[ToolSpec]:
    """The tools the model may call on a turn with `config`."""
    return [spec for spec in TOOL_SPECS if config.tool_enabled(spec.name)]


def tool_run(
    *,
    tenant: Tenant,
    conversation: Conversation,
    config: TurnConfig,
    ip: str,
    name: str,
    arguments: dict[str, Any],
) -> dict[str, Any]:
    """Run one tool call (arguments as the model sent them); bad arguments, or a tool the
    configuration does not enable, give an error result the model can read, never an
    exception."""
    if not config.tool_enabled(name):
        return {"error": "unknown_tool"}
    try:
        if name == "search_products":
            return search_products(
                query=arguments["query"],
                retrieval=config.retrieval,
                max_price=arguments.get("max_price"),
                min_price=arguments.get("min_price"),
                in_stock=arguments.get("in_stock", False),
            )
        if name == "get_product":
            return get_product(product_id=arguments["product_id"])
        if name == "lookup_order":
            return shopper_order_lookup(
                tenant=tenant,
                conversation=conversation,
                ip=ip,
                number=arguments.get("number"),
                email=arguments.get("email"),
            )
        if name == "handoff_to_human":
            return handoff_to_human(
                tenant=tenant, conversation=conversation, reason=arguments.get("reason", "")
            )
    except (KeyError, TypeError):
        return {"error": "invalid_arguments"}
    return {"error": "unknown_tool"}
