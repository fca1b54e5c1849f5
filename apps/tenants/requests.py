"""Typed requests for store traffic. `TenantRoutingMiddleware` sets `tenant` on every request
(None on the root domain); views behind store routing receive a store, so they annotate their
request as `StoreRequest` (DRF) or `StoreHttpRequest` (plain Django) instead of `Any`."""

from __future__ import annotations

from django.http import HttpRequest
from rest_framework.request import Request

from apps.tenants.models import Tenant


class RoutedHttpRequest(HttpRequest):
    """Any request after tenant routing: a store on store hosts and keyed API calls."""

    tenant: Tenant | None
    urlconf: str


class StoreHttpRequest(HttpRequest):
    tenant: Tenant


class StoreRequest(Request):
    """DRF's request proxies unknown attributes to the Django request, `tenant` included."""

    tenant: Tenant
