"""HTTP edge of tenancy.

`TenantRoutingMiddleware` (first in the stack) picks the tenant for every request and activates
its schema:
  * `<BASE_DOMAIN>`              public schema, public URLs (signup, login, store picker, console)
  * `<BASE_DOMAIN>/api/...` with an API key or a widget key  the key's store
  * `<slug>.<BASE_DOMAIN>` or a store's own domain   that store, store URLs
  * anything else                404
`TenantAccessMiddleware` (after authentication) answers 403 for suspended stores and keeps
non-members out of store pages; the API enforces membership and roles itself (DRF permissions).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast
from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from apps.core import tenancy
from apps.tenants.models import Tenant
from apps.tenants.requests import RoutedHttpRequest
from apps.tenants.selectors import host_url, tenant_get_by_host

# Paths that work on a store host without membership (auth pages incl. the sign-in hand-off,
# static, API, sockets, the widget's scripts), except the members-only pages under them.
_OPEN_PREFIXES = ("/accounts/", "/static/", "/api/", "/ws/", "/favicon", "/widget.js", "/widget/")
_MEMBER_PREFIXES = ("/widget/preview/",)


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get(
        "Accept", ""
    )


def error_response(request: HttpRequest, *, status: int, code: str, detail: str) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"code": code, "detail": detail}, status=status)
    return render(
        request,
        "errors/tenant_error.html",
        {"status": status, "code": code, "detail": detail},
        status=status,
    )


def _key_tenant(request: HttpRequest) -> Tenant | None:
    """The store named by the request's API key, else by its widget key."""
    from apps.accounts.authentication import request_api_key
    from apps.tenants.selectors import tenant_get_by_widget_key
    from apps.widget.keys import request_widget_key

    key = request_api_key(request)
    if key is not None:
        return key.tenant
    widget_key = request_widget_key(request)
    return tenant_get_by_widget_key(key=widget_key) if widget_key else None


class TenantRoutingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        tenancy.activate_public()
        hostname = request.get_host().rsplit(":", 1)[0].lower()  # DisallowedHost -> 400
        tenant: Tenant | None = None
        if hostname == settings.BASE_DOMAIN:
            if request.path.startswith("/api/"):
                tenant = _key_tenant(request)
        else:
            tenant = tenant_get_by_host(host=hostname)
            if tenant is None:
                return error_response(
                    request,
                    status=404,
                    code="unknown_store",
                    detail=_("There is no store at this address."),
                )
        routed = cast(RoutedHttpRequest, request)
        routed.tenant = tenant
        if tenant is None:
            routed.urlconf = settings.PUBLIC_SCHEMA_URLCONF
        else:
            tenancy.activate(tenant)
            routed.urlconf = settings.ROOT_URLCONF
        return self.get_response(request)


class TenantAccessMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from apps.accounts.principals import request_role

        tenant: Tenant | None = getattr(request, "tenant", None)
        if tenant is None or request.path.startswith("/static/"):
            return self.get_response(request)
        if not tenant.is_active:
            return error_response(
                request,
                status=403,
                code="store_suspended",
                detail=_(
                    "This store is suspended. Its data is kept; contact support to restore access."
                ),
            )
        if request.path.startswith(_OPEN_PREFIXES) and not request.path.startswith(
            _MEMBER_PREFIXES
        ):
            return self.get_response(request)
        if not request.user.is_authenticated:
            # Sign in on the root domain, which then hands the session over to this host.
            open_url = host_url(path=f"/stores/{tenant.slug}/open/")
            return HttpResponseRedirect(f"{open_url}?next={quote(request.get_full_path())}")
        if request_role(request) is None:
            return error_response(
                request,
                status=403,
                code="not_a_member",
                detail=_("Your account is not a member of this store."),
            )
        return self.get_response(request)
