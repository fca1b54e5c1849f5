"""Who is acting on a request, and with which role in the request's store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from django.http import HttpRequest

from apps.accounts.models import ApiKey, Membership
from apps.accounts.selectors import membership_get


class _MembershipCachingRequest(HttpRequest):
    """A request that remembers the caller's membership (looked up at most once)."""

    _membership_cache: Membership | None


@dataclass(frozen=True)
class ApiKeyPrincipal:
    """Stands in for `request.user` when an API key authenticates a request."""

    key: ApiKey
    is_authenticated: bool = True
    is_anonymous: bool = False
    is_active: bool = True
    is_staff: bool = False
    pk: None = None

    @property
    def email(self) -> str:
        return f"api-key:{self.key.prefix} ({self.key.name})"


def request_role(request: HttpRequest) -> str | None:
    """The role of the caller in `request.tenant`, or None when they have none."""
    tenant = getattr(request, "tenant", None)
    user = getattr(request, "user", None)
    if tenant is None or user is None or not user.is_authenticated:
        return None
    if isinstance(user, ApiKeyPrincipal):
        return user.key.role if user.key.tenant_id == tenant.pk else None
    cached = cast(_MembershipCachingRequest, request)
    if not hasattr(cached, "_membership_cache"):
        cached._membership_cache = membership_get(user=user, tenant=tenant)
    return cached._membership_cache.role if cached._membership_cache else None


def request_membership(request: HttpRequest) -> Membership | None:
    """The caller's membership in `request.tenant` (None for API keys and non-members)."""
    request_role(request)
    return getattr(request, "_membership_cache", None)
