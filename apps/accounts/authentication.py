from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from apps.accounts.principals import ApiKeyPrincipal
from apps.accounts.services.api_keys import KEY_PREFIX, api_key_authenticate


def bearer_api_key(header: str) -> str | None:
    scheme, _sep, credentials = header.partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip().startswith(KEY_PREFIX):
        return None
    return credentials.strip()


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer ak_...`. A key only opens its own store."""

    def authenticate(self, request: Request) -> tuple[ApiKeyPrincipal, Any] | None:
        raw = bearer_api_key(request.headers.get("Authorization", ""))
        if raw is None:
            return None
        key = api_key_authenticate(raw=raw)
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
