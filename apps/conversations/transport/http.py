"""What the HTTP chat endpoints share: answering an admitted turn as JSON or SSE, and refusals
as JSON errors."""

from __future__ import annotations

from collections.abc import Iterable

from asgiref.sync import async_to_sync
from django.http import HttpResponseBase
from rest_framework.negotiation import BaseContentNegotiation, DefaultContentNegotiation
from rest_framework.parsers import BaseParser
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from apps.conversations.api.serializers import TurnOutput
from apps.conversations.limits import Refused
from apps.conversations.transport.sse import sse_response
from apps.conversations.transport.turns import Turn, turn_collect

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


def turn_answer(turn: Turn, *, stream: bool) -> HttpResponseBase:
    if stream:
        return sse_response(turn)
    return Response(TurnOutput(async_to_sync(turn_collect)(turn)).data)
