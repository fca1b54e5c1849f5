from __future__ import annotations

from typing import Any

from rest_framework.request import Request
from rest_framework.throttling import UserRateThrottle


class TenantUserRateThrottle(UserRateThrottle):
    """Per caller (user or API key) and per store: one noisy integration does not throttle a
    person using the admin site."""

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None
        auth = request.auth
        ident = f"key:{auth.pk}" if getattr(auth, "prefix", None) else f"user:{request.user.pk}"
        tenant = getattr(request, "tenant", None)
        return self.cache_format % {
            "scope": self.scope,
            "ident": f"{getattr(tenant, 'pk', 'public')}:{ident}",
        }
