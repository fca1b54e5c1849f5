from __future__ import annotations

from rest_framework import serializers

from apps.tenants.models import Tenant


class StoreSettingsOutput(serializers.ModelSerializer[Tenant]):
    class Meta:
        model = Tenant
        fields = ["slug", "name", "currency", "status", "updated_at"]
        read_only_fields = fields


class StoreSettingsUpdateInput(serializers.Serializer):
    """Types only; the service validates values (names as at signup, ISO 4217 codes)."""

    name = serializers.CharField(required=False, allow_blank=True)
    currency = serializers.CharField(required=False, allow_blank=True, help_text="ISO 4217 code")
