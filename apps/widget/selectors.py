from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.cache import cache

from apps.catalog.selectors import order_exists
from apps.conversations.services.assistant_settings import assistant_settings_get
from apps.core.defaults import row_differs_from_defaults
from apps.core.origins import origin_matches
from apps.core.tenancy import current_tenant
from apps.tenants.selectors import tenant_origin_own
from apps.widget.config_cache import WIDGET_CONFIG_CACHE_S, widget_config_cache_key
from apps.widget.models import WidgetSettings
from apps.widget.theme import theme_for


def widget_settings_find() -> WidgetSettings | None:
    """The store's widget settings row, without creating it (reads must not write)."""
    return WidgetSettings.objects.filter(pk=1).first()


def widget_settings_customised(*, settings: WidgetSettings | None) -> bool:
    """Whether the merchant changed the widget's appearance; allowed origins are the install
    step's business, not the look."""
    return row_differs_from_defaults(settings, ignore=["allowed_origins"])


def widget_origin_listed(*, origin: str | None) -> bool:
    """Whether the Origin is one of the store's allowed origins (its storefronts)."""
    return origin_matches(origin=origin, allowed=_widget_store_cached()["allowed_origins"])


def widget_origin_allowed(*, origin: str | None, server_origin: str | None = None) -> bool:
    """Whether widget-key traffic from this Origin is accepted by the active store: one of its
    allowed origins, or one of the store's own Aisle hosts (its domains, the admin site's live
    preview) with the scheme and port of `server_origin`, the `scheme://host[:port]` the request
    itself was addressed to."""
    return widget_origin_listed(origin=origin) or _widget_origin_own_host(
        origin=origin, server_origin=server_origin
    )


def _widget_origin_own_host(*, origin: str | None, server_origin: str | None) -> bool:
    tenant = current_tenant()
    return tenant is not None and tenant_origin_own(
        tenant=tenant, origin=origin, server_origin=server_origin
    )


@dataclass(frozen=True)
class WidgetStoreConfig:
    config: dict[str, Any]
    # The page is the store's own host (the admin site's live preview), not a listed storefront.
    preview: bool


def widget_config_for_origin(*, origin: str, server_origin: str) -> WidgetStoreConfig | None:
    """The active store's part of the public config for a page at `origin` (see
    widget_origin_allowed), or None when that page may not use the widget. One cache read on
    the hot path: every storefront page view asks for it."""
    record = _widget_store_cached()
    if origin_matches(origin=origin, allowed=record["allowed_origins"]):
        return WidgetStoreConfig(config=dict(record["config"]), preview=False)
    if _widget_origin_own_host(origin=origin, server_origin=server_origin):
        return WidgetStoreConfig(config=dict(record["config"]), preview=True)
    return None


def widget_theme(settings: WidgetSettings) -> dict[str, str]:
    """The effective look: the merchant's colour corrected for contrast (theme.py)."""
    theme = theme_for(settings.primary_color)
    return {
        "primary": theme.primary,
        "on_primary": theme.on_primary,
        "position": settings.position,
        "icon": settings.launcher_icon,
    }


def widget_config_store_part() -> dict[str, Any]:
    """What the public config says about the active store (everything but its URLs)."""
    return dict(_widget_store_cached()["config"])


def _widget_store_cached() -> dict[str, Any]:
    """The active store's config part and allowed origins, cached together: a storefront's
    config request (and a chat connection's origin check) then reads one cache entry and no
    database row. widget_config_forget clears it when either changes."""
    cached = cache.get(widget_config_cache_key())
    if cached is not None:
        return dict(cached)
    tenant = current_tenant()
    # A store that never saved its widget settings reads the defaults (reads must not write).
    widget = widget_settings_find() or WidgetSettings()
    assistant = assistant_settings_get()
    config = {
        "store": {"name": tenant.name if tenant else ""},
        "assistant": {"name": assistant.name, "handoff_enabled": assistant.handoff_enabled},
        "theme": widget_theme(widget),
        "greeting": widget.greeting,
        "suggested_questions": widget.suggested_questions,
        "locale": widget.locale,
        "order_lookup": order_exists(),
    }
    record = {"config": config, "allowed_origins": widget.allowed_origins}
    cache.set(widget_config_cache_key(), record, WIDGET_CONFIG_CACHE_S)
    return record
