from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet

from apps.core.origins import origin_matches, origin_normalize
from apps.tenants.models import Domain, Tenant, WidgetKey

WIDGET_KEY_PREFIX = "pk_"
_WIDGET_KEY_SHAPE = re.compile(r"^pk_[A-Za-z0-9_-]{20,60}$")


def tenant_get_by_slug(*, slug: str) -> Tenant | None:
    return Tenant.objects.filter(slug=slug).first()


def tenant_get_by_host(*, host: str) -> Tenant | None:
    """The tenant a Host header (port stripped, lower-cased) belongs to, public one included."""
    hostname = host.rsplit(":", 1)[0].lower().rstrip(".") if host else ""
    if not hostname:
        return None
    domain = Domain.objects.select_related("tenant").filter(domain=hostname).first()
    return domain.tenant if domain else None


def widget_key_cache_key(key: str) -> str:
    return f"widget-key:{key}"


def tenant_get_by_widget_key(*, key: str) -> Tenant | None:
    """The store an active widget key belongs to (whatever the store's status: the edges answer
    "suspended" themselves), or None. Widget connections resolve their store on every connect,
    so answers are cached for WIDGET_KEY_CACHE_S; revoking or rotating a key and suspending or
    reactivating a store delete the entries (apps.tenants.services)."""
    if not _WIDGET_KEY_SHAPE.match(key):
        return None
    cache_key = widget_key_cache_key(key)
    cached = cache.get(cache_key)
    if cached is not None:
        return cached or None  # False: known to be unknown
    found = (
        WidgetKey.objects.select_related("tenant").filter(key=key, revoked_at__isnull=True).first()
    )
    tenant = found.tenant if found else None
    cache.set(cache_key, tenant or False, settings.WIDGET_KEY_CACHE_S)
    return tenant


def widget_key_list(*, tenant: Tenant) -> QuerySet[WidgetKey]:
    return WidgetKey.objects.filter(tenant=tenant)


def widget_key_active_first(*, tenant: Tenant) -> WidgetKey | None:
    """The store's newest active key: the one its install snippet shows."""
    return widget_key_list(tenant=tenant).filter(revoked_at__isnull=True).first()


def tenant_domain_list(*, tenant: Tenant) -> list[str]:
    """The host names Aisle serves the store on (`<slug>.<BASE_DOMAIN>`, custom domains)."""
    return list(Domain.objects.filter(tenant=tenant).values_list("domain", flat=True))


def tenant_origin_own(*, tenant: Tenant, origin: str | None, server_origin: str | None) -> bool:
    """Whether `origin` is one of the store's own hosts (its domains) with the scheme and port
    of `server_origin`, the `scheme://host[:port]` the request itself was addressed to."""
    if not origin or not server_origin:
        return False
    try:
        server = urlsplit(origin_normalize(server_origin))
    except ValidationError:
        return False
    scheme, suffix = server.scheme, f":{server.port}" if server.port else ""
    own = [f"{scheme}://{domain}{suffix}" for domain in tenant_domain_list(tenant=tenant)]
    return origin_matches(origin=origin, allowed=own)


def widget_key_active_exists(*, tenant: Tenant) -> bool:
    return WidgetKey.objects.filter(tenant=tenant, revoked_at__isnull=True).exists()


def widget_key_get(*, tenant: Tenant, key_id: int) -> WidgetKey | None:
    return WidgetKey.objects.filter(tenant=tenant, pk=key_id).first()


def store_list(*, active_only: bool = False) -> QuerySet[Tenant]:
    """Every store (tenant schemas only, never `public`), for cross-store periodic work."""
    stores = Tenant.objects.exclude(schema_name="public").order_by("pk")
    return stores.filter(status=Tenant.Status.ACTIVE) if active_only else stores


def tenant_list_with_member_counts() -> QuerySet[Tenant]:
    return store_list().annotate(member_count=Count("memberships")).order_by("-created_at")


def tenant_url(*, tenant: Tenant, path: str = "/app/") -> str:
    return host_url(host=f"{tenant.slug}.{settings.BASE_DOMAIN}", path=path)


def store_open_url(*, tenant: Tenant) -> str:
    """Where links to a store point: the root domain signs the member in on the store's host."""
    return host_url(path=f"/stores/{tenant.slug}/open/")


def host_url(*, host: str | None = None, path: str = "/") -> str:
    port = f":{settings.SITE_PORT}" if settings.SITE_PORT else ""
    return f"{settings.SITE_SCHEME}://{host or settings.BASE_DOMAIN}{port}{path}"
