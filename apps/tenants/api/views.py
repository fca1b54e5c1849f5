from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from apps.accounts.permissions import ReadForMembersWriteForAdmins
from apps.core.api.views import validated
from apps.tenants.api import serializers as s
from apps.tenants.services import tenant_settings_update


class StoreSettingsView(GenericAPIView):
    """The current store's own settings: members read, admins and owners change."""

    permission_classes = [ReadForMembersWriteForAdmins]
    serializer_class = s.StoreSettingsOutput

    @extend_schema(responses=s.StoreSettingsOutput)
    def get(self, request: Request) -> Response:
        return Response(s.StoreSettingsOutput(request.tenant).data)  # type: ignore[attr-defined]

    @extend_schema(request=s.StoreSettingsUpdateInput, responses=s.StoreSettingsOutput)
    def patch(self, request: Request) -> Response:
        store = tenant_settings_update(
            tenant=request.tenant,  # type: ignore[attr-defined]
            actor=request.user,
            **validated(s.StoreSettingsUpdateInput, request.data),
        )
        return Response(s.StoreSettingsOutput(store).data)
