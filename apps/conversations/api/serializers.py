from __future__ import annotations

from rest_framework import serializers


class ChatMessageInput(serializers.Serializer):
    session_id = serializers.CharField(max_length=64)
    # Length and characters are checked by limits.message_text_check (too_large vs invalid).
    text = serializers.CharField(allow_blank=True, trim_whitespace=False)
    conversation_id = serializers.UUIDField(required=False)
    locale = serializers.CharField(required=False, max_length=16)
    widget_key = serializers.CharField(required=False, max_length=100)
    # For order lookups only, never stored; checked by apps.conversations.shopper like the
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
