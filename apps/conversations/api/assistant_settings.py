"""Assistant settings API (mounted at /api/v1/assistant/): members read, admins write. The LLM
API key is write-only: responses only say whether one is set."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from apps.accounts.permissions import IsAdmin, ReadForMembersWriteForAdmins
from apps.conversations.models import AssistantSettings
from apps.conversations.services.assistant_settings import (
    MAX_API_KEY_CHARS,
    assistant_connection_test,
    assistant_llm_key_set,
    assistant_settings_get,
    assistant_settings_update,
)
from apps.core.api.throttling import TenantUserRateThrottle
from apps.core.api.views import validated


class AssistantSettingsOutput(serializers.Serializer):
    name = serializers.CharField()
    tone = serializers.CharField()
    language_policy = serializers.ChoiceField(choices=AssistantSettings.LanguagePolicy.choices)
    store_language = serializers.CharField()
    refused_topics = serializers.ListField(child=serializers.CharField())
    escalation_message = serializers.CharField()
    handoff_enabled = serializers.BooleanField()
    provider = serializers.ChoiceField(choices=AssistantSettings.Provider.choices)
    llm_api_flavour = serializers.ChoiceField(choices=AssistantSettings.ApiFlavour.choices)
    llm_base_url = serializers.CharField()
    llm_api_version = serializers.CharField()
    llm_model = serializers.CharField()
    llm_temperature = serializers.FloatField()
    llm_api_key_set = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField()

    def get_llm_api_key_set(self, row: AssistantSettings) -> bool:
        return bool(row.llm_api_key_encrypted)


class AssistantSettingsUpdateInput(serializers.Serializer):
    """Types only; the service validates values (URLs, ranges, what the provider needs)."""

    name = serializers.CharField(required=False)
    tone = serializers.CharField(required=False, allow_blank=True)
    language_policy = serializers.ChoiceField(
        choices=AssistantSettings.LanguagePolicy.choices, required=False
    )
    store_language = serializers.CharField(required=False)
    refused_topics = serializers.ListField(child=serializers.CharField(), required=False)
    escalation_message = serializers.CharField(required=False)
    handoff_enabled = serializers.BooleanField(required=False)
    provider = serializers.ChoiceField(choices=AssistantSettings.Provider.choices, required=False)
    llm_api_flavour = serializers.ChoiceField(
        choices=AssistantSettings.ApiFlavour.choices, required=False
    )
    llm_base_url = serializers.CharField(required=False, allow_blank=True)
    llm_api_version = serializers.CharField(required=False, allow_blank=True)
    llm_model = serializers.CharField(required=False, allow_blank=True)
    llm_temperature = serializers.FloatField(required=False)


class AssistantLlmKeyInput(serializers.Serializer):
    key = serializers.CharField(max_length=MAX_API_KEY_CHARS, write_only=True)


class AssistantConnectionTestOutput(serializers.Serializer):
    ok = serializers.BooleanField()
    detail = serializers.CharField()
    model = serializers.CharField()
    latency_ms = serializers.FloatField(allow_null=True)


class AssistantConnectionTestThrottle(TenantUserRateThrottle):
    """Each test is an outbound request on the store's behalf."""

    scope = "assistant_connection_test"
    rate = "10/min"


def _settings_response() -> Response:
    return Response(AssistantSettingsOutput(assistant_settings_get()).data)


class AssistantSettingsView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForAdmins]
    serializer_class = AssistantSettingsOutput

    @extend_schema(responses=AssistantSettingsOutput)
    def get(self, request: Request) -> Response:
        return _settings_response()

    @extend_schema(request=AssistantSettingsUpdateInput, responses=AssistantSettingsOutput)
    def patch(self, request: Request) -> Response:
        assistant_settings_update(
            actor=request.user, **validated(AssistantSettingsUpdateInput, request.data)
        )
        return _settings_response()


class AssistantLlmKeyView(GenericAPIView):
    permission_classes = [IsAdmin]
    serializer_class = AssistantLlmKeyInput

    @extend_schema(request=AssistantLlmKeyInput, responses=AssistantSettingsOutput)
    def put(self, request: Request) -> Response:
        fields: dict[str, Any] = validated(AssistantLlmKeyInput, request.data)
        assistant_llm_key_set(key=fields["key"], actor=request.user)
        return _settings_response()

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request) -> Response:
        assistant_llm_key_set(key=None, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AssistantConnectionTestView(GenericAPIView):
    permission_classes = [IsAdmin]
    throttle_classes = [AssistantConnectionTestThrottle]
    serializer_class = AssistantConnectionTestOutput

    @extend_schema(request=None, responses=AssistantConnectionTestOutput)
    def post(self, request: Request) -> Response:
        return Response(AssistantConnectionTestOutput(assistant_connection_test()).data)


urlpatterns = [
    path("settings/", AssistantSettingsView.as_view(), name="assistant-settings"),
    path("settings/llm-key/", AssistantLlmKeyView.as_view(), name="assistant-llm-key"),
    path(
        "settings/test-connection/",
        AssistantConnectionTestView.as_view(),
        name="assistant-test-connection",
    ),
]
