"""Widget keys and settings for the admin site (members read, admins and owners change), and
the public config storefront pages fetch."""

from __future__ import annotations

from typing import Any

from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import APIException, NotFound, PermissionDenied
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.permissions import ReadForMembersWriteForAdmins
from apps.core.api.views import found, paginated, validated
from apps.core.origins import request_origin, ws_origin_for
from apps.core.tenancy import tenant_context
from apps.tenants.models import WidgetKey
from apps.tenants.requests import StoreRequest
from apps.tenants.selectors import (
    tenant_get_by_widget_key,
    widget_key_active_first,
    widget_key_get,
    widget_key_list,
)
from apps.tenants.services import widget_key_create, widget_key_revoke, widget_key_rotate
from apps.widget.api import serializers as s
from apps.widget.models import WidgetSettings
from apps.widget.selectors import widget_config_for_origin
from apps.widget.services import widget_settings_get, widget_settings_update
from apps.widget.serving import widget_manifest
from apps.widget.snippet import install_snippet

# Browsers may reuse a config this long (the server-side copy is cleared on changes).
CONFIG_MAX_AGE_S = 60


def _key(request: StoreRequest, key_id: int) -> WidgetKey:
    return found(widget_key_get(tenant=request.tenant, key_id=key_id))


class WidgetKeyListView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForAdmins]
    serializer_class = s.WidgetKeyOutput

    @extend_schema(responses=s.WidgetKeyOutput(many=True))
    def get(self, request: StoreRequest) -> Response:
        return paginated(self, widget_key_list(tenant=request.tenant), s.WidgetKeyOutput)

    @extend_schema(request=None, responses={201: s.WidgetKeyOutput})
    def post(self, request: StoreRequest) -> Response:
        key = widget_key_create(tenant=request.tenant, actor=request.user)
        return Response(s.WidgetKeyOutput(key).data, status=status.HTTP_201_CREATED)


class WidgetKeyDetailView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForAdmins]

    @extend_schema(responses={204: None})
    def delete(self, request: StoreRequest, key_id: int) -> Response:
        widget_key_revoke(key=_key(request, key_id), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WidgetKeyRotateView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForAdmins]

    @extend_schema(request=None, responses={201: s.WidgetKeyOutput})
    def post(self, request: StoreRequest, key_id: int) -> Response:
        key = widget_key_rotate(key=_key(request, key_id), actor=request.user)
        return Response(s.WidgetKeyOutput(key).data, status=status.HTTP_201_CREATED)


class WidgetUnavailable(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = gettext_lazy("The widget is not built on this server.")
    default_code = "unavailable"


def _settings_response(request: StoreRequest, settings: WidgetSettings) -> Response:
    key = widget_key_active_first(tenant=request.tenant)
    snippet = install_snippet(api_origin=request_origin(request), key=key.key) if key else None
    return Response(s.WidgetSettingsOutput(settings, context={"snippet": snippet}).data)


class WidgetSettingsView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForAdmins]
    serializer_class = s.WidgetSettingsOutput

    @extend_schema(responses=s.WidgetSettingsOutput)
    def get(self, request: StoreRequest) -> Response:
        return _settings_response(request, widget_settings_get())

    @extend_schema(request=s.WidgetSettingsInput, responses=s.WidgetSettingsOutput)
    def patch(self, request: StoreRequest) -> Response:
        fields = validated(s.WidgetSettingsInput, request.data)
        return _settings_response(request, widget_settings_update(actor=request.user, **fields))


class WidgetConfigView(APIView):
    """The public config a storefront's loader fetches: no session, CSRF or cookies; the page's
    Origin must be allowed. The store comes from the key; on a store's own host a key of
    another store is unknown."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes: list[Any] = []

    @extend_schema(responses=s.WidgetConfigOutput)
    def get(self, request: Request, key: str) -> Response:
        tenant = tenant_get_by_widget_key(key=key)
        host_tenant = getattr(request, "tenant", None)
        if tenant is None or (host_tenant is not None and host_tenant.pk != tenant.pk):
            raise NotFound(_("Unknown or revoked widget key."), code="not_found")
        if not tenant.is_active:
            raise PermissionDenied(_("This store is suspended."), code="store_suspended")
        manifest = widget_manifest()
        if manifest is None:
            raise WidgetUnavailable
        origin = request.headers.get("Origin", "")
        own = request_origin(request)
        with tenant_context(tenant):
            store = widget_config_for_origin(origin=origin, server_origin=own)
        if store is None:
            raise PermissionDenied(
                _("This page's origin may not use the store's widget."),
                code="origin_not_allowed",
            )
        request._request.widget_origin = origin  # type: ignore[attr-defined]  # CORS answer
        config = store.config | {
            "panel_url": f"{own}/widget/{manifest.panel}",
            "ws_url": f"{ws_origin_for(own)}/ws/widget/{key}/",
            "http_url": f"{own}/api/v1/chat/",
        }
        response = Response(config)
        # The live preview must show a save at once rather than a browser-cached config.
        response["Cache-Control"] = (
            "no-cache" if store.preview else f"public, max-age={CONFIG_MAX_AGE_S}"
        )
        # The page may see how long the request waited for the server (its RUM, bench widget).
        response["Timing-Allow-Origin"] = origin
        return response

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        # Refusals too: a shared cache must not hand one origin's answer to another.
        patch_vary_headers(response, ["Origin"])
        return super().finalize_response(request, response, *args, **kwargs)
