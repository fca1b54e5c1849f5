"""Who may chat over HTTP: a storefront's widget (widget key + an allowed Origin) or a program
holding one of the store's API keys (no Origin needed: server to server)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import authentication, exceptions
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from apps.accounts.principals import ApiKeyPrincipal
from apps.conversations.models import Conversation
from apps.core.origins import request_origin
from apps.tenants.models import Tenant
from apps.tenants.selectors import tenant_get_by_widget_key
from apps.widget.keys import WIDGET_KEY_HEADER, request_widget_key
from apps.widget.selectors import widget_origin_allowed


@dataclass(frozen=True)
class WidgetPrincipal:
    """Stands in for `request.user` on widget-key requests (an anonymous shopper)."""

    tenant: Tenant
    is_authenticated: bool = True
    is_anonymous: bool = False
    is_active: bool = True
    is_staff: bool = False
    pk: None = None


class WidgetKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[WidgetPrincipal, Any] | None:
        key = request_widget_key(request._request)
        if key is None and isinstance(request.data, dict):
            key = request.data.get("widget_key") if request.method == "POST" else None
        if not key:
            return None
        tenant = tenant_get_by_widget_key(key=str(key))
        if tenant is None:
            raise exceptions.AuthenticationFailed(
                _("Unknown or revoked widget key."), code="invalid_widget_key"
            )
        if tenant.pk != getattr(getattr(request, "tenant", None), "pk", None):
            raise exceptions.PermissionDenied(
                _("This widget key belongs to another store."), code="widget_key_wrong_store"
            )
        return WidgetPrincipal(tenant=tenant), None

    def authenticate_header(self, request: Request) -> str:
        return WIDGET_KEY_HEADER


class IsShopperChannel(BasePermission):
    """A widget key used from one of the store's allowed origins, or an API key of the store
    (ApiKeyAuthentication has checked the store)."""

    # Lazy: a class attribute is evaluated once, at import, before any request's language.
    message = gettext_lazy("Use a widget key from an allowed origin, or an API key.")
    code = "not_authenticated"

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if isinstance(user, ApiKeyPrincipal):
            return True
        if not isinstance(user, WidgetPrincipal):
            return False
        origin = request.headers.get("Origin")
        if not widget_origin_allowed(origin=origin, server_origin=request_origin(request._request)):
            self.message = gettext_lazy("This page's origin may not use the store's widget.")
            self.code = "origin_not_allowed"
            return False
        request._request.widget_origin = origin  # type: ignore[attr-defined]  # CORS answer
        return True


def request_channel(request: Request) -> str:
    if isinstance(request.user, WidgetPrincipal):
        return Conversation.Channel.WIDGET
    return Conversation.Channel.API


def request_ip(request: Request) -> str:
    """The client address (daphne's --proxy-headers puts the proxy's X-Forwarded-For here)."""
    return str(request.META.get("REMOTE_ADDR") or "unknown")


class ChatIpThrottle(SimpleRateThrottle):
    """Reads of conversation history, per client IP at the chat per-IP rate."""

    scope = "chat_ip"

    def get_rate(self) -> str:
        return str(settings.CHAT_RATE_PER_IP)

    def get_cache_key(self, request: Request, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": request_ip(request)}
