"""The widget preview page for the admin site's live preview (an iframe on the store's host):
the real install snippet of the store's newest active key, under a strict CSP like a careful
storefront's, so what it shows is what shoppers get."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from apps.core.origins import request_origin, ws_origin_for
from apps.tenants.requests import StoreHttpRequest
from apps.tenants.selectors import widget_key_active_first
from apps.widget.snippet import install_snippet


@require_safe
def widget_preview(request: StoreHttpRequest) -> HttpResponse:
    """Members only (TenantAccessMiddleware). The snippet loads from the root domain on the
    request's scheme and port: from the store's own host the config request would be
    same-origin, and browsers send no Origin header on same-origin GETs."""
    port = urlsplit(request_origin(request)).port
    api_host = f"{settings.BASE_DOMAIN}:{port}" if port else settings.BASE_DOMAIN
    api_origin = f"{request.scheme}://{api_host}"
    ws_origin = ws_origin_for(api_origin)
    key = widget_key_active_first(tenant=request.tenant)
    response = render(
        request,
        "widget/preview.html",
        {
            "store_name": request.tenant.name,
            "snippet": install_snippet(api_origin=api_origin, key=key.key) if key else None,
        },
    )
    response["Content-Security-Policy"] = "; ".join(
        [
            "default-src 'none'",
            f"script-src {api_origin}",
            f"connect-src {api_origin} {ws_origin}",
            "style-src 'self'",
            f"img-src {api_origin} https: data:",
            "frame-ancestors 'self'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    return response
