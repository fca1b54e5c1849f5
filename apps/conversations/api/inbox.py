"""The merchants' inbox (README, "Inbox API"): members read the store's conversations;
editors and up resolve, reopen and reply to shoppers handed to the team."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from apps.accounts.permissions import IsEditor, IsTenantMember
from apps.conversations.api import serializers as s
from apps.conversations.models import Conversation
from apps.conversations.selectors import (
    conversation_get_for_inbox,
    conversation_list,
    message_list_after,
)
from apps.conversations.services.inbox import (
    NotHandedOff,
    agent_reply_post,
    conversation_reopen,
    conversation_resolve,
)
from apps.core.api.views import found, paginated, validated
from apps.tenants.requests import StoreRequest


def _conversation(conversation_id: uuid.UUID) -> Conversation:
    return found(conversation_get_for_inbox(public_id=conversation_id))


class ConversationListView(GenericAPIView):
    permission_classes = [IsTenantMember]
    serializer_class = s.ConversationOutput

    @extend_schema(parameters=[s.ConversationListQuery], responses=s.ConversationOutput(many=True))
    def get(self, request: Request) -> Response:
        filters = validated(s.ConversationListQuery, request.query_params)
        return paginated(self, conversation_list(**filters), s.ConversationOutput)


class ConversationDetailView(GenericAPIView):
    permission_classes = [IsTenantMember]

    @extend_schema(responses=s.ConversationDetailOutput)
    def get(self, request: Request, conversation_id: uuid.UUID) -> Response:
        return Response(_detail(_conversation(conversation_id)))


def _detail(conversation: Conversation) -> dict[str, object]:
    messages = message_list_after(conversation=conversation)
    return {
        **s.ConversationOutput(conversation).data,
        "messages": s.InboxMessageOutput(messages, many=True).data,
    }


# POST sets the conversation's status through `change` (a service) and returns it.
class _ConversationStatusView(GenericAPIView):
    permission_classes = [IsEditor]
    change: Callable[..., Conversation]

    @extend_schema(request=None, responses=s.ConversationDetailOutput)
    def post(self, request: StoreRequest, conversation_id: uuid.UUID) -> Response:
        conversation = type(self).change(
            tenant=request.tenant,
            conversation=_conversation(conversation_id),
        )
        return Response(_detail(conversation))


class ConversationResolveView(_ConversationStatusView):
    change = staticmethod(conversation_resolve)


class ConversationReopenView(_ConversationStatusView):
    change = staticmethod(conversation_reopen)


class ConversationReplyView(GenericAPIView):
    permission_classes = [IsEditor]

    @extend_schema(request=s.AgentReplyInput, responses={201: s.InboxMessageOutput})
    def post(self, request: StoreRequest, conversation_id: uuid.UUID) -> Response:
        text = validated(s.AgentReplyInput, request.data)["text"]
        try:
            message = agent_reply_post(
                tenant=request.tenant,
                conversation=_conversation(conversation_id),
                author=request.user,
                text=text,
            )
        except NotHandedOff as refused:
            return Response(
                {"code": refused.code, "detail": refused.detail}, status=status.HTTP_409_CONFLICT
            )
        return Response(s.InboxMessageOutput(message).data, status=status.HTTP_201_CREATED)
