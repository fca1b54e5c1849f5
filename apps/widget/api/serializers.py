from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.tenants.models import WidgetKey
from apps.widget.models import WidgetSettings
from apps.widget.selectors import widget_theme
from apps.widget.theme import HEX_COLOR

MAX_SUGGESTED_QUESTIONS = 6


class WidgetKeyOutput(serializers.ModelSerializer[WidgetKey]):
    class Meta:
        model = WidgetKey
        fields = ["id", "key", "created_at", "revoked_at"]
        read_only_fields = fields


class WidgetThemeOutput(serializers.Serializer):
    primary = serializers.CharField()
    on_primary = serializers.CharField()
    position = serializers.ChoiceField(choices=WidgetSettings.Position.choices)
    icon = serializers.ChoiceField(choices=WidgetSettings.LauncherIcon.choices)


class WidgetSettingsOutput(serializers.ModelSerializer[WidgetSettings]):
    """`snippet` comes from the view's context (it needs the request and the store's key)."""

    allowed_origins = serializers.ListField(child=serializers.CharField(), read_only=True)
    suggested_questions = serializers.ListField(child=serializers.CharField(), read_only=True)
    theme = serializers.SerializerMethodField()
    snippet = serializers.SerializerMethodField()

    class Meta:
        model = WidgetSettings
        fields = [
            "allowed_origins",
            "primary_color",
            "position",
            "launcher_icon",
            "greeting",
            "suggested_questions",
            "locale",
            "theme",
            "snippet",
            "updated_at",
        ]
        # An output: every field is always present (the schema marks them required).
        read_only_fields = fields

    @extend_schema_field(WidgetThemeOutput)
    def get_theme(self, settings: WidgetSettings) -> dict[str, str]:
        return widget_theme(settings)

    def get_snippet(self, settings: WidgetSettings) -> str | None:
        snippet: Any = self.context.get("snippet")
        return snippet if isinstance(snippet, str) else None


class WidgetSettingsInput(serializers.Serializer):
    allowed_origins = serializers.ListField(
        child=serializers.CharField(max_length=300), allow_empty=True, required=False
    )
    primary_color = serializers.RegexField(
        HEX_COLOR,
        required=False,
        error_messages={"invalid": "A colour like #1f6feb is expected."},
    )
    position = serializers.ChoiceField(choices=WidgetSettings.Position.choices, required=False)
    launcher_icon = serializers.ChoiceField(
        choices=WidgetSettings.LauncherIcon.choices, required=False
    )
    greeting = serializers.CharField(max_length=300, allow_blank=True, required=False)
    suggested_questions = serializers.ListField(
        child=serializers.CharField(max_length=120),
        max_length=MAX_SUGGESTED_QUESTIONS,
        allow_empty=True,
        required=False,
    )
    locale = serializers.ChoiceField(
        choices=WidgetSettings.Locale.choices, allow_blank=True, required=False
    )


class WidgetConfigOutput(serializers.Serializer):
    """The public config a storefront's loader fetches (README, "Widget")."""

    store = serializers.DictField()
    assistant = serializers.DictField()
    theme = WidgetThemeOutput()
    greeting = serializers.CharField()
    suggested_questions = serializers.ListField(child=serializers.CharField())
    locale = serializers.CharField()
    order_lookup = serializers.BooleanField()
    panel_url = serializers.URLField()
    ws_url = serializers.CharField()
    http_url = serializers.URLField()
