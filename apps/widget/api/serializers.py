from __future__ import annotations

from rest_framework import serializers

from apps.tenants.models import WidgetKey
from apps.widget.models import WidgetSettings


class WidgetKeyOutput(serializers.ModelSerializer[WidgetKey]):
    class Meta:
        model = WidgetKey
        fields = ["id", "key", "created_at", "revoked_at"]


class WidgetSettingsOutput(serializers.ModelSerializer[WidgetSettings]):
    class Meta:
        model = WidgetSettings
        fields = ["allowed_origins", "updated_at"]


class WidgetSettingsInput(serializers.Serializer):
    allowed_origins = serializers.ListField(
        child=serializers.CharField(max_length=300), allow_empty=True
    )
