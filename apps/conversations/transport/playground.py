"""The admin site's playground: a signed-in member chats as a shopper (channel `playground`,
one session per member). JSON by default; `Accept: text/event-stream` streams the events."""

from __future__ import annotations

import time

from django.http import HttpResponseBase
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.authentication import SessionAuthentication
from rest_framework.generics import GenericAPIView

from apps.accounts.permissions import IsTenantMember
from apps.conversations.api import serializers as s
from apps.conversations.limits import Refused
from apps.conversations.models import Conversation
from apps.conversations.transport.admission import turn_begin
from apps.conversations.transport.auth import request_ip
from apps.conversations.transport.http import (
    StreamOrJsonNegotiation,
    refused_response,
    turn_answer,
)
from apps.core.api.views import validated
from apps.tenants.requests import StoreRequest


class PlaygroundMessageView(GenericAPIView):
    authentication_classes = [SessionAuthentication]
    permission_classes = [IsTenantMember]
    content_negotiation_class = StreamOrJsonNegotiation
    throttle_classes: list[type] = []  # limits.turn_admit applies

    @extend_schema(
        request=s.PlaygroundMessageInput,
        responses={
            (200, "application/json"): s.TurnOutput,
            (200, "text/event-stream"): OpenApiResponse(
                response=OpenApiTypes.STR,
                description="Chat events, with `Accept: text/event-stream` (README: Chat protocol)",
            ),
        },
    )
    def post(self, request: StoreRequest) -> HttpResponseBase:
        received_at = time.perf_counter()
        fields = validated(s.PlaygroundMessageInput, request.data)
        try:
            turn = turn_begin(
                tenant=request.tenant,
                channel=Conversation.Channel.PLAYGROUND,
                session_id=f"playground-{request.user.pk}",
                ip=request_ip(request),
                received_at=received_at,
                text=fields.get("text"),
                conversation_id=fields.get("conversation_id"),
                locale=fields.get("locale"),
            )
        except Refused as refused:
            return refused_response(refused)
        wants_stream = "text/event-stream" in request.headers.get("Accept", "")
        return turn_answer(turn, stream=wants_stream)
