"""What the HTTP chat endpoints share: admitting a message and answering it as JSON or SSE."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from asgiref.sync import async_to_sync
from django.http import HttpResponseBase
from rest_framework.negotiation import BaseContentNegotiation, DefaultContentNegotiation
from rest_framework.parsers import BaseParser
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from apps.conversations.api.serializers import TurnOutput
from apps.conversations.limits import Refused, message_text_check, session_id_check, turn_admit
from apps.conversations.services.chat import conversation_open
from apps.conversations.shopper import order_query_check, shopper_email_check
from apps.conversations.sse import sse_response
from apps.conversations.turns import Turn, turn_collect

_STATUS = {
    "invalid": 400,
    "too_large": 413,
    "busy": 409,
    "rate_limited": 429,
    "unavailable": 503,
    "internal": 500,
}


class StreamOrJsonNegotiation(BaseContentNegotiation):
    """Chat endpoints answer JSON or an event stream (not a DRF renderer): `Accept:
    text/event-stream` must not become a 406."""

    def select_parser(self, request: Request, parsers: Iterable[BaseParser]) -> BaseParser | None:
        return DefaultContentNegotiation().select_parser(request, parsers)

    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        renderer = next(iter(renderers))
        return renderer, renderer.media_type


def refused_response(refused: Refused) -> Response:
    return Response({"code": refused.code, "detail": refused.detail}, status=_STATUS[refused.code])


def turn_begin(
    *, tenant: Any, channel: str, session_id: str, fields: dict[str, Any], ip: str
) -> Turn:
    """Check the message, take the session's generation lock (counting the rate limits), then
    open the conversation: a refused message leaves nothing behind. Raises Refused."""
    received_at = time.perf_counter()
    text = message_text_check(fields.get("text"))
    session_id = session_id_check(session_id)
    shopper_email = shopper_email_check(fields.get("email"))
    order = order_query_check(fields.get("order"))
    lock = turn_admit(tenant=tenant, session_id=session_id, ip=ip)
    try:
        conversation_id = fields.get("conversation_id")
        conversation = conversation_open(
            channel=channel,
            session_id=session_id,
            conversation_id=str(conversation_id) if conversation_id else None,
            locale=fields.get("locale"),
        )
    except BaseException:
        lock.release()
        raise
    return Turn(
        tenant=tenant,
        conversation=conversation,
        text=text,
        lock=lock,
        received_at=received_at,
        ip=ip,
        shopper_email=shopper_email,
        order=order,
    )


def turn_answer(turn: Turn, *, stream: bool) -> HttpResponseBase:
    if stream:
        return sse_response(turn)
    return Response(TurnOutput(async_to_sync(turn_collect)(turn)).data)
