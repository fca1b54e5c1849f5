"""The chat over HTTP for API clients and networks that block WebSockets (README, "Chat
protocol"): one JSON answer per message, the same turn as server-sent events, and the
conversation's messages after a given seq (resume)."""

from __future__ import annotations

import time
import uuid

from django.http import HttpResponseBase
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from apps.accounts.authentication import ApiKeyAuthentication
from apps.conversations.api import serializers as s
from apps.conversations.limits import Refused
from apps.conversations.selectors import message_list_after
from apps.conversations.services.conversations import conversation_get
from apps.conversations.transport.admission import turn_begin
from apps.conversations.transport.auth import (
    ChatIpThrottle,
    IsShopperChannel,
    WidgetKeyAuthentication,
    request_channel,
    request_ip,
)
from apps.conversations.transport.http import (
    StreamOrJsonNegotiation,
    refused_response,
    turn_answer,
)
from apps.conversations.transport.wire import message_record
from apps.core.api.views import found, validated
from apps.tenants.requests import StoreRequest

HISTORY_PAGE = 200


class _ShopperView(GenericAPIView):
    authentication_classes = [WidgetKeyAuthentication, ApiKeyAuthentication]
    permission_classes = [IsShopperChannel]
    content_negotiation_class = StreamOrJsonNegotiation
    throttle_classes: list[type] = []  # limits.turn_admit counts per session, IP and store
    stream = False

    def post(self, request: StoreRequest) -> HttpResponseBase:
        received_at = time.perf_counter()
        fields = validated(s.ChatMessageInput, request.data)
        try:
            turn = turn_begin(
                tenant=request.tenant,
                channel=request_channel(request),
                session_id=fields["session_id"],
                ip=request_ip(request),
                received_at=received_at,
                text=fields.get("text"),
                email=fields.get("email"),
                order=fields.get("order"),
                conversation_id=fields.get("conversation_id"),
                locale=fields.get("locale"),
            )
        except Refused as refused:
            return refused_response(refused)
        return turn_answer(turn, stream=self.stream)


class ChatMessageView(_ShopperView):
    @extend_schema(request=s.ChatMessageInput, responses=s.TurnOutput)
    def post(self, request: StoreRequest) -> HttpResponseBase:
        return super().post(request)


class ChatStreamView(_ShopperView):
    stream = True

    @extend_schema(
        request=s.ChatMessageInput,
        responses={(200, "text/event-stream"): OpenApiResponse(description="Chat events")},
    )
    def post(self, request: StoreRequest) -> HttpResponseBase:
        return super().post(request)


class ChatHistoryView(GenericAPIView):
    authentication_classes = [WidgetKeyAuthentication, ApiKeyAuthentication]
    permission_classes = [IsShopperChannel]
    throttle_classes = [ChatIpThrottle]

    @extend_schema(parameters=[s.MessageListQuery], responses=s.MessageListOutput)
    def get(self, request: Request, conversation_id: uuid.UUID) -> Response:
        query = validated(s.MessageListQuery, request.query_params)
        conversation = found(
            conversation_get(public_id=str(conversation_id), session_id=query["session_id"])
        )
        if conversation.channel != request_channel(request):
            found(None)
        messages = message_list_after(
            conversation=conversation, seq=query["after"], limit=HISTORY_PAGE + 1
        )
        data = {
            "conversation_id": conversation.public_id,
            "messages": [message_record(m) for m in messages[:HISTORY_PAGE]],
            "has_more": len(messages) > HISTORY_PAGE,
        }
        return Response(s.MessageListOutput(data).data)
