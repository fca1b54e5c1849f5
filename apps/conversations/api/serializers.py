from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.catalog.cards import ProductCardFields
from apps.conversations.limits import text_is_clean
from apps.conversations.models import Conversation, Message
from apps.core.api.schema import stored_json


class ChatMessageInput(serializers.Serializer):
    session_id = serializers.CharField(max_length=64)
    # Length and characters are checked by limits.message_text_check (too_large vs invalid).
    text = serializers.CharField(allow_blank=True, trim_whitespace=False)
    conversation_id = serializers.UUIDField(required=False)
    locale = serializers.CharField(required=False, max_length=16)
    widget_key = serializers.CharField(required=False, max_length=100)
    # For order lookups only, never stored; checked by apps.conversations.transport.shopper like the
    # WebSocket's hello.email and message.order.
    email = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    order = serializers.DictField(required=False, help_text='{"number", "email"?}')


class PlaygroundMessageInput(serializers.Serializer):
    text = serializers.CharField(allow_blank=True, trim_whitespace=False)
    conversation_id = serializers.UUIDField(required=False)
    locale = serializers.CharField(required=False, max_length=16)


class MessageListQuery(serializers.Serializer):
    session_id = serializers.CharField(max_length=64)
    after = serializers.IntegerField(required=False, min_value=0, default=0)


class MessageRecordOutput(serializers.Serializer):
    message_id = serializers.UUIDField()
    seq = serializers.IntegerField()
    role = serializers.CharField()
    status = serializers.CharField()
    content = serializers.CharField()
    citations = serializers.ListField(child=serializers.DictField())
    products = serializers.ListField(child=serializers.DictField())
    feedback = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField()
    author = serializers.CharField(allow_null=True)


class MessageListOutput(serializers.Serializer):
    conversation_id = serializers.UUIDField()
    messages = MessageRecordOutput(many=True)
    has_more = serializers.BooleanField()


class ToolOutput(serializers.Serializer):
    name = serializers.CharField()
    status = serializers.CharField()
    result = serializers.DictField()


class ErrorOutput(serializers.Serializer):
    code = serializers.CharField()
    detail = serializers.CharField()


class TurnOutput(serializers.Serializer):
    conversation_id = serializers.UUIDField()
    user_message_id = serializers.UUIDField(allow_null=True)
    message_id = serializers.UUIDField(allow_null=True)
    status = serializers.ChoiceField(choices=["complete", "stopped", "failed"])
    text = serializers.CharField(allow_blank=True)
    citations = serializers.ListField(child=serializers.DictField())
    products = serializers.ListField(child=serializers.DictField())
    tools = ToolOutput(many=True)
    timings = serializers.DictField()
    error = ErrorOutput(allow_null=True)


class ConversationListQuery(serializers.Serializer):
    status = serializers.ChoiceField(choices=Conversation.Status.choices, required=False)
    channel = serializers.ChoiceField(choices=Conversation.Channel.choices, required=False)
    since = serializers.DateField(required=False)
    until = serializers.DateField(required=False)
    feedback = serializers.ChoiceField(choices=Message.Feedback.choices, required=False)


class FeedbackCountsOutput(serializers.Serializer):
    up = serializers.IntegerField(source="feedback_up")
    down = serializers.IntegerField(source="feedback_down")


class ConversationOutput(serializers.Serializer):
    """A row of the inbox (`selectors.conversation_list`, with its annotations)."""

    id = serializers.UUIDField(source="public_id")
    channel = serializers.ChoiceField(choices=Conversation.Channel.choices)
    status = serializers.ChoiceField(choices=Conversation.Status.choices)
    locale = serializers.CharField()
    started_at = serializers.DateTimeField()
    last_activity_at = serializers.DateTimeField()
    message_count = serializers.IntegerField()
    preview = serializers.CharField(allow_null=True)
    last_message = serializers.CharField(allow_null=True)
    feedback = FeedbackCountsOutput(source="*")
    handed_off = serializers.SerializerMethodField()

    def get_handed_off(self, conversation: Conversation) -> bool:
        return conversation.handed_off_at is not None


class AnswerCitationOutput(serializers.Serializer):
    """A source an answer cites as `[n]` (apps.conversations.pipeline.citations); which of the
    optional fields are present depends on the kind."""

    n = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=["knowledge", "product", "order"])
    title = serializers.CharField()
    url = serializers.CharField(allow_null=True, required=False)
    section = serializers.CharField(allow_null=True, required=False)
    page = serializers.IntegerField(allow_null=True, required=False)
    snippet = serializers.CharField(required=False)
    source_id = serializers.IntegerField(required=False)
    source_name = serializers.CharField(required=False)
    document_id = serializers.IntegerField(required=False)
    chunk_id = serializers.IntegerField(required=False)
    product_id = serializers.IntegerField(required=False)
    handle = serializers.CharField(required=False)


class AnswerProductOutput(ProductCardFields):
    """A product card an answer showed: the catalog search's card, without its score."""


class ToolCallOutput(serializers.Serializer):
    name = serializers.CharField()
    arguments = serializers.DictField(required=False)
    result = serializers.JSONField(required=False)


class InboxMessageOutput(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    seq = serializers.IntegerField()
    role = serializers.ChoiceField(choices=Message.Role.choices)
    status = serializers.ChoiceField(choices=Message.Status.choices)
    content = serializers.CharField()
    citations = stored_json(AnswerCitationOutput(many=True))
    products = stored_json(AnswerProductOutput(many=True))
    tool_calls = stored_json(ToolCallOutput(many=True))
    feedback = serializers.SerializerMethodField()
    feedback_comment = serializers.CharField()
    timings = serializers.SerializerMethodField()
    model = serializers.CharField()
    created_at = serializers.DateTimeField()
    author = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ChoiceField(choices=Message.Feedback.choices, allow_null=True))
    def get_feedback(self, message: Message) -> str | None:
        return message.feedback or None

    def get_author(self, message: Message) -> str | None:
        return message.author_name or None

    def get_timings(self, message: Message) -> dict[str, float | None]:
        return {
            "retrieval_ms": message.retrieval_ms,
            "first_token_ms": message.first_token_ms,
            "total_ms": message.total_ms,
        }


class ConversationDetailOutput(ConversationOutput):
    messages = InboxMessageOutput(many=True)


class AgentReplyInput(serializers.Serializer):
    text = serializers.CharField(max_length=4000)

    def validate_text(self, value: str) -> str:
        if not text_is_clean(value):
            raise serializers.ValidationError(
                _("The reply contains characters that are not text."), code="invalid"
            )
        return value
