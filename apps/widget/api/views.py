"""Widget keys and settings for the admin site (issue 6 builds its pages). Members read,
admins and owners change."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from apps.accounts.permissions import ReadForMembersWriteForAdmins
from apps.core.api.views import found, paginated, validated
from apps.tenants.models import WidgetKey
from apps.tenants.selectors import widget_key_get, widget_key_list
from apps.tenants.services import widget_key_create, widget_key_revoke, widget_key_rotate
from apps.widget.api import serializers as s
from apps.widget.services import widget_settings_get, widget_settings_update


def _key(request: Request, key_id: int) -> WidgetKey:
    return found(widget_key_get(tenant=request.tenant, key_id=key_id))  # type: ignore[attr-defined]


class WidgetKeyListView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForAdmins]
    serializer_class = s.WidgetKeyOutput

    @extend_schema(responses=s.WidgetKeyOutput(many=True))
    def get(self, request: Request) -> Response:
        return paginated(self, widget_key_list(tenant=request.tenant), s.WidgetKeyOutput)  # type: ignore[attr-defined]

    @extend_schema(request=None, responses={201: s.WidgetKeyOutput})
    def post(self, request: Request) -> Response:
        key = widget_key_create(tenant=request.tenant, actor=request.user)  # type: ignore[attr-defined]
        return Response(s.WidgetKeyOutput(key).data, status=status.HTTP_201_CREATED)


class WidgetKeyDetailView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForAdmins]

    @extend_schema(responses={204: None})
    def delete(self, request: Request, key_id: int) -> Response:
        widget_key_revoke(key=_key(request, key_id), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WidgetKeyRotateView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForAdmins]

    @extend_schema(request=None, responses={201: s.WidgetKeyOutput})
    def post(self, request: Request, key_id: int) -> Response:
        key = widget_key_rotate(key=_key(request, key_id), actor=request.user)
        return Response(s.WidgetKeyOutput(key).data, status=status.HTTP_201_CREATED)


class WidgetSettingsView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForAdmins]

    @extend_schema(responses=s.WidgetSettingsOutput)
    def get(self, request: Request) -> Response:
        return Response(s.WidgetSettingsOutput(widget_settings_get()).data)

    @extend_schema(request=s.WidgetSettingsInput, responses=s.WidgetSettingsOutput)
    def patch(self, request: Request) -> Response:
        fields = validated(s.WidgetSettingsInput, request.data)
        settings = widget_settings_update(actor=request.user, **fields)
        return Response(s.WidgetSettingsOutput(settings).data)
