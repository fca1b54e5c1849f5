from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from apps.accounts.permissions import ReadForMembersWriteForAdmins
from apps.core.api.views import validated
from apps.tenants.api import serializers as s
from apps.tenants.requests import StoreRequest
from apps.tenants.services import tenant_settings_update


class StoreSettingsView(GenericAPIView):
    """The current store's own settings: members read, admins and owners change."""

    permission_classes = [ReadForMembersWriteForAdmins]
    serializer_class = s.StoreSettingsOutput

    @extend_schema(responses=s.StoreSettingsOutput)
    def get(self, request: StoreRequest) -> Response:
        return Response(s.StoreSettingsOutput(request.tenant).data)

    @extend_schema(request=s.StoreSettingsUpdateInput, responses=s.StoreSettingsOutput)
    def patch(self, request: StoreRequest) -> Response:
        store = tenant_settings_update(
            tenant=request.tenant,
            actor=request.user,
            **validated(s.StoreSettingsUpdateInput, request.data),
        )
        return Response(s.StoreSettingsOutput(store).data)
