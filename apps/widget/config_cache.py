"""The per-store cache entry of the public widget config: read by apps.widget.selectors,
cleared by apps.widget.services (both import it from here, so neither depends on the other)."""

from __future__ import annotations

from apps.core.tenancy import current_schema

# The store part of the public widget config and the allowed origins are cached per store and
# cleared when widget, assistant or store settings change (widget_config_forget); the TTL bounds
# how long a store's first orders take to switch the shopper's order-status form on.
WIDGET_CONFIG_CACHE_S = 300


def widget_config_cache_key() -> str:
    # "widget-store": the entry holds the allowed origins too (an older "widget-config" entry
    # had only the config, and is left to expire).
    return f"widget-store:{current_schema()}"
