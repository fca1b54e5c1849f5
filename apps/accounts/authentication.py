from __future__ import annotations

from typing import Any, cast

from django.http import HttpRequest
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from apps.accounts.models import ApiKey
from apps.accounts.principals import ApiKeyPrincipal
from apps.accounts.services.api_keys import KEY_PREFIX, api_key_authenticate


def bearer_api_key(header: str) -> str | None:
    scheme, _sep, credentials = header.partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip().startswith(KEY_PREFIX):
        return None
    return credentials.strip()


class _ApiKeyCachingRequest(HttpRequest):
    _api_key: ApiKey | None


def request_api_key(request: HttpRequest) -> ApiKey | None:
    """The valid API key a request carries, checked once per request: routing (root-domain API
    calls) and DRF authentication both ask."""
    cached = cast(_ApiKeyCachingRequest, request)
    if not hasattr(cached, "_api_key"):
        raw = bearer_api_key(request.headers.get("Authorization", ""))
        cached._api_key = api_key_authenticate(raw=raw) if raw else None
    return cached._api_key


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer ak_...`. A key only opens its own store."""

    def authenticate(self, request: Request) -> tuple[ApiKeyPrincipal, Any] | None:
        if bearer_api_key(request.headers.get("Authorization", "")) is None:
            return None
        key = request_api_key(request._request)
        if key is None:
            raise exceptions.AuthenticationFailed(
                _("Invalid or revoked API key."), code="invalid_api_key"
            )
        tenant = getattr(request, "tenant", None)
        if tenant is None or key.tenant_id != tenant.pk:
            raise exceptions.PermissionDenied(
                _("This API key belongs to another store."), code="api_key_wrong_store"
            )
        return ApiKeyPrincipal(key=key), key

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'
